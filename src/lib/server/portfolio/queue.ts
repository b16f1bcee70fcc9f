import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import { assessorAssignment, evidenceItem, evidenceVersion, organisation, user as userTable, type EvidenceItem } from '../../../../db/schema';
import { awaitingAssessment } from '../../domain/evidence-workflow';
import { DRIZZLE_CASING } from '../../../../db/client';
import { alias, QueryBuilder, type SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { db } from '../db';
import { date, embedded, nullable, number, parsed, preparedJsonRows, selectJsonRows, text } from '../json-rows';

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

// The queue's statement is built once, without a database handle (placeholders for the assessor and the
// page size), with the casing the app opens drizzle with.
const qb = new QueryBuilder({ casing: DRIZZLE_CASING });

/**
 * The assessor's queue: submissions from their assigned learners, the longest-waiting first, one page of
 * them and how many wait in all, in one statement. The page is chosen from the covering (learner, status,
 * submitted, id) index as bare row ids, so only those are sorted, and only the page's rows are then
 * read in full; the count is a scalar subquery over the same index, worked out once. (A window count
 * over the page's query made SQLite carry every waiting item's columns through the sort: twice the time.)
 */
const queuePage = (() => {
  // The assessor's learners as a subquery, written as "learner in (…)" so the planner starts from the
  // assessor's assignments and each learner's (learner, status) index, not from every waiting item.
  const assigned = qb.select({ id: assessorAssignment.learnerId }).from(assessorAssignment).where(eq(assessorAssignment.assessorId, sql.placeholder('assessorId')));
  const waitingFor = (item: { learnerId: SQLiteColumn; status: SQLiteColumn }) => and(inArray(item.learnerId, assigned), inArray(item.status, [...awaitingAssessment]));
  const page = qb
    .select({ rid: sql<number>`${evidenceItem}.rowid`.as('rid') })
    .from(evidenceItem)
    .where(waitingFor(evidenceItem))
    .orderBy(asc(evidenceItem.submittedAt), asc(evidenceItem.id))
    .limit(sql.placeholder('limit'))
    .as('page');
  const counted = alias(evidenceItem, 'counted');
  const waiting = qb.select({ n: count() }).from(counted).where(waitingFor(counted));
  const e = evidenceItem;
  return preparedJsonRows(
    {
      id: [e.id, text],
      title: [e.title, text],
      kind: [e.kind, (v: unknown) => text(v) as EvidenceItem['kind']],
      status: [e.status, (v: unknown) => text(v) as EvidenceItem['status']],
      version: [e.currentVersion, number],
      submittedAt: [e.submittedAt, nullable(date)],
      learnerId: [e.learnerId, text],
      learnerName: [userTable.name, text],
      shop: [organisation.name, nullable(text)],
      claims: [embedded(e.claims), parsed<string[]>()],
      waiting: [sql`(${waiting})`, number],
    },
    sql`FROM ${page}
      JOIN ${e} ON ${e}.rowid = ${page.rid}
      JOIN ${userTable} ON ${eq(userTable.id, e.learnerId)}
      LEFT JOIN ${organisation} ON ${eq(organisation.id, userTable.organisationId)}`,
  );
})();

export async function assessorQueuePage(assessorId: string, limit: number = QUEUE_PAGE) {
  const rows = await queuePage({ assessorId, limit });
  const items = rows
    .sort((a, b) => (a.submittedAt?.getTime() ?? 0) - (b.submittedAt?.getTime() ?? 0) || a.id.localeCompare(b.id))
    .map(({ waiting: _waiting, ...item }) => item);
  return { items, waiting: rows[0]?.waiting ?? 0 };
}

/** The first page of the assessor's queue (the marking view's previous/next links walk it). */
export async function assessorQueue(assessorId: string, limit: number = QUEUE_PAGE) {
  return (await assessorQueuePage(assessorId, limit)).items;
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
