/**
 * Granting, overriding and revoking negotiating authority (P5), and the staff member's acknowledgement of
 * their limits (P6). Every change is a new row in an append-only history: a person's authority at any
 * moment is their latest row at or before it. A grant copies the level's limits, so later edits to the
 * level never change what someone was allowed on a past day.
 */
import { and, desc, eq, inArray, lte, sql, type SQLWrapper } from 'drizzle-orm';
import { authorityAcknowledgement, authorityGrant, type AuthorityGrant } from '../../../../db/schema';
import { qualification, type AuthorityLevel } from '../../domain/authority';
import { criterionIds, type CriterionId } from '../../domain/criteria';
import { audit } from '../audit';
import type { SessionUser } from '../auth/session';
import { db } from '../db';
import { newId } from '../ids';
import { notify } from '../notifications';
import { visibleLearner } from '../permissions';
import { computeEvidenceStates } from '../portfolio/states';
import { findLevel, toDomainLevel } from './authority-levels';

/** A grant row with its level read back as the domain's type; `level` is null for a revocation. */
export interface GrantView {
  row: AuthorityGrant;
  level: AuthorityLevel | null;
  acknowledgedAt: Date | null;
}

function levelOf(row: AuthorityGrant): AuthorityLevel | null {
  return row.kind === 'revoke' || !row.levelSnapshot ? null : (row.levelSnapshot as unknown as AuthorityLevel);
}

export function grantView(row: AuthorityGrant, acknowledgedAt: Date | null): GrantView {
  return { row, level: levelOf(row), acknowledgedAt };
}

// Two rows in the same millisecond are ordered by insertion (rowid), so "latest" is always one row.
const latestFirst = [desc(authorityGrant.grantedAt), desc(sql`${authorityGrant}.rowid`)];

/**
 * The rowid of a person's current (latest) row, as a correlated subquery on `staffId`, so a list of staff
 * can join each person's current grant in the same statement. The rowid rather than the id: the
 * (staff, granted) index holds it, so the lookup never leaves the index, and the join is then one
 * search by integer key rather than two through the id's index (a fifth of the manager's home query).
 */
export const currentGrantRowid = (staffId: SQLWrapper) =>
  sql`(SELECT g.rowid FROM ${authorityGrant} AS g WHERE g.staff_id = ${staffId} ORDER BY g.granted_at DESC, g.rowid DESC LIMIT 1)`;

/** The whole history for one person, newest first, each with its acknowledgement. */
export async function authorityHistory(staffId: string): Promise<GrantView[]> {
  const d = await db();
  const rows = await d
    .select({ row: authorityGrant, acknowledgedAt: authorityAcknowledgement.acknowledgedAt })
    .from(authorityGrant)
    .leftJoin(authorityAcknowledgement, eq(authorityAcknowledgement.grantId, authorityGrant.id))
    .where(eq(authorityGrant.staffId, staffId))
    .orderBy(...latestFirst);
  return rows.map((r) => ({ row: r.row, level: levelOf(r.row), acknowledgedAt: r.acknowledgedAt }));
}

/**
 * The row in force at `at` (the latest at or before it), or null when nothing had been granted. A
 * revocation in force means no authority; an unacknowledged grant still sets the limits.
 */
export async function grantInForce(staffId: string, at: Date): Promise<GrantView | null> {
  const d = await db();
  const [r] = await d
    .select({ row: authorityGrant, acknowledgedAt: authorityAcknowledgement.acknowledgedAt })
    .from(authorityGrant)
    .leftJoin(authorityAcknowledgement, eq(authorityAcknowledgement.grantId, authorityGrant.id))
    .where(and(eq(authorityGrant.staffId, staffId), lte(authorityGrant.grantedAt, at)))
    .orderBy(...latestFirst)
    .limit(1);
  return r ? { row: r.row, level: levelOf(r.row), acknowledgedAt: r.acknowledgedAt } : null;
}

/**
 * The criteria this person has met, from their assessed evidence. A grant is a formal record, so this
 * reads the portfolio's records, not the stored summary the matrix shows.
 */
export async function metCriteria(staffId: string): Promise<CriterionId[]> {
  const states = (await computeEvidenceStates(await db(), [staffId])).get(staffId);
  return criterionIds.filter((c) => states?.[c] === 'met');
}

export type GrantOutcome =
  | { type: 'granted'; grantId: string; kind: 'grant' | 'override' }
  | { type: 'refused'; missing: CriterionId[] }
  | { type: 'not-found' };

/**
 * Gives a member of staff a level. Refused when they have not met its criteria, unless the manager gives
 * a reason, which records the grant as an override. Audited; the person is asked to acknowledge.
 */
export async function grantLevel(manager: SessionUser, input: { staffId: string; levelId: string; reason?: string }, now: Date): Promise<GrantOutcome> {
  const staff = await visibleLearner(manager, input.staffId);
  if (!staff || !manager.organisationId || staff.organisationId !== manager.organisationId) return { type: 'not-found' };
  const row = await findLevel(manager.organisationId, input.levelId);
  if (!row || row.archivedAt) return { type: 'not-found' };
  const level = toDomainLevel(row);
  const { qualifies, missing } = qualification(level, await metCriteria(staff.id));
  const reason = input.reason?.trim() || null;
  if (!qualifies && !reason) return { type: 'refused', missing };
  const kind = qualifies ? 'grant' : 'override';
  const grantId = newId();
  const d = await db();
  await d.transaction(async (tx) => {
    await tx.insert(authorityGrant).values({ id: grantId, organisationId: manager.organisationId!, staffId: staff.id, kind, levelId: level.id, levelSnapshot: { ...level }, reason, grantedBy: manager.id, grantedAt: now });
    await audit({ actorId: manager.id, action: kind === 'grant' ? 'authority-granted' : 'authority-override', subjectId: staff.id, detail: { grantId, levelId: level.id, levelName: level.name, missing, reason } }, now, tx);
    await notify({ userId: staff.id, text: `You have been given the negotiating authority “${level.name}”. Read your limits and confirm you understand them.`, link: '/learn/authority' }, now, tx);
  });
  return { type: 'granted', grantId, kind };
}

export type RevokeOutcome = { type: 'revoked'; grantId: string } | { type: 'nothing-to-revoke' } | { type: 'not-found' };

/** Takes someone's authority away, with a reason. From now on every special term they agree needs a manager. */
export async function revokeAuthority(manager: SessionUser, input: { staffId: string; reason: string }, now: Date): Promise<RevokeOutcome> {
  const staff = await visibleLearner(manager, input.staffId);
  if (!staff || !manager.organisationId || staff.organisationId !== manager.organisationId) return { type: 'not-found' };
  const current = await grantInForce(staff.id, now);
  if (!current || current.row.kind === 'revoke') return { type: 'nothing-to-revoke' };
  const grantId = newId();
  const d = await db();
  await d.transaction(async (tx) => {
    await tx.insert(authorityGrant).values({ id: grantId, organisationId: manager.organisationId!, staffId: staff.id, kind: 'revoke', levelId: null, levelSnapshot: null, reason: input.reason.trim(), grantedBy: manager.id, grantedAt: now });
    await audit({ actorId: manager.id, action: 'authority-revoked', subjectId: staff.id, detail: { grantId, follows: current.row.id, reason: input.reason.trim() } }, now, tx);
    await notify({ userId: staff.id, text: 'Your negotiating authority has been withdrawn: refer every special term to a manager.', link: '/learn/authority' }, now, tx);
  });
  return { type: 'revoked', grantId };
}

export type AcknowledgeOutcome = { type: 'acknowledged' } | { type: 'already' } | { type: 'not-current' };

/**
 * The staff member confirms they understand the limits of their current grant (P6). Only their own,
 * only the one in force: acknowledging a grant that has since been replaced would confirm the wrong limits.
 */
export async function acknowledgeGrant(staff: SessionUser, grantId: string, now: Date): Promise<AcknowledgeOutcome> {
  const current = await grantInForce(staff.id, now);
  if (!current || current.row.id !== grantId || current.row.kind === 'revoke') return { type: 'not-current' };
  if (current.acknowledgedAt) return { type: 'already' };
  const d = await db();
  const inserted = await d.transaction(async (tx) => {
    const rows = await tx.insert(authorityAcknowledgement).values({ grantId, staffId: staff.id, acknowledgedAt: now }).onConflictDoNothing().returning({ grantId: authorityAcknowledgement.grantId });
    if (rows.length > 0) await audit({ actorId: staff.id, action: 'authority-acknowledged', subjectId: staff.id, detail: { grantId } }, now, tx);
    return rows.length;
  });
  return inserted > 0 ? { type: 'acknowledged' } : { type: 'already' };
}
