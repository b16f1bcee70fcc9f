import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvent, authorityGrant, authorityLevel, notification } from '../../db/schema';
import { findLevel, shopLevels, updateLevel } from '../../src/lib/server/management/authority-levels';
import { acknowledgeGrant, authorityHistory, grantInForce, grantLevel, revokeAuthority } from '../../src/lib/server/management/grants';
import { DEMO_ORG, levelId, meetCriteria, newLearner, OTHER_ORG, sessionUser } from './management-helpers';
import { useTestDatabase } from './support/test-db';

const database = useTestDatabase({ seed: true });
const t0 = new Date('2026-04-01T09:00:00Z');
const at = (hours: number) => new Date(t0.getTime() + hours * 3_600_000);
const basic = levelId(DEMO_ORG, 'basic');

describe('authority levels as data', () => {
  it('gives a shop without levels the default ladder, once, however often it is asked', async () => {
    const [a, b] = await Promise.all([shopLevels(OTHER_ORG, t0), shopLevels(OTHER_ORG, t0)]);
    expect(a.map((l) => l.name)).toEqual(['No authority', 'Up to 5 % or £25', 'Up to 10 % or £150', 'Up to 20 % or £500, with payment terms']);
    expect(b).toHaveLength(4);
    const rows = await database.current().db.select().from(authorityLevel).where(eq(authorityLevel.organisationId, OTHER_ORG));
    expect(rows).toHaveLength(4);
  });

  it('detects a second editor: the first save wins, the second is told what changed and nothing is written', async () => {
    const manager = await sessionUser('user-manager');
    const actor = { id: manager.id, organisationId: DEMO_ORG };
    const level = (await findLevel(DEMO_ORG, levelId(DEMO_ORG, 'standard')))!;
    const fields = { name: level.name, rank: level.rank, maxDiscount: level.maxDiscount, maxValue: level.maxValue, allowedConcessions: level.allowedConcessions as never, requiredCriteria: level.requiredCriteria as never };
    const first = await updateLevel(actor, level.id, { ...fields, name: 'Up to 10 % or £175', maxValue: 175 }, level.lockVersion, at(1));
    expect(first.type).toBe('saved');
    const second = await updateLevel(actor, level.id, { ...fields, name: 'Up to 12 % or £150', maxDiscount: 0.12 }, level.lockVersion, at(2));
    expect(second.type).toBe('conflict');
    if (second.type === 'conflict') expect(second.current).toMatchObject({ name: 'Up to 10 % or £175', maxValue: 175, lockVersion: level.lockVersion + 1 });
    expect((await findLevel(DEMO_ORG, level.id))?.name).toBe('Up to 10 % or £175');
  });

  it("does not let a manager edit another shop's level", async () => {
    const other = await sessionUser('user-quayside-manager');
    const level = (await findLevel(DEMO_ORG, basic))!;
    expect(await findLevel(OTHER_ORG, basic)).toBeUndefined();
    const r = await updateLevel({ id: other.id, organisationId: OTHER_ORG }, basic, { name: 'Hijacked', rank: 1, maxDiscount: 0.5, maxValue: 999, allowedConcessions: [], requiredCriteria: [] }, level.lockVersion, at(1));
    expect(r.type).toBe('not-found');
    expect((await findLevel(DEMO_ORG, basic))?.name).toBe(level.name);
  });
});

describe('granting, overriding, acknowledging and revoking', () => {
  it('refuses a grant whose criteria are not met, naming what is missing, and writes nothing', async () => {
    const manager = await sessionUser('user-manager');
    const learner = await newLearner(DEMO_ORG);
    const r = await grantLevel(manager, { staffId: learner.id, levelId: basic }, t0);
    expect(r).toEqual({ type: 'refused', missing: ['K3', 'K4', 'P6'] });
    expect(await authorityHistory(learner.id)).toEqual([]);
  });

  it('records an override when the manager gives a reason, audits it and asks the learner to acknowledge', async () => {
    const manager = await sessionUser('user-manager');
    const learner = await newLearner(DEMO_ORG);
    await meetCriteria(learner.id, ['K3'], t0);
    const r = await grantLevel(manager, { staffId: learner.id, levelId: basic, reason: 'Trusted with small terms while assessment is booked.' }, at(1));
    expect(r).toMatchObject({ type: 'granted', kind: 'override' });
    const [row] = await authorityHistory(learner.id);
    expect(row?.row).toMatchObject({ kind: 'override', reason: 'Trusted with small terms while assessment is booked.', grantedBy: 'user-manager' });
    expect(row?.level).toMatchObject({ name: 'Up to 5 % or £25', maxDiscount: 0.05, maxValue: 25 });
    expect(row?.acknowledgedAt).toBeNull();
    const audits = await database.current().db.select().from(auditEvent).where(and(eq(auditEvent.subjectId, learner.id), eq(auditEvent.action, 'authority-override')));
    expect(audits[0]?.detail).toMatchObject({ missing: ['K4', 'P6'] });
    const notes = await database.current().db.select().from(notification).where(eq(notification.userId, learner.id));
    expect(notes[0]?.link).toBe('/learn/authority');
  });

  it('grants without a reason when every criterion is met', async () => {
    const manager = await sessionUser('user-manager');
    const learner = await newLearner(DEMO_ORG);
    await meetCriteria(learner.id, ['K3', 'K4', 'P6'], t0);
    expect(await grantLevel(manager, { staffId: learner.id, levelId: basic }, at(1))).toMatchObject({ type: 'granted', kind: 'grant' });
    const audits = await database.current().db.select().from(auditEvent).where(and(eq(auditEvent.subjectId, learner.id), eq(auditEvent.action, 'authority-granted')));
    expect(audits).toHaveLength(1);
  });

  it('the grant is pending until the learner acknowledges it; only the current grant can be acknowledged, once', async () => {
    const manager = await sessionUser('user-manager');
    const learner = await newLearner(DEMO_ORG);
    const first = await grantLevel(manager, { staffId: learner.id, levelId: levelId(DEMO_ORG, 'none') }, at(1));
    const second = await grantLevel(manager, { staffId: learner.id, levelId: basic, reason: 'Moved up after a month on the floor.' }, at(2));
    if (first.type !== 'granted' || second.type !== 'granted') throw new Error('expected grants');
    expect((await grantInForce(learner.id, at(3)))?.acknowledgedAt).toBeNull();
    expect(await acknowledgeGrant(learner, first.grantId, at(3))).toEqual({ type: 'not-current' });
    expect(await acknowledgeGrant(learner, second.grantId, at(3))).toEqual({ type: 'acknowledged' });
    expect(await acknowledgeGrant(learner, second.grantId, at(4))).toEqual({ type: 'already' });
    expect((await grantInForce(learner.id, at(5)))?.acknowledgedAt?.getTime()).toBe(at(3).getTime());
    // Someone else cannot acknowledge on the learner's behalf.
    const other = await newLearner(DEMO_ORG);
    expect(await acknowledgeGrant(other, second.grantId, at(5))).toEqual({ type: 'not-current' });
  });

  it('revokes with a reason; the history keeps every row and the latest decides', async () => {
    const manager = await sessionUser('user-manager');
    const learner = await newLearner(DEMO_ORG);
    await grantLevel(manager, { staffId: learner.id, levelId: basic, reason: 'Covering the garden centre this month.' }, at(1));
    expect(await revokeAuthority(manager, { staffId: learner.id, reason: 'Agreed a term far over the limit without referring it.' }, at(5))).toMatchObject({ type: 'revoked' });
    expect(await revokeAuthority(manager, { staffId: learner.id, reason: 'Twice is nothing to revoke.' }, at(6))).toEqual({ type: 'nothing-to-revoke' });
    const history = await authorityHistory(learner.id);
    expect(history.map((h) => h.row.kind)).toEqual(['revoke', 'override']);
    expect((await grantInForce(learner.id, at(4)))?.level?.name).toBe('Up to 5 % or £25');
    expect((await grantInForce(learner.id, at(6)))?.level).toBeNull();
    const audits = await database.current().db.select().from(auditEvent).where(and(eq(auditEvent.subjectId, learner.id), eq(auditEvent.action, 'authority-revoked')));
    expect(audits).toHaveLength(1);
  });

  it('keeps the history append-only in the database', async () => {
    const { client } = database.current();
    await expect(client.execute("update authority_grant set reason = 'changed'")).rejects.toThrow(/append-only/);
    await expect(client.execute('delete from authority_acknowledgement')).rejects.toThrow(/append-only/);
  });

  it("refuses to act on another shop's staff as if they did not exist", async () => {
    const other = await sessionUser('user-quayside-manager');
    const before = await authorityHistory('user-learner');
    expect(await grantLevel(other, { staffId: 'user-learner', levelId: basic, reason: 'Not my shop, trying anyway.' }, at(1))).toEqual({ type: 'not-found' });
    expect(await revokeAuthority(other, { staffId: 'user-learner', reason: 'Not my shop, trying anyway.' }, at(1))).toEqual({ type: 'not-found' });
    // Nor may a manager grant their own shop's staff a level from another shop.
    const manager = await sessionUser('user-manager');
    expect(await grantLevel(manager, { staffId: 'user-learner2', levelId: levelId(OTHER_ORG, 'none'), reason: 'A level from elsewhere.' }, at(1))).toEqual({ type: 'not-found' });
    expect(await authorityHistory('user-learner')).toEqual(before);
    const rows = await database.current().db.select().from(authorityGrant).where(eq(authorityGrant.grantedBy, 'user-quayside-manager'));
    expect(rows).toHaveLength(0);
  });
});
