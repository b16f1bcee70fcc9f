/**
 * Sessions after the Lucia guide (lucia-auth.com, "Basic session implementation"): the cookie carries a
 * random token, the database keeps only its SHA-256 as the session id. We add an idle timeout beside the
 * guide's absolute one and refresh `lastSeenAt` only every few minutes so reads stay reads.
 */
import { eq, sql } from 'drizzle-orm';
import type { AstroCookies } from 'astro';
import { session as sessionTable, user as userTable, type Session, type User } from '../../../../db/schema';
import { SESSION_POLICY, sessionStatus } from '../../domain/session-policy';
import { db, prepared } from '../db';
import { generateToken, hashToken } from './tokens';

export type SessionUser = Pick<User, 'id' | 'email' | 'name' | 'role' | 'organisationId' | 'isLeadAssessor'>;
export type SessionValidation = { session: Session; user: SessionUser } | { session: null; user: null };

export async function createSession(userId: string, now: Date): Promise<{ token: string; session: Session }> {
  const token = generateToken();
  const session: Session = {
    id: hashToken(token),
    userId,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + SESSION_POLICY.absoluteTimeoutMs),
  };
  await (await db()).insert(sessionTable).values(session);
  return { token, session };
}

/** The session and its person in one statement, built once: this runs on every signed-in request. */
const sessionQueries = prepared((d) => ({
  byId: d
    .select({
      session: sessionTable,
      user: {
        id: userTable.id,
        email: userTable.email,
        name: userTable.name,
        role: userTable.role,
        organisationId: userTable.organisationId,
        isLeadAssessor: userTable.isLeadAssessor,
        disabledAt: userTable.disabledAt,
      },
    })
    .from(sessionTable)
    .innerJoin(userTable, eq(sessionTable.userId, userTable.id))
    .where(eq(sessionTable.id, sql.placeholder('id')))
    .prepare(),
}));

export async function validateSessionToken(token: string, now: Date): Promise<SessionValidation> {
  const id = hashToken(token);
  const [row] = await (await sessionQueries()).byId.all({ id });
  if (!row) return { session: null, user: null };
  const { disabledAt, ...user } = row.user;
  const status = disabledAt ? 'expired' : sessionStatus(row.session, now);
  switch (status) {
    case 'expired':
    case 'idle-expired':
      await (await db()).delete(sessionTable).where(eq(sessionTable.id, id));
      return { session: null, user: null };
    case 'refresh':
      await (await db()).update(sessionTable).set({ lastSeenAt: now }).where(eq(sessionTable.id, id));
      return { session: { ...row.session, lastSeenAt: now }, user };
    case 'valid':
      return { session: row.session, user };
    default: {
      const unreachable: never = status;
      return unreachable;
    }
  }
}

export async function invalidateSession(sessionId: string): Promise<void> {
  await (await db()).delete(sessionTable).where(eq(sessionTable.id, sessionId));
}

/** "Sign out everywhere", a disabled account and a password change all end every session of a person. */
export async function invalidateUserSessions(userId: string): Promise<void> {
  await (await db()).delete(sessionTable).where(eq(sessionTable.userId, userId));
}

const secure = process.env.NODE_ENV === 'production';
/** `__Host-` binds the cookie to this exact origin over HTTPS; plain HTTP in development cannot use it. */
export const SESSION_COOKIE = secure ? '__Host-session' : 'session';

export function setSessionCookie(cookies: AstroCookies, token: string, expiresAt: Date): void {
  cookies.set(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure, path: '/', expires: expiresAt });
}

export function deleteSessionCookie(cookies: AstroCookies): void {
  cookies.set(SESSION_COOKIE, '', { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: 0 });
}
