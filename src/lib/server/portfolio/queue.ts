import { and, asc, count, desc, eq, inArray } from 'drizzle-orm';
import { assessorAssignment, evidenceItem, evidenceVersion, organisation, user as userTable } from '../../../../db/schema';
import { awaitingAssessment } from '../../domain/evidence-workflow';
import type { Database } from '../../../../db/client';
import { db } from '../db';

/**
 * The assessor's learners as a subquery: written as "learner in (…)" so the planner starts from the
 * assessor's assignments and each learner's (learner, status) index, not from every waiting item on the
 * platform.
 */
function assignedTo(d: Database, assessorId: string) {
  return d.select({ id: assessorAssignment.learnerId }).from(assessorAssignment).where(eq(assessorAssignment.assessorId, assessorId));
}

/** How much of the queue one page shows: the longest waits come first, so the rest can wait a page. */
export const QUEUE_PAGE = 100;

/**
 * The assessor's queue: submissions from their assigned learners, the longest-waiting first. The page's
 * items are chosen from the covering (learner, status, submitted) index alone; only those are then read
 * with their claims and learner, not every waiting item.
 */
export async function assessorQueue(assessorId: string, limit: number = QUEUE_PAGE) {
  const d = await db();
  const page = d
    .select({ id: evidenceItem.id })
    .from(evidenceItem)
    .where(and(inArray(evidenceItem.learnerId, assignedTo(d, assessorId)), inArray(evidenceItem.status, [...awaitingAssessment])))
    .orderBy(asc(evidenceItem.submittedAt), asc(evidenceItem.id))
    .limit(limit)
    .as('page');
  return d
    .select({
      id: evidenceItem.id,
      title: evidenceItem.title,
      kind: evidenceItem.kind,
      status: evidenceItem.status,
      version: evidenceItem.currentVersion,
      submittedAt: evidenceItem.submittedAt,
      learnerId: evidenceItem.learnerId,
      learnerName: userTable.name,
      shop: organisation.name,
      claims: evidenceVersion.claims,
    })
    .from(page)
    .innerJoin(evidenceItem, eq(evidenceItem.id, page.id))
    .innerJoin(evidenceVersion, and(eq(evidenceVersion.evidenceId, evidenceItem.id), eq(evidenceVersion.version, evidenceItem.currentVersion)))
    .innerJoin(userTable, eq(userTable.id, evidenceItem.learnerId))
    .leftJoin(organisation, eq(organisation.id, userTable.organisationId))
    .orderBy(asc(evidenceItem.submittedAt), asc(evidenceItem.id));
}

/** How many submissions wait for this assessor in all. */
export async function assessorQueueSize(assessorId: string): Promise<number> {
  const d = await db();
  const [row] = await d
    .select({ n: count() })
    .from(evidenceItem)
    .where(and(inArray(evidenceItem.learnerId, assignedTo(d, assessorId)), inArray(evidenceItem.status, [...awaitingAssessment])));
  return row?.n ?? 0;
}

/** A learner's evidence items with their current claims, newest first. */
export async function learnerEvidence(learnerId: string) {
  return (await db())
    .select({ item: evidenceItem, claims: evidenceVersion.claims })
    .from(evidenceItem)
    .innerJoin(evidenceVersion, and(eq(evidenceVersion.evidenceId, evidenceItem.id), eq(evidenceVersion.version, evidenceItem.currentVersion)))
    .where(eq(evidenceItem.learnerId, learnerId))
    .orderBy(desc(evidenceItem.updatedAt));
}

export async function evidenceWithVersions(evidenceId: string) {
  const d = await db();
  const [item] = await d.select().from(evidenceItem).where(eq(evidenceItem.id, evidenceId));
  if (!item) return null;
  const versions = await d.select().from(evidenceVersion).where(eq(evidenceVersion.evidenceId, evidenceId)).orderBy(desc(evidenceVersion.version));
  return { item, versions };
}
