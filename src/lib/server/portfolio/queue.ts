import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import { assessorAssignment, evidenceItem, evidenceVersion, organisation, user as userTable, type EvidenceItem } from '../../../../db/schema';
import { awaitingAssessment } from '../../domain/evidence-workflow';
import { DRIZZLE_CASING } from '../../../../db/client';
import { QueryBuilder } from 'drizzle-orm/sqlite-core';
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
 * them and how many wait in all. The page's items are chosen from the covering (learner, status,
 * submitted) index alone, and the count comes from the same pass (a window over every waiting item,
 * worked out before the LIMIT), so the queue is one statement.
 */
const queuePage = (() => {
  // The assessor's learners as a subquery, written as "learner in (…)" so the planner starts from the
  // assessor's assignments and each learner's (learner, status) index, not from every waiting item.
  const assigned = qb.select({ id: assessorAssignment.learnerId }).from(assessorAssignment).where(eq(assessorAssignment.assessorId, sql.placeholder('assessorId')));
  // Every column the queue shows is in the covering index, so the page is chosen and read from it alone.
  const page = qb
    .select({
      id: evidenceItem.id,
      title: evidenceItem.title,
      kind: evidenceItem.kind,
      status: evidenceItem.status,
      currentVersion: evidenceItem.currentVersion,
      submittedAt: evidenceItem.submittedAt,
      learnerId: evidenceItem.learnerId,
      claims: evidenceItem.claims,
      waiting: sql<number>`count(*) OVER ()`.as('waiting'),
    })
    .from(evidenceItem)
    .where(and(inArray(evidenceItem.learnerId, assigned), inArray(evidenceItem.status, [...awaitingAssessment])))
    .orderBy(asc(evidenceItem.submittedAt), asc(evidenceItem.id))
    .limit(sql.placeholder('limit'))
    .as('page');
  return preparedJsonRows(
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
      waiting: [page.waiting, number],
    },
    sql`FROM ${page}
      JOIN ${userTable} ON ${eq(userTable.id, page.learnerId)}
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
