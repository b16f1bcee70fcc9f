/**
 * The shop's customer-relationship approach (P1, P9, K1, K8): each save is a new, append-only version,
 * and reviews are scheduled, prompted early by events, and completed with what changed and why.
 */
import { and, asc, desc, eq, gte, isNull } from 'drizzle-orm';
import { approachReview, approachVersion, satisfactionRow } from '../../../../db/schema';
import { addDays, isoDate } from '../../domain/effect-days';
import { satisfactionTrend } from '../../domain/review-triggers';
import { audit } from '../audit';
import { db } from '../db';
import { newId } from '../ids';

type Actor = { id: string; organisationId: string };
type Tx = Parameters<Parameters<Awaited<ReturnType<typeof db>>['transaction']>[0]>[0];

export interface ApproachFields {
  segments: string;
  termsBySegment: string;
  competitorNotes: string;
  brandPosition: string;
  changeSummary: string;
}

export async function approachVersions(organisationId: string) {
  return (await db()).select().from(approachVersion).where(eq(approachVersion.organisationId, organisationId)).orderBy(desc(approachVersion.version));
}

export type SaveOutcome = { type: 'saved'; id: string; version: number } | { type: 'conflict'; latest: number };

/**
 * Saves a new version only if the latest is still the one the editor started from, so a colleague's
 * version saved meanwhile is never buried unseen (the unique version number backs this up).
 */
export async function saveApproach(actor: Actor, fields: ApproachFields, basedOn: number, now: Date, tx?: Tx): Promise<SaveOutcome> {
  const run = async (t: Tx): Promise<SaveOutcome> => {
    const [latest] = await t.select({ version: approachVersion.version }).from(approachVersion).where(eq(approachVersion.organisationId, actor.organisationId)).orderBy(desc(approachVersion.version)).limit(1);
    const current = latest?.version ?? 0;
    if (current !== basedOn) return { type: 'conflict', latest: current };
    const id = newId();
    await t.insert(approachVersion).values({ id, organisationId: actor.organisationId, version: current + 1, ...fields, createdBy: actor.id, createdAt: now });
    await audit({ actorId: actor.id, action: 'approach-saved', subjectId: id, detail: { version: current + 1 } }, now, t);
    return { type: 'saved', id, version: current + 1 };
  };
  return tx ? run(tx) : (await db()).transaction(run);
}

export async function approachReviews(organisationId: string) {
  return (await db()).select().from(approachReview).where(eq(approachReview.organisationId, organisationId)).orderBy(asc(approachReview.completedAt), asc(approachReview.dueDate));
}

export async function findReview(organisationId: string, id: string) {
  const [row] = await (await db()).select().from(approachReview).where(and(eq(approachReview.id, id), eq(approachReview.organisationId, organisationId)));
  return row;
}

export async function scheduleReview(actor: Actor, dueDate: string, trigger: 'scheduled' | 'manual', now: Date, tx?: Tx): Promise<string> {
  const id = newId();
  const run = async (t: Tx) => {
    await t.insert(approachReview).values({ id, organisationId: actor.organisationId, dueDate, trigger, createdAt: now });
    await audit({ actorId: actor.id, action: 'approach-review-scheduled', subjectId: id, detail: { dueDate, trigger } }, now, t);
  };
  if (tx) await run(tx);
  else await (await db()).transaction(run);
  return id;
}

export type CompleteOutcome = { type: 'completed'; versionId: string | null } | { type: 'already-done' } | { type: 'not-found' } | { type: 'conflict'; latest: number };

/**
 * Completes a review with what was found and why; optionally saves a new approach version and schedules
 * the next review, all in one transaction. The review row's `completedAt` is set once: a second manager
 * completing the same review is told it is already done.
 */
export async function completeReview(
  actor: Actor,
  input: { reviewId: string; notes: string; approach: (ApproachFields & { basedOn: number }) | null; nextDueDate: string | null },
  now: Date,
): Promise<CompleteOutcome> {
  const d = await db();
  const run = d.transaction(async (tx) => {
    const [review] = await tx.select().from(approachReview).where(and(eq(approachReview.id, input.reviewId), eq(approachReview.organisationId, actor.organisationId)));
    if (!review) return { type: 'not-found' } as const;
    if (review.completedAt) return { type: 'already-done' } as const;
    let versionId: string | null = null;
    if (input.approach) {
      const { basedOn, ...fields } = input.approach;
      const saved = await saveApproach(actor, fields, basedOn, now, tx);
      if (saved.type === 'conflict') return saved;
      versionId = saved.id;
    }
    const done = await tx
      .update(approachReview)
      .set({ completedAt: now, completedBy: actor.id, notes: input.notes, approachVersionId: versionId })
      .where(and(eq(approachReview.id, review.id), isNull(approachReview.completedAt)))
      .returning({ id: approachReview.id });
    // Completed by someone else between the read and here: undo the version saved above too.
    if (done.length === 0) throw new AlreadyDone();
    await audit({ actorId: actor.id, action: 'approach-review-completed', subjectId: review.id, detail: { versionId } }, now, tx);
    if (input.nextDueDate) await scheduleReview(actor, input.nextDueDate, 'scheduled', now, tx);
    return { type: 'completed', versionId } as const;
  });
  return run.catch((e: unknown) => {
    if (e instanceof AlreadyDone) return { type: 'already-done' } as const;
    throw e;
  });
}

class AlreadyDone extends Error {}

/**
 * An early review when satisfaction has fallen (see SATISFACTION_FALL_RULE). Prompted once: not again
 * while an earlier satisfaction-fall review is less than a comparison period old, since the same fall
 * would otherwise prompt a fresh review every day.
 */
export async function promptSatisfactionReview(organisationId: string, now: Date): Promise<boolean> {
  const d = await db();
  const today = isoDate(now);
  const rows = await d
    .select({ date: satisfactionRow.date, scale: satisfactionRow.scale, score: satisfactionRow.score })
    .from(satisfactionRow)
    .where(and(eq(satisfactionRow.organisationId, organisationId), gte(satisfactionRow.date, addDays(today, -59))));
  if (!satisfactionTrend(rows, today).fell) return false;
  return d.transaction(async (tx) => {
    const since = new Date(now.getTime() - 30 * 86_400_000);
    const [recent] = await tx
      .select({ id: approachReview.id })
      .from(approachReview)
      .where(and(eq(approachReview.organisationId, organisationId), eq(approachReview.trigger, 'satisfaction-fall'), gte(approachReview.createdAt, since)))
      .limit(1);
    if (recent) return false;
    await tx.insert(approachReview).values({ id: newId(), organisationId, dueDate: today, trigger: 'satisfaction-fall', createdAt: now });
    return true;
  });
}

/** An early review because a competitor event was entered; called once, when the event is added. */
export async function promptCompetitorReview(tx: Tx, organisationId: string, eventId: string, now: Date): Promise<void> {
  const id = newId();
  await tx.insert(approachReview).values({ id, organisationId, dueDate: isoDate(now), trigger: 'competitor-event', createdAt: now });
  await audit({ actorId: null, action: 'approach-review-prompted', subjectId: id, detail: { trigger: 'competitor-event', eventId } }, now, tx);
}
