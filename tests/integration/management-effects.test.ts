import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { approachReview, saleRow } from '../../db/schema';
import { IMPORT_LIMITS } from '../../src/lib/domain/data-import';
import { addEvent } from '../../src/lib/server/management/calendar';
import { pooledEffect, shopEffect } from '../../src/lib/server/management/effects';
import { importedCounts, importFile } from '../../src/lib/server/management/imports';
import { logTerm } from '../../src/lib/server/management/register';
import { DEMO_ORG, OTHER_ORG, sessionUser } from './management-helpers';
import { useTestDatabase } from './support/test-db';

const database = useTestDatabase({ seed: true });
const fixture = (name: string) => readFileSync(new URL(`../fixtures/manager/${name}`, import.meta.url), 'utf8');
const csvFile = (text: string, name = 'data.csv') => new File([text], name, { type: 'text/csv' });
const now = new Date('2026-05-04T10:00:00Z');
const other = { id: 'user-quayside-manager', organisationId: OTHER_ORG };

describe('importing sales and satisfaction', () => {
  it('imports a whole file, and the same file again adds nothing', async () => {
    const first = await importFile(other, 'sales', csvFile(fixture('sales.csv')), now);
    expect(first).toEqual({ type: 'imported', kind: 'sales', rows: 176, added: 176, alreadyThere: 0 });
    const again = await importFile(other, 'sales', csvFile(fixture('sales.csv')), now);
    expect(again).toEqual({ type: 'imported', kind: 'sales', rows: 176, added: 0, alreadyThere: 176 });
    expect((await importedCounts(OTHER_ORG)).sales).toBe(176);
  });

  it('adds only the new rows of a file that overlaps an earlier one', async () => {
    const r = await importFile(other, 'sales', csvFile('date,customer,amount,cost\n2025-01-20,E-T1,40.00,24.00\n2025-05-11,E-T1,12.00,7.00\n'), now);
    expect(r).toMatchObject({ type: 'imported', added: 1, alreadyThere: 1 });
  });

  it('imports nothing from a file with any bad row, and lists every problem by line', async () => {
    const before = await importedCounts(OTHER_ORG);
    const text = ['date,customer,amount,cost', '2026-04-01,N-1,10,5', '2026-04-31,N-2,10,5', '2026-04-02,N-3,-10,5', '2026-04-01,N-1,10.00,5.00', '2026-04-03,N-4,10,5'].join('\n');
    const r = await importFile(other, 'sales', csvFile(text), now);
    expect(r.type).toBe('refused');
    if (r.type === 'refused') expect(r.errors.map((e) => e.line)).toEqual([3, 4, 5]);
    expect(await importedCounts(OTHER_ORG)).toEqual(before);
    const rows = await database.current().db.select().from(saleRow).where(eq(saleRow.customer, 'N-4'));
    expect(rows).toHaveLength(0);
  });

  it('refuses a file over the size limit with a size message, before reading it', async () => {
    const r = await importFile(other, 'sales', csvFile('x'.repeat(IMPORT_LIMITS.maxBytes + 1)), now);
    expect(r).toMatchObject({ type: 'refused', errors: [{ line: 0, message: expect.stringMatching(/limit is 5.0 MB/) }] });
  });

  it('refuses a wrong header for satisfaction and accepts the fixture', async () => {
    const bad = await importFile(other, 'satisfaction', csvFile('date,customer,score\n2026-04-01,N-1,9\n'), now);
    expect(bad).toMatchObject({ type: 'refused', errors: [{ line: 1 }] });
    const good = await importFile(other, 'satisfaction', csvFile(fixture('satisfaction.csv')), now);
    expect(good).toMatchObject({ type: 'imported', added: 102 });
  });

  it("keeps each shop's data apart: the same rows in another shop are new there", async () => {
    const demoBefore = (await importedCounts(DEMO_ORG)).sales;
    const r = await importFile({ id: 'user-manager', organisationId: DEMO_ORG }, 'sales', csvFile('date,customer,amount,cost\n2025-01-20,E-T1,40.00,24.00\n'), now);
    expect(r).toMatchObject({ type: 'imported', added: 1 });
    expect((await importedCounts(DEMO_ORG)).sales).toBe(demoBefore + 1);
  });
});

describe('the effect of a kind of term', () => {
  it('compares customers who got it with those who did not, with an interval and the overlapping event flagged', async () => {
    const manager = await sessionUser('user-quayside-manager');
    for (const [customer, day] of [['E-T1', '2025-03-10'], ['E-T2', '2025-03-12'], ['E-T3', '2025-03-14']] as const) {
      const r = await logTerm(manager, { customerRef: customer, concessions: [{ type: 'loyalty-reward', rewardValue: 10, redemptionRate: 1 }], sale: { price: 60, unitCost: 35, quantity: 1 }, reason: 'Joined the loyalty scheme at the till.', referred: false, agreedAt: new Date(`${day}T11:00:00Z`) }, now);
      expect(r.type).toBe('logged');
    }
    await addEvent({ id: manager.id, organisationId: OTHER_ORG }, { name: 'Easter garden sale', kind: 'promotion', startDate: '2025-03-20', endDate: '2025-03-27' }, now);
    await addEvent({ id: manager.id, organisationId: OTHER_ORG }, { name: 'Summer fair', kind: 'other', startDate: '2025-07-01', endDate: '2025-07-02' }, now);
    const a = await shopEffect(OTHER_ORG, { concessionType: 'loyalty-reward', beforeDays: 28, afterDays: 28 }, now);
    expect(a.type).toBe('result');
    if (a.type !== 'result') return;
    expect({ treated: a.treated, comparison: a.comparison, waiting: a.waiting, median: a.medianTermDate }).toEqual({ treated: 3, comparison: 8, waiting: 0, median: '2025-03-12' });
    // The treated customers spend £22 more a visit after their term, about four visits a window.
    expect(a.spend.did.effect).toBeGreaterThan(60);
    expect(a.spend.did.low).toBeLessThan(a.spend.did.effect);
    expect(a.spend.did.high).toBeGreaterThan(a.spend.did.effect);
    expect(a.spend.reading.type).toBe('rise');
    expect('did' in a.satisfaction).toBe(true);
    expect(a.confounders.map((c) => c.event.name)).toEqual(['Easter garden sale']);
    expect(a.series.length).toBe(8);
  });

  /*
   * The worked example of tests/unit/effect-analysis.test.ts, in 2023 and for price matches so nothing else
   * in the shop touches it, read through the SQL that sums the windows. What it checks here is what the
   * unit test cannot: the windows as SQL ranges (the term's own day in neither), a customer's own windows
   * against the median's, answers on two scales, and everyone who got the term left out of the comparison.
   */
  it('sums the worked example through the database: spend, satisfaction and the series, as worked by hand', async () => {
    const manager = await sessionUser('user-quayside-manager');
    const term = (customerRef: string, day: string, type: 'price-match' | 'free-delivery') =>
      logTerm(manager, { customerRef, concessions: [type === 'price-match' ? { type, matchedPrice: 55 } : { type, deliveryCost: 10 }], sale: { price: 60, unitCost: 35, quantity: 1 }, reason: 'Matched the price of the shop across the road.', referred: false, agreedAt: new Date(`${day}T11:00:00Z`) }, now);
    for (const [customer, day, type] of [['W-A', '2023-03-01', 'price-match'], ['W-A', '2023-03-20', 'price-match'], ['W-B', '2023-03-03', 'price-match'], ['W-C', '2023-03-02', 'free-delivery']] as const) expect((await term(customer, day, type)).type).toBe('logged');
    const sales = ['date,customer,amount,cost', '2023-02-22,W-A,10,6', '2023-02-28,W-A,20,12', '2023-03-01,W-A,999,600', '2023-03-05,W-A,50,30', '2023-03-02,W-B,20,12', '2023-03-10,W-B,40,24'];
    sales.push('2023-02-25,W-C,10,6', '2023-03-09,W-C,15,9', '2023-03-01,W-D,20,12', '2023-03-03,W-D,20,12', '2023-01-01,W-E,80,48');
    expect(await importFile(other, 'sales', csvFile(sales.join('\n')), now)).toMatchObject({ type: 'imported', added: 11 });
    // A's answer on the term's own day is in neither window; E answered only on the median day.
    const answers = ['date,customer,nps,csat', '2023-02-27,W-A,6,', '2023-03-01,W-A,0,', '2023-03-07,W-A,9,', '2023-02-27,W-B,7,', '2023-03-07,W-B,9,', '2023-03-08,W-B,,5'];
    answers.push('2023-02-27,W-C,6,', '2023-03-07,W-C,6,', '2023-02-25,W-D,,4', '2023-02-26,W-D,,2', '2023-03-05,W-D,7,', '2023-03-02,W-E,10,');
    expect(await importFile(other, 'satisfaction', csvFile(answers.join('\n')), now)).toMatchObject({ type: 'imported', added: 12 });

    const params = { concessionType: 'price-match', beforeDays: 7, afterDays: 7 } as const;
    const a = await shopEffect(OTHER_ORG, params, now);
    if (a.type !== 'result' || !('did' in a.satisfaction)) throw new Error(`expected a result with satisfaction, got ${JSON.stringify(a)}`);
    expect({ treated: a.treated, comparison: a.comparison, waiting: a.waiting, unmatched: a.unmatched, median: a.medianTermDate }).toEqual({ treated: 2, comparison: 2, waiting: 0, unmatched: 0, median: '2023-03-02' });
    expect(a.spend.means).toEqual({ treatedBefore: 25, treatedAfter: 45, comparisonBefore: 15, comparisonAfter: 17.5 });
    expect(a.satisfaction.means).toEqual({ treatedBefore: 65, treatedAfter: 92.5, comparisonBefore: 55, comparisonAfter: 65 });
    expect(a.series).toEqual([
      { from: -7, to: -1, treated: 25, comparison: 15 },
      { from: 1, to: 7, treated: 45, comparison: 17.5 },
    ]);

    // Pooled with the demo shop, its own W-A (who bought 30 before and 40 after) is another customer, and comparable.
    const demo = await importFile({ id: 'user-manager', organisationId: DEMO_ORG }, 'sales', csvFile('date,customer,amount,cost\n2023-02-25,W-A,30,18\n2023-03-05,W-A,40,24\n'), now);
    expect(demo).toMatchObject({ type: 'imported', added: 2 });
    const pooled = await pooledEffect([OTHER_ORG, DEMO_ORG], params, now);
    if (pooled.type !== 'result') throw new Error(`expected a result, got ${pooled.type}`);
    expect({ treated: pooled.treated, comparison: pooled.comparison }).toEqual({ treated: 2, comparison: 3 });
    expect(pooled.spend.means).toEqual({ treatedBefore: 25, treatedAfter: 45, comparisonBefore: 20, comparisonAfter: 25 });
  });

  it('says too early to judge until the after-window has passed', async () => {
    const manager = await sessionUser('user-quayside-manager');
    await logTerm(manager, { customerRef: 'E-C01', concessions: [{ type: 'extended-returns', extraReturnRate: 0.05, recoveryValue: 10 }], sale: { price: 60, unitCost: 35, quantity: 1 }, reason: 'Unsure about the size; offered 60 days to return.', referred: false, agreedAt: new Date('2026-04-30T10:00:00Z') }, now);
    expect(await shopEffect(OTHER_ORG, { concessionType: 'extended-returns', beforeDays: 28, afterDays: 28 }, now)).toEqual({ type: 'too-early', waiting: 1, closesOn: '2026-05-28', daysLeft: 25 });
    expect(await shopEffect(OTHER_ORG, { concessionType: 'payment-terms', beforeDays: 28, afterDays: 28 }, now)).toEqual({ type: 'no-terms' });
  });

  it('reads the demo shop: discounts judged with the promotion flagged, free delivery too early', async () => {
    const today = new Date();
    const discount = await shopEffect(DEMO_ORG, { concessionType: 'discount', beforeDays: 28, afterDays: 28 }, today);
    expect(discount).toMatchObject({ type: 'result', treated: 2, waiting: 1 });
    if (discount.type === 'result') expect(discount.confounders.map((c) => c.event.name)).toContain('Spring garden promotion');
    expect((await shopEffect(DEMO_ORG, { concessionType: 'free-delivery', beforeDays: 28, afterDays: 28 }, today)).type).toBe('too-early');
  });
});

describe('events that prompt an early review of the approach', () => {
  it('a competitor event prompts one review; other events none', async () => {
    const reviews = () => database.current().db.select().from(approachReview).where(eq(approachReview.organisationId, OTHER_ORG));
    const before = (await reviews()).length;
    await addEvent(other, { name: 'Trade counter opens on the ring road', kind: 'competitor', startDate: '2026-05-10', endDate: '2026-05-10' }, now);
    await addEvent(other, { name: 'Bank holiday', kind: 'seasonal-peak', startDate: '2026-05-25', endDate: '2026-05-25' }, now);
    const after = await reviews();
    expect(after.length).toBe(before + 1);
    expect(after.filter((r) => r.trigger === 'competitor-event')).toHaveLength(1);
  });
});
