/**
 * Quality sampling's figures, held to the records: the per-assessor counts kept by triggers
 * (assessor_sampling_count) equal a recount of every decision and sample, before and after new ones;
 * the migration's backfill gives the same counts; and the candidates are the newest unsampled decisions
 * of other assessors.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER } from '../../db/migrate';
import { assessorSamplingCount, decision, qualitySample, user } from '../../db/schema';
import type { SessionUser } from '../../src/lib/server/auth/session';
import { decide } from '../../src/lib/server/portfolio/decisions';
import { submitEvidence } from '../../src/lib/server/portfolio/evidence';
import { sampleCandidates, sampleDecision, samplingRates } from '../../src/lib/server/portfolio/sampling';
import { useTestDatabase } from './support/test-db';

const database = useTestDatabase({ seed: true });
const lead: SessionUser = { id: 'user-assessor', email: 'assessor@demo.goodwill.test', name: 'Grace Okafor', role: 'assessor', organisationId: null, isLeadAssessor: true };
const other: SessionUser = { id: 'user-assessor2', email: 'assessor2@demo.goodwill.test', name: 'Sam Patel', role: 'assessor', organisationId: null, isLeadAssessor: false };
const t0 = new Date('2026-10-01T09:00:00Z');

/** Every decision and sample read back and counted here, by assessor: what the page must show. */
async function recount() {
  const d = database.current().db;
  const [decisions, samples, people] = await Promise.all([d.select().from(decision), d.select().from(qualitySample), d.select().from(user)]);
  const byId = new Map(decisions.map((x) => [x.id, x]));
  const counts = new Map<string, { decisions: number; sampled: number; disagreed: number }>();
  const of = (id: string) => counts.get(id) ?? counts.set(id, { decisions: 0, sampled: 0, disagreed: 0 }).get(id)!;
  for (const x of decisions) of(x.assessorId).decisions++;
  for (const s of samples) {
    const counted = of(byId.get(s.decisionId)!.assessorId);
    counted.sampled++;
    if (!s.agrees) counted.disagreed++;
  }
  const name = new Map(people.map((p) => [p.id, p.name]));
  return [...counts]
    .map(([assessorId, c]) => ({ assessorId, name: name.get(assessorId)!, ...c, rate: c.decisions ? c.sampled / c.decisions : 0 }))
    .sort((a, b) => (a.name === b.name ? (a.assessorId < b.assessorId ? -1 : 1) : a.name < b.name ? -1 : 1));
}

describe('quality sampling', () => {
  it('shows per-assessor counts equal to a recount of the records', async () => {
    const expected = await recount();
    expect(expected.length).toBeGreaterThan(0);
    expect(await samplingRates()).toEqual(expected);
  });

  it('counts new decisions and samples, agreeing and disagreeing, as they are recorded', async () => {
    const before = new Map((await samplingRates()).map((r) => [r.assessorId, r]));
    const evidence = randomUUID();
    expect((await submitEvidence(other, { id: evidence, learnerId: 'user-quayside-learner', kind: 'observation', title: 'Watched at the till', text: 'Watched a busy hour at the till and the returns desk.', claims: ['P1', 'P2'], declaredOwnWork: true }, t0)).type).toBe('ok');
    for (const criterion of ['P1', 'P2']) {
      expect((await decide(other, { evidenceId: evidence, version: 1, criterion, outcome: 'met', feedback: 'Clear and specific.', follows: '' }, t0)).type).toBe('decided');
    }
    const [p1, p2] = (await sampleCandidates(lead.id)).filter((c) => c.decision.evidenceId === evidence).map((c) => c.decision.id);
    expect(p1 && p2).toBeTruthy();
    expect((await sampleDecision(lead, { decisionId: p1!, agrees: true, reason: 'Agreed: the account shows it.' }, t0)).type).toBe('sampled');
    expect((await sampleDecision(lead, { decisionId: p2!, agrees: false, reason: 'Not enough on the second criterion.' }, t0)).type).toBe('sampled');

    const after = await samplingRates();
    expect(after).toEqual(await recount());
    const was = before.get(other.id) ?? { decisions: 0, sampled: 0, disagreed: 0 };
    const now = after.find((r) => r.assessorId === other.id)!;
    expect([now.decisions - was.decisions, now.sampled - was.sampled, now.disagreed - was.disagreed]).toEqual([2, 2, 1]);
    // A refused sample (already sampled) counts nothing.
    expect((await sampleDecision(lead, { decisionId: p1!, agrees: false, reason: 'Again.' }, t0)).type).toBe('refused');
    expect(await samplingRates()).toEqual(after);
  });

  it("migration 0013's backfill gives the counts the triggers keep", async () => {
    const d = database.current().db;
    const kept = await samplingRates();
    await d.delete(assessorSamplingCount);
    expect(await samplingRates()).toEqual([]);
    const migration = readFileSync(join(MIGRATIONS_FOLDER, '0013_sampling-counts.sql'), 'utf8');
    const backfill = migration.split('--> statement-breakpoint').find((statement) => statement.includes('INSERT INTO `assessor_sampling_count`') && statement.includes('GROUP BY'))!;
    await d.run(sql.raw(backfill));
    expect(await samplingRates()).toEqual(kept);
  });

  it('offers the newest decisions of other assessors that are not yet sampled', async () => {
    const d = database.current().db;
    const sampled = new Set((await d.select().from(qualitySample)).map((s) => s.decisionId));
    const eligible = (await d.select().from(decision)).filter((x) => x.assessorId !== lead.id && !sampled.has(x.id));
    const offered = await sampleCandidates(lead.id, 5);
    expect(offered).toHaveLength(Math.min(5, eligible.length));
    const offeredIds = new Set(offered.map((c) => c.decision.id));
    for (const c of offered) {
      expect(c.decision.assessorId).not.toBe(lead.id);
      expect(sampled.has(c.decision.id)).toBe(false);
    }
    // Nothing left out is newer than anything offered, and the offer runs newest first.
    const oldestOffered = Math.min(...offered.map((c) => c.decision.decidedAt.getTime()));
    for (const x of eligible) if (!offeredIds.has(x.id)) expect(x.decidedAt.getTime()).toBeLessThanOrEqual(oldestOffered);
    const times = offered.map((c) => c.decision.decidedAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });
});
