import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { invitation, user as userTable } from '../../db/schema';
import { createInvitation, findInvitation, INVITATION_LIFETIME_MS, redeemInvitation } from '../../src/lib/server/accounts/invitations';
import { validateSessionToken } from '../../src/lib/server/auth/session';
import { hashToken } from '../../src/lib/server/auth/tokens';
import { useTestDatabase } from './support/test-db';

const database = useTestDatabase({ seed: true });
const t0 = new Date('2026-06-01T10:00:00Z');
const manager = { id: 'user-manager', organisationId: 'org-harbour-street' };

async function usersWithEmail(email: string) {
  return database.current().db.select().from(userTable).where(eq(userTable.email, email));
}

describe('invitations', () => {
  it('stores only the hash of the token', async () => {
    const r = await createInvitation(manager, { name: 'Nia Jones', email: 'nia@example.test' }, t0);
    if (!('token' in r)) throw new Error(r.error);
    const rows = await database.current().db.select().from(invitation).where(eq(invitation.email, 'nia@example.test'));
    expect(rows[0]?.tokenHash).toBe(hashToken(r.token));
    expect(JSON.stringify(rows)).not.toContain(r.token);
  });

  it('creates a learner in the inviting shop, signed in, exactly once', async () => {
    const r = await createInvitation(manager, { name: 'Owen Reed', email: 'owen@example.test' }, t0);
    if (!('token' in r)) throw new Error(r.error);
    const first = await redeemInvitation(r.token, 'correct horse battery', new Date(t0.getTime() + 1000));
    expect(first.type).toBe('redeemed');
    const [created] = await usersWithEmail('owen@example.test');
    expect(created).toMatchObject({ role: 'learner', organisationId: 'org-harbour-street', name: 'Owen Reed' });
    if (first.type === 'redeemed') expect((await validateSessionToken(first.token, new Date(t0.getTime() + 2000))).user?.email).toBe('owen@example.test');

    const again = await redeemInvitation(r.token, 'another password here', new Date(t0.getTime() + 3000));
    expect(again).toEqual({ type: 'used' });
    expect(await usersWithEmail('owen@example.test')).toHaveLength(1);
  });

  it('two simultaneous redemptions create one account', async () => {
    const r = await createInvitation(manager, { name: 'Kit Lowe', email: 'kit@example.test' }, t0);
    if (!('token' in r)) throw new Error(r.error);
    const results = await Promise.all([redeemInvitation(r.token, 'password-number-one', t0), redeemInvitation(r.token, 'password-number-two', t0)]);
    expect(results.filter((x) => x.type === 'redeemed')).toHaveLength(1);
    expect(await usersWithEmail('kit@example.test')).toHaveLength(1);
  });

  it('an expired invitation says so and creates nothing', async () => {
    const r = await createInvitation(manager, { name: 'Late Larry', email: 'late@example.test' }, t0);
    if (!('token' in r)) throw new Error(r.error);
    const after = new Date(t0.getTime() + INVITATION_LIFETIME_MS);
    expect((await findInvitation(r.token, after)).state).toBe('expired');
    expect(await redeemInvitation(r.token, 'a long enough password', after)).toEqual({ type: 'expired' });
    expect(await usersWithEmail('late@example.test')).toHaveLength(0);
  });

  it('an unknown token is unknown', async () => {
    expect(await redeemInvitation('nope', 'a long enough password', t0)).toEqual({ type: 'unknown' });
  });

  it('refuses to invite an email that already has an account', async () => {
    expect(await createInvitation(manager, { name: 'Dupe', email: 'learner@demo.goodwill.test' }, t0)).toEqual({ error: expect.stringMatching(/already has an account/) });
  });
});
