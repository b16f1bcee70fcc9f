/**
 * The manager's home and the competence matrix read the shop's staff in one statement (as one JSON
 * value): the matrix every person's states and grant, the home (readiness.ts) only each person's stored
 * mask of met criteria and their grant's level. These check what comes back against the records, the
 * home's answer for every person against the matrix's, and the home's short lists against the matrix's
 * full ones.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { learnerEvidenceState } from '../../db/schema';
import { MIGRATIONS_FOLDER } from '../../db/migrate';
import { metMask } from '../../src/lib/domain/criterion-state';
import { shopReadiness } from '../../src/lib/server/management/readiness';
import { filterStaff, READY_FOR_MORE, shopCompetence } from '../../src/lib/server/management/competence';
import { acknowledgeGrant, authorityHistory, grantLevel, revokeAuthority } from '../../src/lib/server/management/grants';
import { managerHome, PEOPLE_ON_HOME } from '../../src/lib/server/management/home';
import { computeEvidenceStates } from '../../src/lib/server/portfolio/states';
import { DEMO_ORG, levelId, meetCriteria, newLearner, sessionUser } from './management-helpers';
import { useTestDatabase } from './support/test-db';

const database = useTestDatabase({ seed: true });
const t0 = new Date('2026-05-01T09:00:00Z');
const basicCriteria = ['K3', 'K4', 'P6'];

describe("the shop's staff as the home and the matrix read them", () => {
  it('gives each person their states and their current grant exactly as the records hold them', async () => {
    const manager = await sessionUser('user-manager');
    const granted = await newLearner(DEMO_ORG, 'Grant Reader');
    await meetCriteria(granted.id, basicCriteria, t0);
    expect(await grantLevel(manager, { staffId: granted.id, levelId: levelId(DEMO_ORG, 'basic') }, t0)).toMatchObject({ type: 'granted' });
    const { staff } = await shopCompetence(DEMO_ORG, t0);

    const person = staff.find((p) => p.id === granted.id)!;
    const [current] = await authorityHistory(granted.id);
    expect(person.current).toEqual(current);
    expect(person.current?.row.grantedAt).toBeInstanceOf(Date);
    const fromRecords = await computeEvidenceStates(database.current().db, staff.map((p) => p.id));
    for (const p of staff) expect(p.states).toEqual(fromRecords.get(p.id));
    // By name, in SQLite's (binary) order.
    const names = staff.map((p) => p.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('names at most a few people in each list on the home, with the total, and the matrix filter shows them all', async () => {
    const manager = await sessionUser('user-manager');
    const actor = { id: manager.id, organisationId: DEMO_ORG };
    const before = await managerHome(actor, t0);
    const added = PEOPLE_ON_HOME + 2;
    for (let i = 0; i < added; i++) {
      const p = await newLearner(DEMO_ORG, `Ready ${String(i).padStart(2, '0')}`);
      await meetCriteria(p.id, basicCriteria, t0);
      // Half of them are granted the level they qualify for and have not acknowledged it.
      if (i % 2 === 0) await grantLevel(manager, { staffId: p.id, levelId: levelId(DEMO_ORG, 'basic') }, t0);
    }
    const home = await managerHome(actor, t0);
    expect(home.ready.total).toBe(before.ready.total + added / 2);
    expect(home.pendingAcknowledgement.total).toBe(before.pendingAcknowledgement.total + added / 2);
    expect(home.ready.first).toHaveLength(Math.min(PEOPLE_ON_HOME, home.ready.total));

    const { levels, staff } = await shopCompetence(DEMO_ORG, t0);
    const everyoneReady = filterStaff(staff, levels, { readyForLevel: READY_FOR_MORE });
    expect(everyoneReady).toHaveLength(home.ready.total);
    expect(home.ready.first.map((p) => p.id)).toEqual(everyoneReady.slice(0, PEOPLE_ON_HOME).map((p) => p.id));
    for (const p of everyoneReady) expect(p.readyFor!.rank).toBeGreaterThan(p.current?.level?.rank ?? 0);
  });

  it('drops someone from "waiting for acknowledgement" once they acknowledge', async () => {
    const manager = await sessionUser('user-manager');
    const actor = { id: manager.id, organisationId: DEMO_ORG };
    const p = await newLearner(DEMO_ORG, 'Aaa Acknowledger');
    await meetCriteria(p.id, basicCriteria, t0);
    await grantLevel(manager, { staffId: p.id, levelId: levelId(DEMO_ORG, 'basic') }, t0);
    const waiting = await managerHome(actor, t0);
    expect(waiting.pendingAcknowledgement.first.map((x) => x.id)).toContain(p.id);
    const [current] = await authorityHistory(p.id);
    expect((await acknowledgeGrant(await sessionUser(p.id), current!.row.id, t0)).type).toBe('acknowledged');
    const after = await managerHome(actor, t0);
    expect(after.pendingAcknowledgement.total).toBe(waiting.pendingAcknowledgement.total - 1);
    expect(after.pendingAcknowledgement.first.map((x) => x.id)).not.toContain(p.id);
  });

  it("gives every person the same readiness, level held and grant as the matrix, whatever they hold", async () => {
    const manager = await sessionUser('user-manager');
    // One person of each kind beside the demo shop's: qualified for more than they hold, holding exactly
    // what they qualify for, and revoked.
    const more = await newLearner(DEMO_ORG, 'Kind More');
    await meetCriteria(more.id, ['K3', 'K4', 'P6', 'P2', 'P3', 'P4', 'K2'], t0);
    await grantLevel(manager, { staffId: more.id, levelId: levelId(DEMO_ORG, 'basic') }, t0);
    const exact = await newLearner(DEMO_ORG, 'Kind Exact');
    await meetCriteria(exact.id, basicCriteria, t0);
    await grantLevel(manager, { staffId: exact.id, levelId: levelId(DEMO_ORG, 'basic') }, t0);
    const revoked = await newLearner(DEMO_ORG, 'Kind Revoked');
    await meetCriteria(revoked.id, basicCriteria, t0);
    await grantLevel(manager, { staffId: revoked.id, levelId: levelId(DEMO_ORG, 'basic') }, t0);
    expect(await revokeAuthority(manager, { staffId: revoked.id, reason: 'Gave a discount outside the limits twice.' }, new Date(t0.getTime() + 60_000))).toMatchObject({ type: 'revoked' });

    const [readiness, { staff }] = await Promise.all([shopReadiness(DEMO_ORG, t0), shopCompetence(DEMO_ORG, t0)]);
    const fromMatrix = staff.map((p) => ({
      id: p.id,
      name: p.name,
      readyFor: p.readyFor?.id ?? null,
      held: p.current?.level ? { name: p.current.level.name, rank: p.current.level.rank } : null,
      grant: p.current ? { kind: p.current.row.kind, grantedAt: p.current.row.grantedAt, acknowledgedAt: p.current.acknowledgedAt } : null,
      readyForMore: p.readyForMore,
    }));
    expect(readiness.map((p) => ({ ...p, readyFor: p.readyFor?.id ?? null }))).toEqual(fromMatrix);
    const of = (id: string) => readiness.find((p) => p.id === id)!;
    expect([of(more.id).readyForMore, of(exact.id).readyForMore, of(revoked.id).readyForMore]).toEqual([true, false, true]);
    expect(of(revoked.id).held).toBeNull();
    expect(of(revoked.id).grant?.kind).toBe('revoke');
  });

  it('works out from the records anyone whose stored states are missing', async () => {
    const p = await newLearner(DEMO_ORG, 'Kind Unstored');
    await meetCriteria(p.id, basicCriteria, t0);
    const d = database.current().db;
    await d.delete(learnerEvidenceState).where(eq(learnerEvidenceState.learnerId, p.id));
    const person = (await shopReadiness(DEMO_ORG, t0)).find((x) => x.id === p.id)!;
    expect(person.readyFor?.id).toBe(levelId(DEMO_ORG, 'basic'));
    expect(person.readyForMore).toBe(true);
  });

  it("migration 0012's backfill gives stored rows the mask the app computes from their states", async () => {
    const d = database.current().db;
    const rows = await d.select().from(learnerEvidenceState);
    expect(rows.length).toBeGreaterThan(3);
    expect(rows.some((r) => r.metMask !== 0)).toBe(true);
    // Forget the masks, run the migration's UPDATE again, and compare with the app's own function.
    await d.update(learnerEvidenceState).set({ metMask: 0 });
    const migration = readFileSync(join(MIGRATIONS_FOLDER, '0012_stored-met-mask.sql'), 'utf8');
    const backfill = migration.split('--> statement-breakpoint').find((statement) => statement.includes('UPDATE'))!;
    await d.run(sql.raw(backfill));
    for (const row of await d.select().from(learnerEvidenceState)) expect(row.metMask, row.learnerId).toBe(metMask(row.states as Parameters<typeof metMask>[0]));
  });
});
