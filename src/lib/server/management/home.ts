/**
 * What a manager should act on today, for the /manage home: who is ready for more authority, who has
 * not yet acknowledged their limits, terms agreed outside authority, and reviews of the approach due.
 */
import { isoDate } from '../../domain/effect-days';
import { reviewState } from '../../domain/review-triggers';
import { unreadCount } from '../notifications';
import { approachReviews } from './approach';
import { shopCompetence } from './competence';
import { flaggedTerms, reportingFigures } from './register';

/** The home lists the latest few flagged terms and links to the rest. */
export const FLAGGED_ON_HOME = 5;

export async function managerHome(manager: { id: string; organisationId: string }, now: Date) {
  const today = isoDate(now);
  // A fall in satisfaction prompts an early review when the answers are imported (a POST), not here:
  // looking at a page changes nothing.
  const [{ staff }, flagged, reviews, reporting, unread] = await Promise.all([
    shopCompetence(manager.organisationId, now),
    flaggedTerms(manager.organisationId, FLAGGED_ON_HOME),
    approachReviews(manager.organisationId),
    reportingFigures(manager.organisationId),
    unreadCount(manager.id),
  ]);
  return {
    ready: staff.filter((p) => p.readyForMore),
    pendingAcknowledgement: staff.filter((p) => p.current && p.current.row.kind !== 'revoke' && !p.current.acknowledgedAt),
    flagged,
    reviewsDue: reviews.map((r) => ({ review: r, state: reviewState(r, today) })).filter((r) => r.state === 'overdue' || r.state === 'due'),
    reporting,
    unread,
  };
}
