import { eq } from 'drizzle-orm';
import { user as userTable } from '../../../../db/schema';
import { audit } from '../audit';
import { hashPassword, verifyPassword } from '../auth/password';
import { createSession, invalidateUserSessions } from '../auth/session';
import { db } from '../db';

/**
 * A new password ends every session (someone who knew the old one may hold one), then opens a fresh
 * session for the person who changed it.
 */
export async function changePassword(userId: string, current: string, next: string, now: Date) {
  const d = await db();
  const [row] = await d.select({ passwordHash: userTable.passwordHash }).from(userTable).where(eq(userTable.id, userId));
  if (!row || !(await verifyPassword(row.passwordHash, current))) return { type: 'wrong-password' as const };
  await d.update(userTable).set({ passwordHash: await hashPassword(next) }).where(eq(userTable.id, userId));
  await invalidateUserSessions(userId);
  await audit({ actorId: userId, action: 'password-changed', subjectId: userId }, now);
  const { token, session } = await createSession(userId, now);
  return { type: 'changed' as const, token, expiresAt: session.expiresAt };
}
