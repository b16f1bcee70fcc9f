/**
 * The current-password check on /account (changePassword) goes through sign-in's throttle: wrong
 * guesses count against the account's own key, a block refuses even the right password, the block is
 * shared with sign-in both ways, and a right password clears the count as a successful sign-in does.
 * Each test has accounts of its own, since throttle rows outlive a test in the suite's database.
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvent, signInThrottle, user as userTable } from '../../db/schema';
import { changePassword } from '../../src/lib/server/accounts/password-change';
import { hashPassword } from '../../src/lib/server/auth/password';
import { signIn } from '../../src/lib/server/auth/sign-in';
import { THROTTLE_POLICY } from '../../src/lib/domain/throttle-policy';
import { useTestDatabase } from './support/test-db';

const database = useTestDatabase();
const t0 = new Date('2026-06-01T09:00:00Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const PASSWORD = 'the original long password';
const NEXT = 'a different long password';
const LIMIT = THROTTLE_POLICY.account.maxFailures;

let made = 0;
/** A fresh account, so no other test's failures count against it. */
async function person(): Promise<{ id: string; email: string }> {
  made++;
  const id = `user-check-${made}`;
  const email = `Check.${made}@Example.test`.toLowerCase();
  await database.current().db.insert(userTable).values({ id, email, name: `Check ${made}`, passwordHash: await hashPassword(PASSWORD), role: 'learner', createdAt: t0 });
  return { id, email };
}

async function hashOf(id: string): Promise<string> {
  const [row] = await database.current().db.select({ h: userTable.passwordHash }).from(userTable).where(eq(userTable.id, id));
  return row!.h;
}

async function failCurrent(id: string, times: number, from = 0): Promise<string[]> {
  const answers: string[] = [];
  for (let i = 0; i < times; i++) answers.push((await changePassword(id, `wrong guess ${i}`, NEXT, at(from + i))).type);
  return answers;
}

describe('the current-password check on /account', () => {
  it(`after ${LIMIT} wrong current passwords, even the right one is refused until the block ends, and nothing changes`, async () => {
    const p = await person();
    const before = await hashOf(p.id);
    expect(await failCurrent(p.id, LIMIT)).toEqual(Array(LIMIT).fill('wrong-password'));

    const blocked = await changePassword(p.id, PASSWORD, NEXT, at(LIMIT));
    expect(blocked.type).toBe('throttled');
    // Blocked for the policy's time from the failure that tripped it.
    if (blocked.type === 'throttled') expect(blocked.retryAt.getTime()).toBe(at(LIMIT - 1).getTime() + THROTTLE_POLICY.account.blockMs);
    expect(await hashOf(p.id)).toBe(before);

    const after = await changePassword(p.id, PASSWORD, NEXT, at(LIMIT - 1 + 16));
    expect(after.type).toBe('changed');
    expect(await hashOf(p.id)).not.toBe(before);
  });

  it('counts per account: another account is not blocked by one account’s failures', async () => {
    const blockedOne = await person();
    const other = await person();
    await failCurrent(blockedOne.id, LIMIT);
    expect((await changePassword(blockedOne.id, PASSWORD, NEXT, at(LIMIT))).type).toBe('throttled');
    expect((await changePassword(other.id, PASSWORD, NEXT, at(LIMIT))).type).toBe('changed');
  });

  it('shares one budget with sign-in: failures here block sign-in, and failed sign-ins block the check', async () => {
    const here = await person();
    await failCurrent(here.id, LIMIT);
    expect((await signIn({ email: here.email, password: PASSWORD, address: '10.20.0.1' }, at(LIMIT))).type).toBe('throttled');

    const there = await person();
    for (let i = 0; i < LIMIT; i++) {
      expect((await signIn({ email: there.email, password: `wrong guess ${i}`, address: `10.20.1.${i}` }, at(i))).type).toBe('invalid');
    }
    expect((await changePassword(there.id, PASSWORD, NEXT, at(LIMIT))).type).toBe('throttled');
  });

  it('mixes the two forms in one count: some failures at sign-in and the rest here reach the limit', async () => {
    const p = await person();
    for (let i = 0; i < LIMIT - 2; i++) await signIn({ email: p.email, password: `wrong guess ${i}`, address: '10.20.2.1' }, at(i));
    expect(await failCurrent(p.id, 2, LIMIT - 2)).toEqual(['wrong-password', 'wrong-password']);
    expect((await changePassword(p.id, PASSWORD, NEXT, at(LIMIT))).type).toBe('throttled');
  });

  it('a right current password clears the account’s failures, as a successful sign-in does', async () => {
    const p = await person();
    expect(await failCurrent(p.id, LIMIT - 1)).toEqual(Array(LIMIT - 1).fill('wrong-password'));
    expect((await changePassword(p.id, PASSWORD, NEXT, at(LIMIT))).type).toBe('changed');
    expect(await database.current().db.select().from(signInThrottle).where(eq(signInThrottle.key, `account:${p.email}`))).toEqual([]);
    // Had the count not been cleared, these would reach the limit and the next change would be refused.
    expect(await failCurrent(p.id, LIMIT - 1, LIMIT + 1)).toEqual(Array(LIMIT - 1).fill('wrong-password'));
    expect((await changePassword(p.id, NEXT, PASSWORD, at(2 * LIMIT + 1))).type).toBe('changed');
  });

  it('records each wrong current password in the audit history, without the password, and counts only the account', async () => {
    const p = await person();
    const keys = async () => (await database.current().db.select({ key: signInThrottle.key }).from(signInThrottle)).map((r) => r.key);
    const before = await keys();
    await failCurrent(p.id, 2);
    expect((await keys()).filter((k) => !before.includes(k))).toEqual([`account:${p.email}`]);
    const events = await database.current().db.select().from(auditEvent).where(eq(auditEvent.subjectId, p.id));
    expect(events.map((e) => [e.action, e.actorId])).toEqual([
      ['password-check-failed', p.id],
      ['password-check-failed', p.id],
    ]);
    expect(JSON.stringify(events)).not.toContain('wrong guess');
  });
});
