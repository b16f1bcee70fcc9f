import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { assessorAssignment, checkAttempt, decision, evidenceItem, learnerEvidenceState, reflection, reflectionVersion } from '../../db/schema';
import type { SessionUser } from '../../src/lib/server/auth/session';
import { decide } from '../../src/lib/server/portfolio/decisions';
import { resubmitEvidence, submitEvidence } from '../../src/lib/server/portfolio/evidence';
import { sampleDecision } from '../../src/lib/server/portfolio/sampling';
import { signOffUnit } from '../../src/lib/server/portfolio/sign-off';
import { computeEvidenceStates, evidenceStates } from '../../src/lib/server/portfolio/states';
import { portfolioByCriterion } from '../../src/lib/server/portfolio/view';
import { assessorQueue, assessorQueuePage } from '../../src/lib/server/portfolio/queue';
import { eq, inArray } from 'drizzle-orm';
import { criterionIds } from '../../src/lib/domain/criteria';
import { metMask } from '../../src/lib/domain/criterion-state';
import { learnerFacts } from '../../src/lib/server/progress';
import { useTestDatabase } from './support/test-db';

/** The evidence state of each criterion as the learner's home reads it. */
const evidenceOnHome = (facts: Awaited<ReturnType<typeof learnerFacts>>) => Object.fromEntries(Object.entries(facts).map(([id, f]) => [id, f.evidence]));

const database = useTestDatabase({ seed: true });
const t0 = new Date('2026-09-01T09:00:00Z');
const later = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

const who = (id: string, role: SessionUser['role'], organisationId: string | null, isLeadAssessor = false): SessionUser => ({ id, email: `${id}@x`, name: id, role, organisationId, isLeadAssessor });
const learner = who('user-learner', 'learner', 'org-harbour-street');
const learner2 = who('user-learner2', 'learner', 'org-harbour-street');
const assessor = who('user-assessor', 'assessor', null, true);
const otherAssessor = who('user-assessor2', 'assessor', null);
const manager = who('user-manager', 'manager', 'org-harbour-street');
const otherManager = who('user-quayside-manager', 'manager', 'org-quayside-trade');

async function reflectionFor(userId: string, body: string) {
  const id = randomUUID();
  await database.current().db.insert(reflection).values({ id, userId, title: 'The cheaper quote', criteria: ['P3'], currentVersion: 1, createdAt: t0, updatedAt: t0 });
  await database.current().db.insert(reflectionVersion).values({ reflectionId: id, version: 1, body, savedAt: t0 });
  return id;
}
const BODY = '## Situation\n\nA trade customer, Mr Patel, asked me on Tuesday to match a rival quote of £180 for a pressure washer we sell at £199.\n\n## Action\n\nI asked what he needed it for and checked the quote.';

describe('submitting evidence', () => {
  it('a double-clicked submit creates one item', async () => {
    const sourceId = await reflectionFor(learner.id, BODY);
    const id = randomUUID();
    const input = { id, learnerId: learner.id, kind: 'reflection' as const, sourceId, claims: ['P3', 'K3'], declaredOwnWork: true };
    const [a, b] = await Promise.all([submitEvidence(learner, input, t0), submitEvidence(learner, input, t0)]);
    expect(a).toEqual({ type: 'ok', id });
    expect(b).toEqual({ type: 'ok', id });
    const rows = await database.current().db.select().from(evidenceItem).where(eq(evidenceItem.sourceId, sourceId));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.status).toBe('submitted');
  });

  it('refuses without the declaration, without claims, or with someone else’s source', async () => {
    const sourceId = await reflectionFor(learner.id, BODY);
    const base = { id: randomUUID(), learnerId: learner.id, kind: 'reflection' as const, sourceId, claims: ['P3'], declaredOwnWork: true };
    expect(await submitEvidence(learner, { ...base, declaredOwnWork: false }, t0)).toMatchObject({ type: 'refused', field: 'declaredOwnWork' });
    expect(await submitEvidence(learner, { ...base, claims: ['P99'] }, t0)).toMatchObject({ type: 'refused', field: 'claims' });
    expect(await submitEvidence(learner2, { ...base, learnerId: learner2.id }, t0)).toMatchObject({ type: 'refused', field: 'sourceId' });
    expect(await submitEvidence(learner2, base, t0)).toMatchObject({ type: 'refused' });
  });

  it('a passed check can only claim its own criterion', async () => {
    const id = randomUUID();
    await database.current().db.insert(checkAttempt).values({ id, userId: learner.id, criterion: 'K4', questionIds: ['a'], answers: { a: ['a'] }, score: 100, passed: true, startedAt: t0, submittedAt: t0 });
    const r = await submitEvidence(learner, { id: randomUUID(), learnerId: learner.id, kind: 'check-attempt', sourceId: id, claims: ['P1', 'P2'], declaredOwnWork: true }, t0);
    expect(r.type).toBe('ok');
    const states = (await evidenceStates([learner.id])).get(learner.id)!;
    expect(states.K4).toBe('pending');
    expect(states.P1).not.toBe('pending');
  });

  it('who may write observations and witness testimony', async () => {
    const text = 'I watched her handle a refund request calmly, asking questions first.';
    const obs = (actor: SessionUser, learnerId: string) => submitEvidence(actor, { id: randomUUID(), learnerId, kind: 'observation', text, claims: ['P3'], declaredOwnWork: true }, t0);
    const wit = (actor: SessionUser, learnerId: string) => submitEvidence(actor, { id: randomUUID(), learnerId, kind: 'witness-testimony', text, claims: ['P3'], declaredOwnWork: true }, t0);
    expect((await obs(assessor, learner2.id)).type).toBe('ok');
    expect((await obs(otherAssessor, learner2.id)).type).toBe('refused');
    expect((await wit(manager, learner2.id)).type).toBe('ok');
    expect((await wit(otherManager, learner2.id)).type).toBe('refused');
    expect((await obs(learner2, learner2.id)).type).toBe('refused');
  });
});

describe("the assessor's queue", () => {
  it('gives a page of the longest waits, oldest first, and counts every waiting item of their learners', async () => {
    for (let i = 0; i < 3; i++) {
      const sourceId = await reflectionFor(learner.id, BODY);
      await submitEvidence(learner, { id: randomUUID(), learnerId: learner.id, kind: 'reflection', sourceId, claims: ['P2'], declaredOwnWork: true }, later(10 + i));
    }
    const d = database.current().db;
    const mine = (await d.select({ learnerId: assessorAssignment.learnerId }).from(assessorAssignment).where(eq(assessorAssignment.assessorId, assessor.id))).map((a) => a.learnerId);
    const awaiting = (await d.select().from(evidenceItem).where(inArray(evidenceItem.learnerId, mine))).filter((i) => i.status === 'submitted' || i.status === 'resubmitted');
    expect(awaiting.length).toBeGreaterThan(2);

    const whole = await assessorQueuePage(assessor.id, 1000);
    expect(whole.waiting).toBe(awaiting.length);
    expect(whole.items.map((q) => q.id).sort()).toEqual(awaiting.map((i) => i.id).sort());
    const times = whole.items.map((q) => q.submittedAt!.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));

    const firstTwo = await assessorQueuePage(assessor.id, 2);
    expect(firstTwo.waiting).toBe(awaiting.length);
    expect(firstTwo.items.map((q) => q.id)).toEqual(whole.items.slice(0, 2).map((q) => q.id));
    expect(await assessorQueuePage('user-nobody', 2)).toEqual({ items: [], waiting: 0 });
  });
});

describe('deciding, resubmitting, sampling and signing off', () => {
  it('decides per criterion, keeps every version, and records history in order', async () => {
    const sourceId = await reflectionFor(learner2.id, BODY);
    const id = randomUUID();
    await submitEvidence(learner2, { id, learnerId: learner2.id, kind: 'reflection', sourceId, claims: ['P3', 'P4'], declaredOwnWork: true }, t0);
    expect((await assessorQueue(assessor.id)).map((q) => q.id)).toContain(id);
    expect((await assessorQueue(otherAssessor.id)).map((q) => q.id)).not.toContain(id);

    const first = await decide(assessor, { evidenceId: id, version: 1, criterion: 'P3', outcome: 'met', feedback: 'Good questions before offering.', follows: '' }, later(1));
    expect(first).toMatchObject({ type: 'decided', allDecided: false });
    const second = await decide(assessor, { evidenceId: id, version: 1, criterion: 'P4', outcome: 'not-yet', feedback: 'Say what alternative you offered.', follows: '' }, later(2));
    expect(second).toMatchObject({ type: 'decided', allDecided: true });
    expect((await assessorQueue(assessor.id)).map((q) => q.id)).not.toContain(id);

    // Resubmission: a new version; a stale second tab is refused.
    expect((await resubmitEvidence(learner2, { evidenceId: id, expectedVersion: 1, claims: ['P4'], declaredOwnWork: true }, later(3))).type).toBe('ok');
    expect((await resubmitEvidence(learner2, { evidenceId: id, expectedVersion: 1, claims: ['P4'], declaredOwnWork: true }, later(3))).type).toBe('refused');
    expect((await evidenceStates([learner2.id])).get(learner2.id)!.P4).toBe('pending');

    const p3Latest = (await database.current().db.select().from(decision).where(eq(decision.evidenceId, id))).find((d) => d.criterion === 'P4')!;
    const accepted = await decide(assessor, { evidenceId: id, version: 2, criterion: 'P4', outcome: 'met', feedback: 'Now clear: the delivery date alternative.', follows: p3Latest.id }, later(4));
    expect(accepted.type).toBe('decided');
    const states = (await evidenceStates([learner2.id])).get(learner2.id)!;
    expect([states.P3, states.P4]).toEqual(['met', 'met']);
    const history = await database.current().db.select().from(decision).where(eq(decision.evidenceId, id));
    expect(history.map((h) => `${h.criterion}:${h.outcome}:v${h.version}`).sort()).toEqual(['P3:met:v1', 'P4:met:v2', 'P4:not-yet:v1']);
  });

  it('two assessors deciding the same criterion at once: the second is told it changed', async () => {
    const id = randomUUID();
    await submitEvidence(assessor, { id, learnerId: learner.id, kind: 'observation', text: 'Observed a calm, well-questioned negotiation at the trade counter.', claims: ['K3'], declaredOwnWork: true }, t0);
    const a = decide(assessor, { evidenceId: id, version: 1, criterion: 'K3', outcome: 'met', feedback: 'Clear use of trading.', follows: '' }, later(5));
    const b = decide(assessor, { evidenceId: id, version: 1, criterion: 'K3', outcome: 'not-yet', feedback: 'Needs a summary.', follows: '' }, later(5));
    const results = await Promise.all([a, b]);
    expect(results.map((r) => r.type).sort()).toEqual(['changed', 'decided']);
    const changed = results.find((r) => r.type === 'changed');
    expect(changed && changed.type === 'changed' && changed.latest?.outcome).toBeTruthy();
    expect(await database.current().db.select().from(decision).where(eq(decision.evidenceId, id))).toHaveLength(1);
  });

  it('an unassigned assessor cannot decide; the database refuses to edit a decision', async () => {
    const id = randomUUID();
    await submitEvidence(assessor, { id, learnerId: learner.id, kind: 'observation', text: 'Observed the learner declining a refund politely and offering an exchange.', claims: ['P4'], declaredOwnWork: true }, t0);
    expect((await decide(otherAssessor, { evidenceId: id, version: 1, criterion: 'P4', outcome: 'met', feedback: 'Fine work here.', follows: '' }, later(6))).type).toBe('refused');
    const ok = await decide(assessor, { evidenceId: id, version: 1, criterion: 'P4', outcome: 'met', feedback: 'Fine work here.', follows: '' }, later(6));
    expect(ok.type).toBe('decided');
    await expect(database.current().client.execute({ sql: "update decision set outcome = 'not-yet' where evidence_id = ?", args: [id] })).rejects.toThrow(/append-only/);
  });

  it('a lead assessor’s disagreement reopens the criterion', async () => {
    const id = randomUUID();
    await submitEvidence(otherAssessor, { id, learnerId: 'user-quayside-learner', kind: 'observation', text: 'Observed the learner matching a competitor price without checking it.', claims: ['K1'], declaredOwnWork: true }, t0);
    const d = await decide(otherAssessor, { evidenceId: id, version: 1, criterion: 'K1', outcome: 'met', feedback: 'Good research of rivals.', follows: '' }, later(7));
    if (d.type !== 'decided') throw new Error('not decided');
    expect((await sampleDecision(otherAssessor, { decisionId: d.decision.id, agrees: false, reason: 'not lead' }, later(8))).type).toBe('refused');
    const s = await sampleDecision(assessor, { decisionId: d.decision.id, agrees: false, reason: 'The quote was never verified, so K1 is not shown.' }, later(8));
    expect(s).toEqual({ type: 'sampled', reopened: true });
    expect((await evidenceStates(['user-quayside-learner'])).get('user-quayside-learner')!.K1).toBe('pending');
    expect((await sampleDecision(assessor, { decisionId: d.decision.id, agrees: true, reason: 'again' }, later(9))).type).toBe('refused');
  });

  it('signs off only when all 17 are met, then locks the portfolio', async () => {
    const learnerId = learner.id;
    expect(await signOffUnit(assessor, learnerId, true, later(10))).toMatchObject({ type: 'refused', reason: expect.stringMatching(/Not every criterion/) });
    const id = randomUUID();
    await submitEvidence(assessor, { id, learnerId, kind: 'observation', text: 'A full day observed on the shop floor covering every criterion of the unit.', claims: [...criterionIds], declaredOwnWork: true }, later(11));
    for (const c of criterionIds) {
      const r = await decide(assessor, { evidenceId: id, version: 1, criterion: c, outcome: 'met', feedback: 'Shown clearly on the day.', follows: (await database.current().db.select().from(decision).where(eq(decision.evidenceId, id))).filter((x) => x.criterion === c).at(-1)?.id ?? '' }, later(12));
      expect(r.type).toBe('decided');
    }
    expect(await signOffUnit(otherAssessor, learnerId, true, later(13))).toMatchObject({ type: 'refused' });
    expect(await signOffUnit(assessor, learnerId, false, later(13))).toMatchObject({ type: 'refused' });
    expect(await signOffUnit(assessor, learnerId, true, later(13))).toEqual({ type: 'signed' });
    expect(await signOffUnit(assessor, learnerId, true, later(14))).toMatchObject({ type: 'refused' });
    const more = await submitEvidence(assessor, { id: randomUUID(), learnerId, kind: 'observation', text: 'Another observation after sign-off should be refused.', claims: ['P1'], declaredOwnWork: true }, later(15));
    expect(more).toMatchObject({ type: 'refused', reason: expect.stringMatching(/locked/) });
  });

  it('the stored states agree with the records after submissions, decisions, resubmissions and samples', async () => {
    const ids = [learner.id, learner2.id, 'user-quayside-learner'];
    const stored = await database.current().db.select().from(learnerEvidenceState).where(inArray(learnerEvidenceState.learnerId, ids));
    // Every learner above was written to, so each has a stored row, and it is what the pages read.
    expect(stored.map((row) => row.learnerId).sort()).toEqual([...ids].sort());
    const fromRecords = await computeEvidenceStates(database.current().db, ids);
    const read = await evidenceStates(ids);
    for (const id of ids) {
      expect(read.get(id)).toEqual(fromRecords.get(id));
      const page = await portfolioByCriterion(id);
      expect(Object.fromEntries(page.entries.map((e) => [e.id, e.state]))).toEqual(fromRecords.get(id));
      expect(evidenceOnHome(await learnerFacts(id))).toEqual(fromRecords.get(id));
    }
    // The stored mask of met criteria (the manager's home reads it) is written with the states.
    for (const row of stored) expect(row.metMask, row.learnerId).toBe(metMask(fromRecords.get(row.learnerId)!));
    expect(stored.find((row) => row.learnerId === learner.id)!.metMask & 1).toBe(1);
    expect(read.get(learner.id)!.P1).toBe('met');
    expect(read.get('user-quayside-learner')!.K1).toBe('pending');
    // Without a stored row (records written before the cache existed) the answer comes from the records.
    await database.current().db.delete(learnerEvidenceState).where(eq(learnerEvidenceState.learnerId, learner2.id));
    expect((await evidenceStates([learner2.id])).get(learner2.id)).toEqual(fromRecords.get(learner2.id));
    expect(evidenceOnHome(await learnerFacts(learner2.id))).toEqual(fromRecords.get(learner2.id));
  });
});
