/**
 * What a manager should act on today, for the /manage home: who is ready for more authority, who has
 * not yet acknowledged their limits, terms agreed outside authority, and reviews of the approach due.
 */
import { isoDate } from '../../domain/effect-days';
import { reviewState } from '../../domain/review-triggers';
import { unreadCount } from '../notifications';
import { approachReviews, promptSatisfactionReview } from './approach';
import { shopCompetence } from './competence';
import { reportingFigures, shopRegister } from './register';

export async function managerHome(manager: { id: string; organisationId: string }, now: Date) {
  const today = isoDate(now);
  // Looking at the home is a natural moment to notice a fall in satisfaction; it prompts at most once a period.
  await promptSatisfactionReview(manager.organisationId, now);
  const [{ staff }, flagged, reviews, reporting, unread] = await Promise.all([
    shopCompetence(manager.organisationId, now),
    shopRegister(manager.organisationId, { flagged: true, source: 'shop' }),
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
