import { eq } from 'drizzle-orm';
import { user as userTable } from '../../../../db/schema';
import { audit } from '../audit';
import { db } from '../db';
import { dummyPasswordHash, verifyPassword } from './password';
import { createSession } from './session';
import { blockedUntil, clearFailures, recordFailure, throttleKey } from './throttle';

export type SignInResult =
  | { type: 'signed-in'; token: string; expiresAt: Date; role: (typeof userTable.$inferSelect)['role'] }
  | { type: 'invalid' }
  | { type: 'throttled'; retryAt: Date };

/**
 * One message for an unknown email, a wrong password and a disabled account, and the same work done for
 * each (a password check even when there is no account), so sign-in reveals nothing about who has one.
 */
export async function signIn(input: { email: string; password: string; address: string }, now: Date): Promise<SignInResult> {
  const email = input.email.trim().toLowerCase();
  const keys = [throttleKey('account', email), throttleKey('address', input.address)];
  const retryAt = await blockedUntil(keys, now);
  if (retryAt) return { type: 'throttled', retryAt };

  const d = await db();
  const [found] = await d.select().from(userTable).where(eq(userTable.email, email));
  const ok = await verifyPassword(found?.passwordHash ?? (await dummyPasswordHash()), input.password);
  if (!found || !ok || found.disabledAt) {
    await recordFailure(keys, now);
    await audit({ actorId: null, action: 'sign-in-failed', detail: { reason: found ? 'credentials' : 'unknown' } }, now);
    return { type: 'invalid' };
  }
  await clearFailures(keys[0]!);
  // A fresh session on every sign-in: a token planted before sign-in never becomes an authenticated one.
  const { token, session } = await createSession(found.id, now);
  await audit({ actorId: found.id, action: 'signed-in' }, now);
  return { type: 'signed-in', token, expiresAt: session.expiresAt, role: found.role };
}
