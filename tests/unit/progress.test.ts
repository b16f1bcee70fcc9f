import { describe, expect, it } from 'vitest';
import { criteria, criterionIds, isCriterionId, type CriterionId } from '../../src/lib/domain/criteria';
import { describeNextStep, nextStep, stageOf, type CriterionFacts } from '../../src/lib/domain/progress';

const none: CriterionFacts = { read: false, checkPassed: false, evidence: 'none' };
const all = (f: CriterionFacts) => Object.fromEntries(criterionIds.map((id) => [id, f])) as Record<CriterionId, CriterionFacts>;

describe('the criteria', () => {
  it('are exactly P1–P9 and K1–K8, each with a title and a summary', () => {
    expect(criteria.map((c) => c.id)).toEqual(['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7', 'P8', 'P9', 'K1', 'K2', 'K3', 'K4', 'K5', 'K6', 'K7', 'K8']);
    for (const c of criteria) {
      expect(c.title.length).toBeGreaterThan(10);
      expect(c.summary.split(' ').length).toBeGreaterThan(15);
      expect(c.kind).toBe(c.id.startsWith('P') ? 'performance' : 'knowledge');
    }
  });
  it.each([['P1', true], ['K8', true], ['P10', false], ['k1', false], ['', false]])('isCriterionId(%s) → %s', (id, ok) => {
    expect(isCriterionId(id)).toBe(ok);
  });
});

describe('stageOf', () => {
  it.each<[CriterionFacts, string]>([
    [none, 'not-started'],
    [{ read: true, checkPassed: false, evidence: 'none' }, 'read'],
    [{ read: true, checkPassed: true, evidence: 'none' }, 'checked'],
    [{ read: false, checkPassed: false, evidence: 'pending' }, 'evidenced'],
    [{ read: true, checkPassed: true, evidence: 'not-yet' }, 'not-yet'],
    [{ read: false, checkPassed: false, evidence: 'met' }, 'met'],
  ])('%j → %s', (facts, stage) => {
    expect(stageOf(facts)).toBe(stage);
  });
});

describe('nextStep', () => {
  it('starts with reading P1', () => {
    expect(nextStep(all(none))).toEqual({ type: 'read', criterion: 'P1' });
  });
  it('suggests the first unread module after the ones already read', () => {
    const facts = all(none);
    facts.P1 = { ...none, read: true };
    facts.P2 = { ...none, read: true };
    expect(nextStep(facts)).toEqual({ type: 'read', criterion: 'P3' });
  });
  it('puts feedback waiting on the learner first', () => {
    const facts = all(none);
    facts.K4 = { read: true, checkPassed: true, evidence: 'not-yet' };
    expect(nextStep(facts)).toEqual({ type: 'resubmit', criterion: 'K4' });
  });
  it('moves to checks once everything is read, then evidence', () => {
    expect(nextStep(all({ ...none, read: true }))).toEqual({ type: 'check', criterion: 'P1' });
    expect(nextStep(all({ read: true, checkPassed: true, evidence: 'none' }))).toEqual({ type: 'evidence', criterion: 'P1' });
  });
  it('waits while evidence is with the assessor, and is complete when all are met', () => {
    const facts = all({ read: true, checkPassed: true, evidence: 'met' });
    expect(nextStep(facts)).toEqual({ type: 'complete' });
    facts.P9 = { read: true, checkPassed: true, evidence: 'pending' };
    expect(nextStep(facts)).toEqual({ type: 'wait' });
  });
  it('links each step somewhere useful', () => {
    expect(describeNextStep({ type: 'read', criterion: 'K2' }).href).toBe('/learn/modules/K2');
    expect(describeNextStep({ type: 'check', criterion: 'K2' }).href).toBe('/learn/modules/K2/check');
    expect(describeNextStep({ type: 'wait' }).href).toBeNull();
  });
});
