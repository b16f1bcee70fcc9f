import { eq } from 'drizzle-orm';
import { user as userTable } from '../../../../db/schema';
import { audit } from '../audit';
import { db } from '../db';
import { verifyPassword } from './password';
import { blockedUntil, clearFailures, recordFailure, throttleKey } from './throttle';

export type CurrentPasswordCheck = { type: 'ok' } | { type: 'wrong' } | { type: 'throttled'; retryAt: Date };

/**
 * Checks a signed-in person's current password before an action that asks for it (changing the
 * password). Without a limit, anyone holding a stolen session could guess the password here at argon2
 * speed and then take the account over, so the check is throttled exactly as sign-in is:
 * - It counts against sign-in's own per-account key (`account:<email>`), not a key of its own: an
 *   account has one budget of guesses, whichever form they come through, so a thief cannot get five
 *   at sign-in and five more here; and a block earned at either form pauses both.
 * - The address is not counted: the caller already holds a session for this very account, so the
 *   account key bounds the guessing, and one person's typos here must not count towards pausing sign-in
 *   for everyone behind their shop's shared address.
 * - While blocked it answers before verifying, so even the right password is refused (no oracle) and
 *   no argon2 work is spent.
 * - A right password clears the account's failures, as a successful sign-in does.
 */
export async function checkCurrentPassword(userId: string, password: string, now: Date): Promise<CurrentPasswordCheck> {
  const [row] = await (await db()).select({ email: userTable.email, passwordHash: userTable.passwordHash }).from(userTable).where(eq(userTable.id, userId));
  if (!row) return { type: 'wrong' };
  const key = throttleKey('account', row.email);
  const retryAt = await blockedUntil([key], now);
  if (retryAt) return { type: 'throttled', retryAt };
  if (!(await verifyPassword(row.passwordHash, password))) {
    await recordFailure([key], now);
    await audit({ actorId: userId, action: 'password-check-failed', subjectId: userId }, now);
    return { type: 'wrong' };
  }
  await clearFailures(key);
  return { type: 'ok' };
}
