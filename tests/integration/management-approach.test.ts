import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { approachReview } from '../../db/schema';
import { approachReviews, approachVersions, completeReview, findReview, promptSatisfactionReview, saveApproach, scheduleReview } from '../../src/lib/server/management/approach';
import { managerHome } from '../../src/lib/server/management/home';
import { importFile } from '../../src/lib/server/management/imports';
import { reportingFigures } from '../../src/lib/server/management/register';
import { unreadCount } from '../../src/lib/server/notifications';
import { DEMO_ORG, OTHER_ORG } from './management-helpers';
import { useTestDatabase } from './support/test-db';

const database = useTestDatabase({ seed: true });
const now = new Date('2026-05-04T10:00:00Z');
const other = { id: 'user-quayside-manager', organisationId: OTHER_ORG };
const fields = { segments: 'Trades on account', termsBySegment: 'Payment terms for trades only', competitorNotes: 'Builders merchant nearby', brandPosition: 'Value', changeSummary: 'First version' };

describe('the approach, versioned', () => {
  it('saves versions in order and refuses a save based on an out-of-date version', async () => {
    expect(await saveApproach(other, fields, 0, now)).toMatchObject({ type: 'saved', version: 1 });
    expect(await saveApproach(other, { ...fields, changeSummary: 'Second' }, 1, now)).toMatchObject({ type: 'saved', version: 2 });
    // A colleague started from version 1 before version 2 was saved.
    expect(await saveApproach(other, { ...fields, changeSummary: 'Stale' }, 1, now)).toEqual({ type: 'conflict', latest: 2 });
    expect((await approachVersions(OTHER_ORG)).map((v) => v.changeSummary)).toEqual(['Second', 'First version']);
    await expect(database.current().client.execute("update approach_version set segments = 'x'")).rejects.toThrow(/append-only/);
  });
});

describe('reviews', () => {
  it('completes a review with notes, a new version and the next review, once', async () => {
    const id = await scheduleReview(other, '2026-05-01', 'scheduled', now);
    const r = await completeReview(other, { reviewId: id, notes: 'Trade customers now compare us with the new merchant.', approach: { ...fields, changeSummary: 'Added the merchant', basedOn: 2 }, nextDueDate: '2026-08-01' }, now);
    expect(r).toMatchObject({ type: 'completed' });
    const done = await findReview(OTHER_ORG, id);
    expect(done).toMatchObject({ completedBy: other.id, notes: 'Trade customers now compare us with the new merchant.' });
    expect(done?.approachVersionId).toBe((await approachVersions(OTHER_ORG))[0]?.id);
    expect((await approachReviews(OTHER_ORG)).some((x) => x.dueDate === '2026-08-01' && !x.completedAt)).toBe(true);
    expect(await completeReview(other, { reviewId: id, notes: 'Again, by a second manager.', approach: null, nextDueDate: null }, now)).toEqual({ type: 'already-done' });
  });

  it('saves nothing when the new version conflicts: the review stays open', async () => {
    const id = await scheduleReview(other, '2026-05-02', 'manual', now);
    const versions = (await approachVersions(OTHER_ORG)).length;
    const r = await completeReview(other, { reviewId: id, notes: 'Based on an old version of the approach.', approach: { ...fields, basedOn: 1 }, nextDueDate: '2026-09-01' }, now);
    expect(r.type).toBe('conflict');
    expect((await findReview(OTHER_ORG, id))?.completedAt).toBeNull();
    expect((await approachVersions(OTHER_ORG)).length).toBe(versions);
  });

  it("cannot see or complete another shop's review", async () => {
    expect(await findReview(OTHER_ORG, 'review-demo-1')).toBeUndefined();
    expect(await completeReview(other, { reviewId: 'review-demo-1', notes: 'Not my shop, trying anyway.', approach: null, nextDueDate: null }, now)).toEqual({ type: 'not-found' });
  });

  it('prompts one early review when satisfaction falls, and not again for the same fall', async () => {
    // Twenty answers of 9 in the earlier 30 days, twenty of 7 in the last 30: a fall of 20 points.
    const lines = ['date,customer,nps'];
    for (let i = 0; i < 20; i++) lines.push(`2026-03-${String(10 + i).padStart(2, '0')},S-${i},9`);
    for (let i = 0; i < 20; i++) lines.push(`2026-04-${String(10 + i).padStart(2, '0')},S-${i},7`);
    expect(await importFile(other, 'satisfaction', new File([lines.join('\n')], 's.csv'), now)).toMatchObject({ type: 'imported', added: 40 });
    expect(await promptSatisfactionReview(OTHER_ORG, now)).toBe(true);
    expect(await promptSatisfactionReview(OTHER_ORG, new Date(now.getTime() + 86_400_000))).toBe(false);
    const prompted = await database.current().db.select().from(approachReview).where(and(eq(approachReview.organisationId, OTHER_ORG), eq(approachReview.trigger, 'satisfaction-fall')));
    expect(prompted).toHaveLength(1);
    expect(prompted[0]?.dueDate).toBe('2026-05-04');
  });
});

describe("the manager's home", () => {
  it('shows the demo shop’s overdue review, flagged term and nothing pending acknowledgement', async () => {
    const home = await managerHome({ id: 'user-manager', organisationId: DEMO_ORG }, new Date());
    expect(home.reviewsDue.map((r) => [r.review.id, r.state])).toEqual([['review-demo-1', 'overdue']]);
    expect(home.flagged.total).toBe(1);
    expect(home.flagged.latest.map((f) => f.entry.customerRef)).toEqual(['C-1004']);
    expect(home.pendingAcknowledgement).toEqual({ total: 0, first: [] });
    expect(home.reporting.count).toBe(5);
    // The home's one row of figures agrees with the register page's figures and the notification count.
    expect(home.reporting).toEqual(await reportingFigures(DEMO_ORG));
    expect(home.reporting.medianMs).toBeGreaterThan(0);
    expect(home.unread).toBe(await unreadCount('user-manager'));
    expect(home.unread).toBeGreaterThan(0);
  });
});
