/**
 * The management data at scale: every shop's special-terms register, imported sales and satisfaction,
 * calendar and approach. The demo shop is the flagship with half of all sales rows, so the manager's
 * pages and the effect analysis are measured where the data is heaviest. Customers who were given a
 * discount spend a little more afterwards, so the analysis has a real effect to find. Sales go in day by
 * day across all shops, the order in which periodic imports would add them.
 */
import { createHash, randomUUID } from 'node:crypto';
import { approachReview, approachVersion, calendarEvent, registerEntry, saleRow, satisfactionRow } from '../../db/schema';
import { DEMO_ORG } from '../../db/seed';
import { checkTermAgainstAuthority, defaultAuthorityLevels } from '../../src/lib/domain/authority';
import { addDays, isoDate } from '../../src/lib/domain/effect-days';
import { offerCost, type Concession } from '../../src/lib/domain/special-terms';
import type { BulkLoader, Row } from './bulk';
import type { Random } from './random';
import type { Scale } from './scale';
import { DAY, type People } from './seed-people';

const BASIC = defaultAuthorityLevels.find((l) => l.id === 'basic')!;
const customerId = (i: number) => `C-${String(i).padStart(6, '0')}`;
const key = (text: string) => createHash('sha256').update(text).digest('hex');

interface Shop {
  id: string;
  sales: number;
  customers: number;
  staff: string[];
  /** Customer → the day number (days ago) of their first discount: their spend lifts after it. */
  discountedOn: Map<string, number>;
}

export async function loadManagement(loader: BulkLoader, scale: Scale, people: People, now: Date, r: Random): Promise<void> {
  const demoSales = Math.round(scale.sales * scale.demoShopSalesShare);
  const others = people.shops.length - 1;
  const staff = new Map<string, string[]>(people.shops.map((s) => [s, []]));
  for (const l of people.learners) staff.get(l.shop)!.push(l.id);
  const shops: Shop[] = people.shops.map((id, i) => {
    const sales = i === 0 ? demoSales : Math.floor((scale.sales - demoSales) / others) + (i - 1 < (scale.sales - demoSales) % others ? 1 : 0);
    // The flagship's customers buy about fifty times over the history, a small shop's about ten.
    return { id, sales, customers: Math.max(20, Math.round(sales / (i === 0 ? 50 : 10))), staff: staff.get(id)!, discountedOn: new Map() };
  });
  for (const shop of shops) await loadRegister(loader, shop, shop.id === DEMO_ORG.id ? scale.demoShopRegister : scale.registerPerShop, scale, now, r);
  await loadSales(loader, shops, scale, now, r);
  await loadShopNotes(loader, people, scale, now, r);
}

async function loadRegister(loader: BulkLoader, shop: Shop, count: number, scale: Scale, now: Date, r: Random): Promise<void> {
  const rows: Row<typeof registerEntry>[] = [];
  for (let i = 0; i < count; i++) {
    const daysAgo = r.int(1, scale.days - 1);
    const agreedAt = new Date(now.getTime() - daysAgo * DAY - r.int(0, 8) * 3_600_000);
    const customer = customerId(r.int(1, shop.customers));
    const price = r.int(30, 400);
    const sale = { price, unitCost: Math.round(price * 0.6), quantity: r.int(1, 3) };
    const roll = r.next();
    const concessions: Concession[] =
      roll < 0.5 ? [{ type: 'discount', fraction: r.int(3, 15) / 100 }] : roll < 0.8 ? [{ type: 'free-delivery', deliveryCost: r.int(8, 20) }] : [{ type: 'bundle-item', unitCost: r.int(3, 10), quantity: 1 }];
    const practice = r.chance(0.1);
    const check = checkTermAgainstAuthority({ level: BASIC, concessions, sale, referred: false });
    // Most terms over the limit were referred to a manager first; the rest are flagged.
    const referred = !check.within && r.chance(0.85);
    if (!practice && concessions[0]!.type === 'discount' && (shop.discountedOn.get(customer) ?? 0) < daysAgo) shop.discountedOn.set(customer, daysAgo);
    rows.push({
      id: randomUUID(), organisationId: shop.id, staffId: r.pick(shop.staff), customerRef: customer, concessions, sale, cost: offerCost(concessions, sale),
      reason: 'Regular customer weighing up a competitor; the term kept the sale.', referred, agreedAt, reportedAt: new Date(agreedAt.getTime() + r.int(1, 96) * 1_800_000),
      grantId: null, withinAuthority: check.within || referred, flagReasons: check.reasons, source: practice ? 'practice' : 'shop', scenarioAttemptId: null,
    });
  }
  await loader.insert(registerEntry, rows);
}

async function loadSales(loader: BulkLoader, shops: Shop[], scale: Scale, now: Date, r: Random): Promise<void> {
  const today = isoDate(now);
  let sales: Row<typeof saleRow>[] = [];
  let answers: Row<typeof satisfactionRow>[] = [];
  let saleId = 1_000_000;
  let answerId = 1_000_000;
  // Day d (from the oldest) gets this shop's share of rows between d and d+1, so totals come out exact.
  const share = (total: number, d: number) => Math.floor(((d + 1) * total) / scale.days) - Math.floor((d * total) / scale.days);
  for (let d = 0; d < scale.days; d++) {
    const daysAgo = scale.days - d;
    const date = addDays(today, -daysAgo);
    for (const shop of shops) {
      for (let n = share(shop.sales, d); n > 0; n--) {
        const c = r.int(1, shop.customers);
        const customer = customerId(c);
        const lifted = (shop.discountedOn.get(customer) ?? -1) > daysAgo;
        const amount = Math.round((20 + ((c * 37) % 120)) * (0.6 + r.next() * 0.8) * (lifted ? 1.12 : 1) * 100) / 100;
        const cost = Math.round(amount * 60) / 100;
        sales.push({ id: saleId++, organisationId: shop.id, date, customer, amount, cost, rowKey: key(`${date},${customer},${amount},${cost},${saleId}`) });
      }
      // About one customer in twenty answers a survey; scores hold steady so no review is prompted.
      for (let n = share(Math.round(shop.sales / 20), d); n > 0; n--) {
        const customer = customerId(r.int(1, shop.customers));
        const nps = r.chance(0.6);
        answers.push({ id: answerId++, organisationId: shop.id, date, customer, scale: nps ? 'nps' : 'csat', score: nps ? r.int(7, 10) : r.int(4, 5), rowKey: key(`${date},${customer},${answerId}`) });
      }
    }
    if (sales.length >= 20_000) {
      await loader.insert(saleRow, sales);
      sales = [];
    }
    if (answers.length >= 5_000) {
      await loader.insert(satisfactionRow, answers);
      answers = [];
    }
  }
  await loader.insert(saleRow, sales);
  await loader.insert(satisfactionRow, answers);
}

/** A few calendar events per shop, and an approach with its next review for the shops the demo seed did not write one for. */
async function loadShopNotes(loader: BulkLoader, people: People, scale: Scale, now: Date, r: Random): Promise<void> {
  const today = isoDate(now);
  const events: Row<typeof calendarEvent>[] = [];
  for (const shop of people.shops) {
    for (let i = 0; i < 4; i++) {
      const start = addDays(today, -r.int(7, scale.days - 7));
      events.push({ id: randomUUID(), organisationId: shop, name: r.pick(['Spring promotion', 'Summer sale', 'Christmas peak', 'Competitor opened nearby']), kind: r.pick(['promotion', 'seasonal-peak', 'competitor'] as const), startDate: start, endDate: addDays(start, 6), createdAt: now });
    }
  }
  await loader.insert(calendarEvent, events);
  const others = people.shops.filter((s) => s !== DEMO_ORG.id);
  const text = 'Local trades and home owners; small discounts on repeat lines, delivery rather than discounts on large items.';
  await loader.insert(
    approachVersion,
    others.map((shop) => ({ id: `approach-${shop}`, organisationId: shop, version: 1, segments: text, termsBySegment: text, competitorNotes: text, brandPosition: text, changeSummary: 'First version.', createdBy: people.managerOf.get(shop)!, createdAt: new Date(now.getTime() - 200 * DAY) })),
  );
  await loader.insert(
    approachReview,
    others.map((shop) => ({ id: `review-${shop}`, organisationId: shop, dueDate: addDays(today, r.int(20, 90)), trigger: 'scheduled' as const, completedAt: null, completedBy: null, notes: null, approachVersionId: null, createdAt: new Date(now.getTime() - 200 * DAY) })),
  );
}
