import { describe, expect, it } from 'vitest';
import type { Question } from '../../src/lib/domain/content/module-schema';
import { drawQuestions, markAttempt, scoreQuestion, submissionProblems } from '../../src/lib/domain/knowledge-check';

const opt = (id: string, correct: boolean) => ({ id, text: `option ${id}`, correct, explanation: `why option ${id} is what it is` }) as Question['options'][number];
const single: Question = { id: 'one', type: 'single', prompt: 'Pick the right one', options: [opt('a', false), opt('b', true), opt('c', false)] };
const scenario: Question = { id: 'next', type: 'scenario', prompt: 'What do you do next?', options: [opt('a', true), opt('b', false), opt('c', false)] };
// Three right answers (a, c, d) and two wrong (b, e).
const multi: Question = { id: 'many', type: 'multiple', prompt: 'Tick all that apply', options: [opt('a', true), opt('b', false), opt('c', true), opt('d', true), opt('e', false)] };
const bank = [single, scenario, multi, { ...single, id: 'two' }, { ...single, id: 'three' }, { ...scenario, id: 'four' }];

describe('scoreQuestion', () => {
  it.each<[Question, string[], number]>([
    [single, ['b'], 1],
    [single, ['a'], 0],
    [single, ['a', 'b'], 0],
    [single, [], 0],
    [scenario, ['a'], 1],
    [multi, ['a', 'c', 'd'], 1],
    [multi, ['a', 'c'], 2 / 3],
    [multi, ['a'], 1 / 3],
    [multi, ['a', 'c', 'd', 'b'], 2 / 3], // three right, one wrong: (3 − 1) / 3
    [multi, ['a', 'b', 'e'], 0], // (1 − 2) / 3 is below zero: floored
    [multi, ['a', 'b', 'c', 'd', 'e'], 1 / 3], // ticking everything: (3 − 2) / 3
  ])('%#: %o chosen %j → %d', (q, chosen, expected) => {
    expect(scoreQuestion(q, chosen)).toBeCloseTo(expected, 10);
  });
});

describe('markAttempt', () => {
  const ids = ['one', 'next', 'many', 'two', 'three'];
  it('passes at exactly 80 %', () => {
    const r = markAttempt(bank, ids, { one: ['b'], next: ['a'], many: ['b'], two: ['b'], three: ['b'] });
    expect(r.percent).toBe(80);
    expect(r.passed).toBe(true);
  });
  it('counts a partly right multiple question: 4⅔ of 5 passes', () => {
    const r = markAttempt(bank, ids, { one: ['b'], next: ['a'], many: ['a', 'c'], two: ['b'], three: ['b'] });
    expect(r.percent).toBe(Math.round(((4 + 2 / 3) / 5) * 100));
    expect(r.passed).toBe(true);
  });
  it('does not pass at 3⅔ of 5', () => {
    const r = markAttempt(bank, ids, { one: ['b'], next: ['a'], many: ['a', 'c'], two: ['b'], three: ['a'] });
    expect(r.percent).toBe(Math.round(((3 + 2 / 3) / 5) * 100));
    expect(r.passed).toBe(false);
  });
});

describe('drawQuestions', () => {
  it('draws five distinct questions from the bank, the same for the same seed', () => {
    const big = Array.from({ length: 9 }, (_, i) => ({ ...single, id: `q${i}` }));
    const a = drawQuestions(big, 42);
    expect(a).toHaveLength(5);
    expect(new Set(a).size).toBe(5);
    expect(drawQuestions(big, 42)).toEqual(a);
    const orders = new Set(Array.from({ length: 20 }, (_, s) => drawQuestions(big, s).join(',')));
    expect(orders.size).toBeGreaterThan(10);
  });
});

describe('submissionProblems', () => {
  const ids = ['one', 'many'];
  it.each([
    ['a complete submission', { one: ['b'], many: ['a'] }, []],
    ['an unanswered question', { one: ['b'] }, [{ type: 'unanswered', questionId: 'many' }]],
    ['a question not in the attempt', { one: ['b'], many: ['a'], two: ['b'] }, [{ type: 'not-in-attempt', questionId: 'two' }]],
    ['an option that does not exist', { one: ['z'], many: ['a'] }, [{ type: 'unknown-option', questionId: 'one', optionId: 'z' }]],
    ['two answers to a single question', { one: ['a', 'b'], many: ['a'] }, [{ type: 'too-many', questionId: 'one' }]],
  ])('%s', (_label, answers, expected) => {
    expect(submissionProblems(bank, ids, answers)).toEqual(expected);
  });
});
