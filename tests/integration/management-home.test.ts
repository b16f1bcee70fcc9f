/**
 * The manager's home and the competence matrix read the shop's staff in one statement (as one JSON
 * value); these check what comes back against the records, and the home's short lists against the
 * matrix's full ones.
 */
import { describe, expect, it } from 'vitest';
import { filterStaff, READY_FOR_MORE, shopCompetence } from '../../src/lib/server/management/competence';
import { acknowledgeGrant, authorityHistory, grantLevel } from '../../src/lib/server/management/grants';
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
});
