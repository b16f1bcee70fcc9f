import { and, eq } from 'drizzle-orm';
import { evidenceItem, evidenceVersion, user as userTable } from '../../../../db/schema';
import type { EvidenceKind } from '../../../../db/schema/portfolio';
import { isCriterionId } from '../../domain/criteria';
import { transition } from '../../domain/evidence-workflow';
import { audit } from '../audit';
import type { SessionUser } from '../auth/session';
import { db } from '../db';
import { can, isAssigned } from '../permissions';
import { signOffFor } from './locks';
import { claimable, takeSnapshot } from './snapshot';
import { insertUpload, type CheckedUpload } from './uploads';
import { refreshEvidenceStates } from './states';

export type EvidenceResult = { type: 'ok'; id: string } | { type: 'refused'; field?: string; reason: string };

/** Who may put which kind of evidence into a learner's portfolio. */
async function mayAuthor(actor: SessionUser, kind: EvidenceKind, learnerId: string): Promise<boolean> {
  switch (kind) {
    case 'reflection':
    case 'scenario-attempt':
    case 'check-attempt':
    case 'file':
      return actor.id === learnerId && can(actor, 'portfolio:submit');
    case 'observation':
      return can(actor, 'assess:decide') && (await isAssigned(actor.id, learnerId));
    case 'witness-testimony': {
      if (!can(actor, 'manage:witness') || !actor.organisationId) return false;
      const [learner] = await (await db()).select({ org: userTable.organisationId, role: userTable.role }).from(userTable).where(eq(userTable.id, learnerId));
      return learner?.role === 'learner' && learner.org === actor.organisationId;
    }
    default: {
      const unreachable: never = kind;
      return unreachable;
    }
  }
}

function cleanClaims(claims: readonly string[]): string[] {
  return [...new Set(claims)].filter(isCriterionId).sort();
}

/**
 * Creates an evidence item and submits its first version in one transaction. `id` comes from the form
 * that was rendered, so a double-clicked submit finds the item already there and creates nothing more.
 *
 * A file (kind `file`) arrives checked but not stored, and its blob is written inside that same
 * transaction, only once the item that points at it has been inserted. That is the one design that
 * never strands a blob: checking everything before storing still leaves refusals that are only known
 * inside the transaction (a simultaneous submit of the same form wins the insert) and failures after
 * the blob is written (a later insert, the state refresh, the process dying); deleting the blob on
 * failure misses a crash or a lost connection between the writes, or a delete that fails itself. In
 * one transaction the database keeps both or neither, whatever fails and whenever. The price: a blob of
 * up to 10 MB is written while the write transaction is open, so other writes of this process queue
 * behind it for that long, as they did behind its separate insert before.
 */
export async function submitEvidence(
  actor: SessionUser,
  input: {
    id: string;
    learnerId: string;
    kind: EvidenceKind;
    sourceId?: string | null;
    text?: string;
    title?: string;
    claims: string[];
    declaredOwnWork: boolean;
    /** For kind `file` (and only then): the checked file, stored with the evidence. */
    file?: CheckedUpload;
  },
  now: Date,
): Promise<EvidenceResult> {
  if (!(await mayAuthor(actor, input.kind, input.learnerId))) return { type: 'refused', reason: 'You cannot add that evidence to this portfolio.' };
  if (await signOffFor(input.learnerId)) return { type: 'refused', reason: 'The unit has been signed off, so this portfolio is locked.' };
  if (!input.declaredOwnWork) return { type: 'refused', field: 'declaredOwnWork', reason: input.kind === 'witness-testimony' || input.kind === 'observation' ? 'Confirm that this is a true account of what you saw.' : 'Confirm that this is your own work.' };
  // A file item always presents the file submitted with it, never an upload named by the caller.
  const file = input.kind === 'file' ? input.file : undefined;
  if (input.kind === 'file' && !file) return { type: 'refused', field: 'file', reason: 'Choose a file to upload.' };
  const sourceId = file ? file.id : (input.sourceId ?? null);
  const d = await db();
  const [existing] = await d.select({ id: evidenceItem.id, learnerId: evidenceItem.learnerId }).from(evidenceItem).where(eq(evidenceItem.id, input.id));
  if (existing) return existing.learnerId === input.learnerId ? { type: 'ok', id: existing.id } : { type: 'refused', reason: 'That form has expired; reload the page.' };
  const snap = await takeSnapshot(input.kind, input.learnerId, { sourceId, text: input.text, title: input.title, file });
  if (!snap.ok) return { type: 'refused', field: 'sourceId', reason: snap.reason };
  const claims = claimable(input.kind, snap.snapshot) ?? cleanClaims(input.claims);
  if (claims.length === 0) return { type: 'refused', field: 'claims', reason: 'Tick at least one criterion this evidence shows.' };
  const step = transition('draft', 'submit', { locked: false });
  if (!step.ok) return { type: 'refused', reason: step.reason };
  // A concurrent identical submit (same form id) inserts nothing here; either way there is one item,
  // and one blob: the losing submit returns before writing its file.
  await d.transaction(async (tx) => {
    const rows = await tx
      .insert(evidenceItem)
      .values({ id: input.id, learnerId: input.learnerId, kind: input.kind, title: snap.title, sourceId, createdBy: actor.id, status: step.to, currentVersion: 1, claims, createdAt: now, submittedAt: now, updatedAt: now })
      .onConflictDoNothing()
      .returning({ id: evidenceItem.id });
    if (rows.length === 0) return;
    if (file) await insertUpload(tx, file, input.learnerId, actor.id, now);
    await tx.insert(evidenceVersion).values({ evidenceId: input.id, version: 1, claims, snapshot: snap.snapshot, declaredOwnWork: true, submittedBy: actor.id, submittedAt: now });
    await refreshEvidenceStates(tx, input.learnerId, now);
    await audit({ actorId: actor.id, action: 'evidence-submitted', subjectId: input.id, detail: { kind: input.kind, claims, learnerId: input.learnerId } }, now, tx);
  });
  return { type: 'ok', id: input.id };
}

/**
 * A resubmission is a new version, taken afresh from the source; earlier versions stay readable.
 * `expectedVersion` is the version the learner was looking at: a second tab's resubmission wins once.
 */
export async function resubmitEvidence(actor: SessionUser, input: { evidenceId: string; expectedVersion: number; claims: string[]; declaredOwnWork: boolean; text?: string }, now: Date): Promise<EvidenceResult> {
  const d = await db();
  const [item] = await d.select().from(evidenceItem).where(eq(evidenceItem.id, input.evidenceId));
  if (!item || item.learnerId !== actor.id || !can(actor, 'portfolio:submit')) return { type: 'refused', reason: 'No such evidence in your portfolio.' };
  const step = transition(item.status, 'resubmit', { locked: Boolean(await signOffFor(item.learnerId)) });
  if (!step.ok) return { type: 'refused', reason: step.reason };
  if (item.currentVersion !== input.expectedVersion) return { type: 'refused', reason: 'This evidence changed since you opened it (perhaps in another tab). Reload to see the latest version.' };
  if (!input.declaredOwnWork) return { type: 'refused', field: 'declaredOwnWork', reason: 'Confirm that this is your own work.' };
  const snap = await takeSnapshot(item.kind, item.learnerId, { sourceId: item.sourceId, text: input.text, title: item.title });
  if (!snap.ok) return { type: 'refused', reason: snap.reason };
  const claims = claimable(item.kind, snap.snapshot) ?? cleanClaims(input.claims);
  if (claims.length === 0) return { type: 'refused', field: 'claims', reason: 'Tick at least one criterion this evidence shows.' };
  const version = item.currentVersion + 1;
  const done = await d.transaction(async (tx) => {
    const rows = await tx
      .update(evidenceItem)
      .set({ status: step.to, currentVersion: version, claims, submittedAt: now, updatedAt: now })
      .where(and(eq(evidenceItem.id, item.id), eq(evidenceItem.currentVersion, item.currentVersion), eq(evidenceItem.status, item.status)))
      .returning({ id: evidenceItem.id });
    if (rows.length === 0) return false;
    await tx.insert(evidenceVersion).values({ evidenceId: item.id, version, claims, snapshot: snap.snapshot, declaredOwnWork: true, submittedBy: actor.id, submittedAt: now });
    await refreshEvidenceStates(tx, item.learnerId, now);
    await audit({ actorId: actor.id, action: 'evidence-resubmitted', subjectId: item.id, detail: { version, claims } }, now, tx);
    return true;
  });
  return done ? { type: 'ok', id: item.id } : { type: 'refused', reason: 'This evidence changed since you opened it. Reload to see the latest version.' };
}
