/**
 * What a manager should act on today, for the /manage home: who is ready for more authority, who has
 * not yet acknowledged their limits, terms agreed outside authority, and reviews of the approach due.
 * Four statements whatever the size of the shop: the staff with their met criteria and grants, the
 * levels, the latest flagged terms, and one row of figures.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { approachReview, notification, registerEntry } from '../../../../db/schema';
import { isoDate } from '../../domain/effect-days';
import { reviewState } from '../../domain/review-triggers';
import { compiledStatement } from '../db';
import { shopReadiness } from './readiness';
import { flaggedInShop, latestFlagged, reportingStatement, toReportingTimes, type ReportingRow } from './register';

/** The home lists the latest few flagged terms and links to the rest. */
export const FLAGGED_ON_HOME = 5;

/**
 * The home names at most this many people in each list (by name) and gives the total, linking to the
 * full list: in a 200-person shop, a home that named everyone ready for more authority would be a
 * directory, not a list of what to act on today.
 */
export const PEOPLE_ON_HOME = 10;

/** The first few of a list, and how many there are in all. */
function firstFew<T>(all: readonly T[]): { total: number; first: T[] } {
  return { total: all.length, first: all.slice(0, PEOPLE_ON_HOME) };
}

const openReviews = z.array(z.object({ id: z.string(), dueDate: z.string(), trigger: z.enum(approachReview.trigger.enumValues) }));

/**
 * The home's counts in one row: the reporting figures, unread notifications, flagged terms, and the
 * shop's open reviews (a handful at most, as JSON), each a scalar subquery through its own index. Built
 * once, with placeholders for the shop and the manager.
 */
const figures = compiledStatement(
  reportingStatement(
    sql.placeholder('organisationId'),
    sql`(SELECT count(*) FROM ${notification} WHERE ${and(eq(notification.userId, sql.placeholder('managerId')), isNull(notification.readAt))}) AS unread,
      (SELECT count(*) FROM ${registerEntry} WHERE ${flaggedInShop(sql.placeholder('organisationId'))}) AS flagged,
      (SELECT json_group_array(json_object('id', id, 'dueDate', due_date, 'trigger', "trigger")) FROM ${approachReview}
        WHERE ${and(eq(approachReview.organisationId, sql.placeholder('organisationId')), isNull(approachReview.completedAt))}) AS reviews`,
  ),
);

export async function homeFigures(manager: { id: string; organisationId: string }) {
  const [row] = (await figures({ organisationId: manager.organisationId, managerId: manager.id })).rows as unknown as (ReportingRow & { unread: number; flagged: number; reviews: string })[];
  return {
    reporting: toReportingTimes(row),
    unread: Number(row?.unread ?? 0),
    flagged: Number(row?.flagged ?? 0),
    reviews: openReviews.parse(JSON.parse(row?.reviews ?? '[]')).map((r) => ({ ...r, completedAt: null })),
  };
}

export async function managerHome(manager: { id: string; organisationId: string }, now: Date) {
  const today = isoDate(now);
  // A fall in satisfaction prompts an early review when the answers are imported (a POST), not here:
  // looking at a page changes nothing.
  const [staff, latest, figures] = await Promise.all([shopReadiness(manager.organisationId, now), latestFlagged(manager.organisationId, FLAGGED_ON_HOME), homeFigures(manager)]);
  return {
    ready: firstFew(staff.filter((p) => p.readyForMore)),
    pendingAcknowledgement: firstFew(staff.filter((p) => p.grant && p.grant.kind !== 'revoke' && !p.grant.acknowledgedAt)),
    flagged: { total: figures.flagged, latest },
    reviewsDue: figures.reviews
      .map((r) => ({ review: r, state: reviewState(r, today) }))
      .filter((r) => r.state === 'overdue' || r.state === 'due')
      .sort((a, b) => a.review.dueDate.localeCompare(b.review.dueDate)),
    reporting: figures.reporting,
    unread: figures.unread,
  };
}
