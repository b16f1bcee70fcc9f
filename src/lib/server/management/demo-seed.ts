/**
 * The management side of the demo shop (called from db/seed.ts inside its transaction): the default
 * authority ladder, a grant to the first learner, a few logged terms (one outside authority, one referred),
 * a few months of sales and satisfaction, a promotion in the calendar, and an approach whose review is
 * overdue, so every manager page has something real to show. Figures come from the same domain functions
 * the app uses, so the demo cannot disagree with what the pages compute.
 */
import type { Database } from '../../../../db/client';
import { approachReview, approachVersion, authorityAcknowledgement, authorityLevel, authorityGrant, calendarEvent, notification, registerEntry, saleRow, satisfactionRow } from '../../../../db/schema';
import { checkTermAgainstAuthority, defaultAuthorityLevels } from '../../domain/authority';
import { validateSalesCsv, validateSatisfactionCsv } from '../../domain/data-import';
import { addDays, isoDate } from '../../domain/effect-days';
import { offerCost, type Concession } from '../../domain/special-terms';
import { defaultLevelId, defaultLevelRows } from './default-levels';

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

const ORG = 'org-harbour-street';
const LEARNER = 'user-learner';
const MANAGER = 'user-manager';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Terms the first learner logged: days ago agreed, hours until reported, and what was given. */
const TERMS: { customer: string; daysAgo: number; reportHours: number; concessions: Concession[]; sale: { price: number; unitCost: number; quantity: number; reference: string }; reason: string; referred: boolean }[] = [
  { customer: 'C-1003', daysAgo: 50, reportHours: 1, concessions: [{ type: 'discount', fraction: 0.05 }], sale: { price: 180, unitCost: 110, quantity: 1, reference: 'R-20417' }, reason: 'Regular trade customer weighing up the DIY superstore; 5 % kept the sale and the account.', referred: false },
  { customer: 'C-1001', daysAgo: 35, reportHours: 2, concessions: [{ type: 'discount', fraction: 0.05 }], sale: { price: 120, unitCost: 70, quantity: 1, reference: 'R-20533' }, reason: 'Long-standing customer buying a garden bench; a small discount for a returning buyer.', referred: false },
  { customer: 'C-1002', daysAgo: 20, reportHours: 0.5, concessions: [{ type: 'free-delivery', deliveryCost: 12 }], sale: { price: 240, unitCost: 150, quantity: 1, reference: 'R-20690' }, reason: 'Elderly customer without a car; delivery on our usual Thursday run costs little.', referred: false },
  { customer: 'C-1004', daysAgo: 6, reportHours: 48, concessions: [{ type: 'discount', fraction: 0.1 }], sale: { price: 300, unitCost: 190, quantity: 1, reference: 'R-20811' }, reason: 'Customer quoted a lower online price for a patio heater and was about to leave.', referred: false },
  { customer: 'C-1005', daysAgo: 3, reportHours: 1, concessions: [{ type: 'bundle-item', unitCost: 6, quantity: 1, retailPrice: 15 }], sale: { price: 95, unitCost: 55, quantity: 2, reference: 'R-20850' }, reason: 'Added a free pair of gloves to a two-planter sale; checked with Martin first.', referred: true },
];

export async function seedManagementDemo(tx: Tx, now: Date): Promise<void> {
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY);
  const today = isoDate(now);
  await tx.insert(authorityLevel).values(defaultLevelRows(ORG, at(90)));

  // Priya holds the first level by override: her assessment of its criteria was booked but not yet done.
  const basic = defaultAuthorityLevels.find((l) => l.id === 'basic')!;
  const grantId = 'grant-demo-learner-basic';
  const level = { ...basic, id: defaultLevelId(ORG, basic.id) };
  await tx.insert(authorityGrant).values({ id: grantId, organisationId: ORG, staffId: LEARNER, kind: 'override', levelId: level.id, levelSnapshot: { ...level }, reason: 'Shadowed on the shop floor for three weeks and handled price questions well; assessment of K3, K4 and P6 is booked.', grantedBy: MANAGER, grantedAt: at(60) });
  await tx.insert(authorityAcknowledgement).values({ grantId, staffId: LEARNER, acknowledgedAt: at(59) });

  for (const [i, t] of TERMS.entries()) {
    const agreedAt = at(t.daysAgo);
    const check = checkTermAgainstAuthority({ level, concessions: t.concessions, sale: t.sale, referred: t.referred });
    const id = `register-demo-${i + 1}`;
    await tx.insert(registerEntry).values({
      id, organisationId: ORG, staffId: LEARNER, customerRef: t.customer, concessions: t.concessions, sale: t.sale, cost: offerCost(t.concessions, t.sale), reason: t.reason,
      referred: t.referred, agreedAt, reportedAt: new Date(agreedAt.getTime() + t.reportHours * HOUR), grantId, withinAuthority: check.within, flagReasons: check.reasons, source: 'shop',
    });
    if (!check.within) await tx.insert(notification).values({ id: `notification-${id}`, userId: MANAGER, text: `Priya Shah logged a special term for ${t.customer}: outside their authority (${check.reasons.join('; ')}).`, link: `/manage/register/${id}`, createdAt: new Date(agreedAt.getTime() + t.reportHours * HOUR) });
  }

  await tx.insert(saleRow).values(demoSales(today).map((r) => ({ organisationId: ORG, date: r.date, customer: r.customer, amount: r.amount, cost: r.cost, rowKey: r.rowKey })));
  await tx.insert(satisfactionRow).values(demoSatisfaction(today).map((r) => ({ organisationId: ORG, date: r.date, customer: r.customer, scale: r.scale, score: r.score, rowKey: r.rowKey })));
  await tx.insert(calendarEvent).values({ id: 'event-demo-spring', organisationId: ORG, name: 'Spring garden promotion', kind: 'promotion', startDate: addDays(today, -44), endDate: addDays(today, -38), createdAt: at(50) });

  await tx.insert(approachVersion).values({
    id: 'approach-demo-1', organisationId: ORG, version: 1, createdBy: MANAGER, createdAt: at(100),
    segments: 'Home owners within five miles who garden and do their own repairs; local trades (gardeners, handymen) who buy weekly; older customers who value delivery and advice.',
    termsBySegment: 'Trades: small discounts on repeat lines and payment terms for account holders. Home owners: free delivery on large items rather than discounts. Seasonal plants carry the widest margins and can take a bundle; power tools cannot take more than 5 %.',
    competitorNotes: 'The retail park DIY superstore undercuts us on tools and compost; the online marketplace on branded items. Nobody nearby offers advice or next-day local delivery.',
    brandPosition: 'Mid-market and local: knowledgeable staff, reliable delivery, fair prices rather than the lowest.',
    changeSummary: 'First written version, after a staff meeting and a month of noting what customers asked for.',
  });
  await tx.insert(approachReview).values({ id: 'review-demo-1', organisationId: ORG, dueDate: addDays(today, -5), trigger: 'scheduled', createdAt: at(100) });
}

/** About four months of sales for twelve customers: steady, deterministic, a little higher after a term. */
function demoSales(today: string) {
  const lines = ['date,customer,amount,cost'];
  for (let c = 1; c <= 12; c++) {
    const customer = `C-${1000 + c}`;
    const term = TERMS.find((t) => t.customer === customer);
    for (let day = 118; day >= 1; day -= 5 + ((c * 3) % 7)) {
      const base = 25 + ((c * 37 + day * 11) % 60);
      const lift = term && day < term.daysAgo ? 1.25 : 1;
      const amount = Math.round(base * lift * 100) / 100;
      lines.push(`${addDays(today, -day)},${customer},${amount.toFixed(2)},${(amount * 0.6).toFixed(2)}`);
    }
  }
  const checked = validateSalesCsv(lines.join('\n'), today);
  if (!checked.ok) throw new Error(`demo sales do not validate: ${checked.errors[0]?.message}`);
  return checked.rows;
}

/** A satisfaction answer from most customers every few weeks, NPS and CSAT mixed, holding steady. */
function demoSatisfaction(today: string) {
  const lines = ['date,customer,nps,csat'];
  for (let c = 1; c <= 12; c++) {
    for (let day = 100 - c; day >= 1; day -= 21) {
      // Steady scores, so the demo does not show a fall in satisfaction that nobody caused.
      const nps = c % 3 === 0 ? '' : String(8 + (c % 2));
      const csat = c % 3 === 0 ? String(4 + (day % 2)) : '';
      lines.push(`${addDays(today, -day)},C-${1000 + c},${nps},${csat}`);
    }
  }
  const checked = validateSatisfactionCsv(lines.join('\n'), today);
  if (!checked.ok) throw new Error(`demo satisfaction does not validate: ${checked.errors[0]?.message}`);
  return checked.rows;
}
