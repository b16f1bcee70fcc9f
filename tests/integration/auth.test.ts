import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { assessorAssignment, organisation, session as sessionTable, user as userTable } from '../../db/schema';
import { assignedLearners, setDisabled } from '../../src/lib/server/accounts/accounts';
import { changePassword } from '../../src/lib/server/accounts/password-change';
import { createSession, invalidateSession, invalidateUserSessions, validateSessionToken } from '../../src/lib/server/auth/session';
import { signIn } from '../../src/lib/server/auth/sign-in';
import { hashToken } from '../../src/lib/server/auth/tokens';
import { DEMO_PASSWORD } from '../../db/seed';
import { useTestDatabase } from './support/test-db';

const database = useTestDatabase({ seed: true });
const t0 = new Date('2026-05-04T08:00:00Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

async function sessionsOf(userId: string) {
  return database.current().db.select().from(sessionTable).where(eq(sessionTable.userId, userId));
}

describe('sign-in', () => {
  it('signs the demo learner in and stores only the hash of the token', async () => {
    const result = await signIn({ email: 'Learner@Demo.Goodwill.test ', password: DEMO_PASSWORD, address: '10.0.0.1' }, t0);
    expect(result.type).toBe('signed-in');
    if (result.type !== 'signed-in') return;
    expect(result.token).toMatch(/^[a-z2-7]{32}$/);
    const rows = await database.current().db.select().from(sessionTable).where(eq(sessionTable.id, hashToken(result.token)));
    expect(rows).toHaveLength(1);
    const raw = await database.current().client.execute({ sql: 'select count(*) as n from session where id = ?', args: [result.token] });
    expect(Number(raw.rows[0]?.n)).toBe(0);
  });

  it('gives the same answer for an unknown email and a wrong password', async () => {
    const unknown = await signIn({ email: 'nobody@demo.goodwill.test', password: 'whatever-it-is', address: '10.0.0.2' }, t0);
    const wrong = await signIn({ email: 'learner2@demo.goodwill.test', password: 'not-the-password', address: '10.0.0.2' }, t0);
    expect(unknown).toEqual({ type: 'invalid' });
    expect(wrong).toEqual({ type: 'invalid' });
  });

  it('rotates: each sign-in creates a new session rather than reusing one', async () => {
    const a = await signIn({ email: 'manager@demo.goodwill.test', password: DEMO_PASSWORD, address: '10.0.0.3' }, t0);
    const b = await signIn({ email: 'manager@demo.goodwill.test', password: DEMO_PASSWORD, address: '10.0.0.3' }, at(1));
    expect(a.type === 'signed-in' && b.type === 'signed-in' && a.token !== b.token).toBe(true);
  });

  it('slows repeated guessing at one account, even with the right password afterwards', async () => {
    for (let i = 0; i < 5; i++) {
      expect((await signIn({ email: 'assessor2@demo.goodwill.test', password: `guess-${i}`, address: `10.1.0.${i}` }, at(i))).type).toBe('invalid');
    }
    const blocked = await signIn({ email: 'assessor2@demo.goodwill.test', password: DEMO_PASSWORD, address: '10.1.0.9' }, at(6));
    expect(blocked.type).toBe('throttled');
    const later = await signIn({ email: 'assessor2@demo.goodwill.test', password: DEMO_PASSWORD, address: '10.1.0.9' }, at(5 + 16));
    expect(later.type).toBe('signed-in');
  });

  it('slows one address spraying many accounts', async () => {
    for (let i = 0; i < 30; i++) await signIn({ email: `spray${i}@x.test`, password: 'guess', address: '10.9.9.9' }, at(i / 10));
    const r = await signIn({ email: 'learner@demo.goodwill.test', password: DEMO_PASSWORD, address: '10.9.9.9' }, at(4));
    expect(r.type).toBe('throttled');
  });
});

describe('sessions', () => {
  it('validates a fresh session and refreshes lastSeenAt only after a few minutes', async () => {
    const { token } = await createSession('user-learner2', t0);
    const first = await validateSessionToken(token, at(1));
    expect(first.user?.id).toBe('user-learner2');
    expect(first.session?.lastSeenAt.getTime()).toBe(t0.getTime());
    const later = await validateSessionToken(token, at(10));
    expect(later.session?.lastSeenAt.getTime()).toBe(at(10).getTime());
  });

  it('ends a session left idle for 8 hours, and deletes it', async () => {
    const { token, session } = await createSession('user-learner2', t0);
    expect((await validateSessionToken(token, at(8 * 60))).session).toBeNull();
    const rows = await database.current().db.select().from(sessionTable).where(eq(sessionTable.id, session.id));
    expect(rows).toHaveLength(0);
  });

  it('ends a session at its absolute timeout however active it is', async () => {
    const { token } = await createSession('user-learner2', t0);
    // Active every four hours, so the idle timeout never bites.
    for (let h = 4; h < 7 * 24; h += 4) expect((await validateSessionToken(token, at(h * 60))).user).not.toBeNull();
    expect((await validateSessionToken(token, at(7 * 24 * 60))).user).toBeNull();
  });

  it('an unknown token is no session', async () => {
    expect(await validateSessionToken('a'.repeat(32), t0)).toEqual({ session: null, user: null });
  });

  it('signing out ends only that session; signing out everywhere ends them all', async () => {
    const one = await createSession('user-manager', t0);
    const two = await createSession('user-manager', t0);
    await invalidateSession(one.session.id);
    expect((await validateSessionToken(one.token, at(1))).user).toBeNull();
    expect((await validateSessionToken(two.token, at(1))).user).not.toBeNull();
    await createSession('user-manager', t0);
    await invalidateUserSessions('user-manager');
    expect(await sessionsOf('user-manager')).toHaveLength(0);
  });

  it('disabling an account ends its sessions and stops it signing in', async () => {
    const { token } = await createSession('user-quayside-learner', t0);
    await setDisabled('user-admin', 'user-quayside-learner', true, at(1));
    expect(await sessionsOf('user-quayside-learner')).toHaveLength(0);
    expect((await validateSessionToken(token, at(2))).user).toBeNull();
    expect((await signIn({ email: 'learner@quayside.goodwill.test', password: DEMO_PASSWORD, address: '10.2.0.1' }, at(3))).type).toBe('invalid');
    await setDisabled('user-admin', 'user-quayside-learner', false, at(4));
    expect((await signIn({ email: 'learner@quayside.goodwill.test', password: DEMO_PASSWORD, address: '10.2.0.1' }, at(5))).type).toBe('signed-in');
  });

  it('a password change ends every other session and opens a new one', async () => {
    const old = await createSession('user-quayside-manager', t0);
    const wrong = await changePassword('user-quayside-manager', 'not-it', 'a-brand-new-password', at(1));
    expect(wrong.type).toBe('wrong-password');
    const changed = await changePassword('user-quayside-manager', DEMO_PASSWORD, 'a-brand-new-password', at(1));
    expect(changed.type).toBe('changed');
    expect((await validateSessionToken(old.token, at(2))).user).toBeNull();
    if (changed.type === 'changed') expect((await validateSessionToken(changed.token, at(2))).user?.id).toBe('user-quayside-manager');
    expect((await signIn({ email: 'manager@quayside.goodwill.test', password: 'a-brand-new-password', address: '10.3.0.1' }, at(3))).type).toBe('signed-in');
  });
});

describe('the audit history', () => {
  it('is append-only: the database refuses updates and deletes', async () => {
    const { client } = database.current();
    await client.execute("insert into audit_event (at, actor_id, action) values (1, null, 'test')");
    await expect(client.execute("update audit_event set action = 'changed'")).rejects.toThrow(/append-only/);
    await expect(client.execute('delete from audit_event')).rejects.toThrow(/append-only/);
  });

  it('keeps its triggers (a table rebuild in a later migration would drop them silently)', async () => {
    const rows = await database.current().db.all<{ name: string }>(sql`select name from sqlite_master where type = 'trigger' and tbl_name = 'audit_event'`);
    expect(rows.map((r) => r.name).sort()).toEqual(['audit_event_no_delete', 'audit_event_no_update']);
  });

  it('never records a password or token', async () => {
    const rows = await database.current().client.execute('select coalesce(detail, \'\') as d from audit_event');
    for (const row of rows.rows) expect(String(row.d)).not.toMatch(/goodwill-demo-2026|password"/);
  });
});

describe('accounts', () => {
  it('emails are unique', async () => {
    await expect(database.current().db.insert(userTable).values({ id: 'dupe', email: 'learner@demo.goodwill.test', name: 'x', passwordHash: 'x', role: 'learner', createdAt: t0 })).rejects.toThrow();
  });

  it("lists an assessor's learners by name with their shop, as the records hold them, without disabled accounts", async () => {
    const d = database.current().db;
    const expected = await d
      .select({ id: userTable.id, name: userTable.name, email: userTable.email, organisationId: userTable.organisationId, shop: organisation.name })
      .from(assessorAssignment)
      .innerJoin(userTable, eq(userTable.id, assessorAssignment.learnerId))
      .leftJoin(organisation, eq(organisation.id, userTable.organisationId))
      .where(eq(assessorAssignment.assessorId, 'user-assessor'))
      .orderBy(userTable.name);
    expect(expected.length).toBeGreaterThan(1);
    expect(expected.every((l) => l.shop !== null)).toBe(true);
    expect(await assignedLearners('user-assessor')).toEqual(expected);
    await setDisabled('user-admin', expected[0]!.id, true, t0);
    expect((await assignedLearners('user-assessor')).map((l) => l.id)).toEqual(expected.slice(1).map((l) => l.id));
    await setDisabled('user-admin', expected[0]!.id, false, t0);
    expect(await assignedLearners('nobody')).toEqual([]);
  });
});
