import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import { assessorAssignment, evidenceItem, evidenceVersion, organisation, user as userTable, type EvidenceItem } from '../../../../db/schema';
import { awaitingAssessment } from '../../domain/evidence-workflow';
import type { Database } from '../../../../db/client';
import { db } from '../db';
import { date, embedded, nullable, number, parsed, selectJsonRows, text } from '../json-rows';

/**
 * The assessor's learners as a subquery: written as "learner in (…)" so the planner starts from the
 * assessor's assignments and each learner's (learner, status) index, not from every waiting item on the
 * platform.
 */
function assignedTo(d: Database, assessorId: string) {
  return d.select({ id: assessorAssignment.learnerId }).from(assessorAssignment).where(eq(assessorAssignment.assessorId, assessorId));
}

/** An evidence item's columns and its current claims, decoded from one JSON value (json-rows.ts). */
const itemColumns = {
  id: [evidenceItem.id, text],
  learnerId: [evidenceItem.learnerId, text],
  kind: [evidenceItem.kind, (v: unknown) => text(v) as EvidenceItem['kind']],
  title: [evidenceItem.title, text],
  sourceId: [evidenceItem.sourceId, nullable(text)],
  createdBy: [evidenceItem.createdBy, text],
  status: [evidenceItem.status, (v: unknown) => text(v) as EvidenceItem['status']],
  currentVersion: [evidenceItem.currentVersion, number],
  createdAt: [evidenceItem.createdAt, date],
  submittedAt: [evidenceItem.submittedAt, nullable(date)],
  updatedAt: [evidenceItem.updatedAt, date],
  claims: [embedded(evidenceItem.claims), parsed<string[]>()],
} as const;

/**
 * How much of the queue one page shows: the longest waits come first, so the rest can wait a page.
 * Fifty rows is more than a day's marking and still a page a phone scrolls through; the marking view
 * reads the same page for its previous/next links.
 */
export const QUEUE_PAGE = 50;

/**
 * The assessor's queue: submissions from their assigned learners, the longest-waiting first. The page's
 * items are chosen from the covering (learner, status, submitted) index alone; only those are then read
 * with their claims and learner, not every waiting item.
 */
export async function assessorQueue(assessorId: string, limit: number = QUEUE_PAGE) {
  const d = await db();
  // Every column the queue shows is in the covering index, so the page is chosen and read from it alone.
  const page = d
    .select({ id: evidenceItem.id, title: evidenceItem.title, kind: evidenceItem.kind, status: evidenceItem.status, currentVersion: evidenceItem.currentVersion, submittedAt: evidenceItem.submittedAt, learnerId: evidenceItem.learnerId, claims: evidenceItem.claims })
    .from(evidenceItem)
    .where(and(inArray(evidenceItem.learnerId, assignedTo(d, assessorId)), inArray(evidenceItem.status, [...awaitingAssessment])))
    .orderBy(asc(evidenceItem.submittedAt), asc(evidenceItem.id))
    .limit(limit)
    .as('page');
  const rows = await selectJsonRows(
    {
      id: [page.id, text],
      title: [page.title, text],
      kind: [page.kind, (v: unknown) => text(v) as EvidenceItem['kind']],
      status: [page.status, (v: unknown) => text(v) as EvidenceItem['status']],
      version: [page.currentVersion, number],
      submittedAt: [page.submittedAt, nullable(date)],
      learnerId: [page.learnerId, text],
      learnerName: [userTable.name, text],
      shop: [organisation.name, nullable(text)],
      claims: [embedded(page.claims), parsed<string[]>()],
    },
    sql`FROM ${page}
      JOIN ${userTable} ON ${eq(userTable.id, page.learnerId)}
      LEFT JOIN ${organisation} ON ${eq(organisation.id, userTable.organisationId)}`,
  );
  return rows.sort((a, b) => (a.submittedAt?.getTime() ?? 0) - (b.submittedAt?.getTime() ?? 0) || a.id.localeCompare(b.id));
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

/** A learner's evidence items with their current claims, newest first (one JSON value: see json-rows.ts). */
export async function learnerEvidence(learnerId: string): Promise<{ item: EvidenceItem; claims: string[] }[]> {
  const rows = await selectJsonRows(itemColumns, sql`FROM ${evidenceItem} WHERE ${eq(evidenceItem.learnerId, learnerId)}`);
  return rows
    .map((item) => ({ item, claims: item.claims }))
    .sort((a, b) => b.item.updatedAt.getTime() - a.item.updatedAt.getTime() || a.item.id.localeCompare(b.item.id));
}

export async function evidenceWithVersions(evidenceId: string) {
  const d = await db();
  const [item] = await d.select().from(evidenceItem).where(eq(evidenceItem.id, evidenceId));
  if (!item) return null;
  const versions = await d.select().from(evidenceVersion).where(eq(evidenceVersion.evidenceId, evidenceId)).orderBy(desc(evidenceVersion.version));
  return { item, versions };
}
