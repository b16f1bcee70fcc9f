import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { checkAttempt } from '../../db/schema';
import type { Question } from '../../src/lib/domain/content/module-schema';
import { learnerFacts } from '../../src/lib/server/progress';
import { isModuleRead, markModuleRead, ownAttempt, startAttempt, submitAttempt } from '../../src/lib/server/learning/checks';
import { useTestDatabase } from './support/test-db';

const database = useTestDatabase({ seed: true });
const t0 = new Date('2026-04-01T10:00:00Z');
const q = (id: string): Question => ({
  id,
  type: 'single',
  prompt: `Question ${id}?`,
  options: [
    { id: 'a', text: 'right', correct: true, explanation: 'This is the right answer here.' },
    { id: 'b', text: 'wrong', correct: false, explanation: 'This is not the right answer.' },
    { id: 'c', text: 'wrong too', correct: false, explanation: 'This is not right either.' },
  ],
});
const bank = ['q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7', 'q8'].map(q);
const all = (ids: string[], option: string) => Object.fromEntries(ids.map((id) => [id, [option]]));

describe('knowledge-check attempts', () => {
  it('draws five of the bank, and resumes the same open attempt instead of reshuffling', async () => {
    const a = await startAttempt('user-learner2', 'K1', bank, t0);
    const b = await startAttempt('user-learner2', 'K1', bank, t0);
    expect(b).toBe(a);
    const attempt = await ownAttempt('user-learner2', a);
    expect(attempt?.questionIds).toHaveLength(5);
    expect(await ownAttempt('user-learner', a)).toBeUndefined();
  });

  it('stores a marked attempt with its answers; a second submission changes nothing', async () => {
    const id = await startAttempt('user-learner2', 'K2', bank, t0);
    const ids = (await ownAttempt('user-learner2', id))!.questionIds;
    const answers = { ...all(ids, 'a'), [ids[0]!]: ['b'] };
    const r = await submitAttempt('user-learner2', id, bank, answers, t0);
    expect(r).toMatchObject({ type: 'marked', result: { percent: 80, passed: true } });
    const [row] = await database.current().db.select().from(checkAttempt).where(eq(checkAttempt.id, id));
    expect(row).toMatchObject({ answers, score: 80, passed: true });
    const again = await submitAttempt('user-learner2', id, bank, all(ids, 'a'), t0);
    expect(again).toEqual({ type: 'already-submitted' });
    const [unchanged] = await database.current().db.select().from(checkAttempt).where(eq(checkAttempt.id, id));
    expect(unchanged?.score).toBe(80);
  });

  it.each([
    ['a question not in the attempt', (ids: string[]) => ({ ...all(ids, 'a'), q99: ['a'] })],
    ['an option that does not exist', (ids: string[]) => ({ ...all(ids, 'a'), [ids[0]!]: ['z'] })],
    ['an unanswered question', (ids: string[]) => all(ids.slice(1), 'a')],
  ])('%s is refused and nothing is stored', async (_label, make) => {
    const id = await startAttempt('user-learner2', 'K3', bank, t0);
    const ids = (await ownAttempt('user-learner2', id))!.questionIds;
    const r = await submitAttempt('user-learner2', id, bank, make(ids), t0);
    expect(r.type).toBe('invalid');
    const [row] = await database.current().db.select().from(checkAttempt).where(eq(checkAttempt.id, id));
    expect(row?.submittedAt).toBeNull();
    expect(row?.answers).toBeNull();
  });

  it('someone else cannot submit my attempt', async () => {
    const id = await startAttempt('user-learner2', 'K5', bank, t0);
    expect(await submitAttempt('user-learner', id, bank, {}, t0)).toEqual({ type: 'not-found' });
  });
});

describe('progress', () => {
  it('follows reading and passing into the learner’s facts', async () => {
    expect((await learnerFacts('user-learner2')).P7).toEqual({ read: false, checkPassed: false, evidence: 'none' });
    await markModuleRead('user-learner2', 'P7', t0);
    await markModuleRead('user-learner2', 'P7', t0);
    expect(await isModuleRead('user-learner2', 'P7')).toBe(true);
    const id = await startAttempt('user-learner2', 'P7', bank, t0);
    const ids = (await ownAttempt('user-learner2', id))!.questionIds;
    await submitAttempt('user-learner2', id, bank, all(ids, 'a'), t0);
    expect((await learnerFacts('user-learner2')).P7).toEqual({ read: true, checkPassed: true, evidence: 'none' });
    // A failed check does not count as passed.
    const failed = await startAttempt('user-learner2', 'P8', bank, t0);
    const fids = (await ownAttempt('user-learner2', failed))!.questionIds;
    await submitAttempt('user-learner2', failed, bank, all(fids, 'b'), t0);
    expect((await learnerFacts('user-learner2')).P8.checkPassed).toBe(false);
  });
});
