import { eq } from 'drizzle-orm';
import { user as userTable } from '../../../../db/schema';
import { audit } from '../audit';
import { checkCurrentPassword } from '../auth/current-password';
import { hashPassword } from '../auth/password';
import { createSession, invalidateUserSessions } from '../auth/session';
import { db } from '../db';

export type PasswordChangeResult =
  | { type: 'changed'; token: string; expiresAt: Date }
  | { type: 'wrong-password' }
  | { type: 'throttled'; retryAt: Date };

/**
 * A new password ends every session (someone who knew the old one may hold one), then opens a fresh
 * session for the person who changed it. The current password is checked through the sign-in
 * throttle (see checkCurrentPassword), so a stolen session cannot be used to guess it.
 */
export async function changePassword(userId: string, current: string, next: string, now: Date): Promise<PasswordChangeResult> {
  const check = await checkCurrentPassword(userId, current, now);
  switch (check.type) {
    case 'ok':
      break;
    case 'wrong':
      return { type: 'wrong-password' };
    case 'throttled':
      return check;
    default: {
      const unreachable: never = check;
      throw new Error(String(unreachable));
    }
  }
  await (await db()).update(userTable).set({ passwordHash: await hashPassword(next) }).where(eq(userTable.id, userId));
  await invalidateUserSessions(userId);
  await audit({ actorId: userId, action: 'password-changed', subjectId: userId }, now);
  const { token, session } = await createSession(userId, now);
  return { type: 'changed', token, expiresAt: session.expiresAt };
}
