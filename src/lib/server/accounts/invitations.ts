import { and, desc, eq, isNull } from 'drizzle-orm';
import { invitation, organisation, user as userTable } from '../../../../db/schema';
import { audit } from '../audit';
import { hashPassword } from '../auth/password';
import { createSession } from '../auth/session';
import { generateToken, hashToken } from '../auth/tokens';
import { db } from '../db';
import { newId } from '../ids';

/** Long enough to reach someone who checks email once a week, short enough that a forgotten link dies. */
export const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

export type InvitationState = 'usable' | 'expired' | 'used' | 'unknown';

/** A manager invites a member of staff to their own shop. Returns the token for the link (shown once). */
export async function createInvitation(
  manager: { id: string; organisationId: string },
  input: { name: string; email: string },
  now: Date,
): Promise<{ token: string } | { error: string }> {
  const d = await db();
  const [existing] = await d.select({ id: userTable.id }).from(userTable).where(eq(userTable.email, input.email));
  if (existing) return { error: 'Someone with that email address already has an account.' };
  const token = generateToken();
  const id = newId();
  await d.transaction(async (tx) => {
    await tx.insert(invitation).values({
      id,
      organisationId: manager.organisationId,
      email: input.email,
      name: input.name,
      role: 'learner',
      tokenHash: hashToken(token),
      invitedBy: manager.id,
      createdAt: now,
      expiresAt: new Date(now.getTime() + INVITATION_LIFETIME_MS),
    });
    await audit({ actorId: manager.id, action: 'invitation-created', subjectId: id }, now, tx);
  });
  return { token };
}

export async function findInvitation(token: string, now: Date) {
  const [row] = await (await db())
    .select({ invitation, shop: organisation.name })
    .from(invitation)
    .innerJoin(organisation, eq(invitation.organisationId, organisation.id))
    .where(eq(invitation.tokenHash, hashToken(token)));
  if (!row) return { state: 'unknown' as const };
  const state: InvitationState = row.invitation.usedAt ? 'used' : row.invitation.expiresAt <= now ? 'expired' : 'usable';
  return { state, invitation: row.invitation, shop: row.shop };
}

export type RedeemResult = { type: 'redeemed'; token: string; expiresAt: Date } | { type: Exclude<InvitationState, 'usable'> };

/**
 * Creates the account and marks the invitation used in one transaction. The `used_at IS NULL` guard on
 * the update makes a second, simultaneous redemption of the same link create nothing.
 */
export async function redeemInvitation(token: string, password: string, now: Date): Promise<RedeemResult> {
  const found = await findInvitation(token, now);
  if (found.state !== 'usable' || !found.invitation) return { type: found.state === 'usable' ? 'unknown' : found.state };
  const inv = found.invitation;
  const passwordHash = await hashPassword(password);
  const userId = newId();
  const d = await db();
  const claimed = await d.transaction(async (tx) => {
    const marked = await tx
      .update(invitation)
      .set({ usedAt: now })
      .where(and(eq(invitation.id, inv.id), isNull(invitation.usedAt)))
      .returning({ id: invitation.id });
    if (marked.length === 0) return false;
    const [taken] = await tx.select({ id: userTable.id }).from(userTable).where(eq(userTable.email, inv.email));
    if (taken) {
      tx.rollback();
      return false;
    }
    await tx.insert(userTable).values({ id: userId, email: inv.email, name: inv.name, role: inv.role, organisationId: inv.organisationId, passwordHash, createdAt: now });
    await audit({ actorId: userId, action: 'invitation-redeemed', subjectId: inv.id }, now, tx);
    return true;
  }).catch(() => false);
  if (!claimed) return { type: 'used' };
  const { token: sessionToken, session } = await createSession(userId, now);
  return { type: 'redeemed', token: sessionToken, expiresAt: session.expiresAt };
}

export async function listInvitations(organisationId: string) {
  return (await db())
    .select({ id: invitation.id, name: invitation.name, email: invitation.email, createdAt: invitation.createdAt, expiresAt: invitation.expiresAt, usedAt: invitation.usedAt })
    .from(invitation)
    .where(eq(invitation.organisationId, organisationId))
    .orderBy(desc(invitation.createdAt));
}
