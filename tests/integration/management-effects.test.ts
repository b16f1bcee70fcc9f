import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { approachReview, saleRow } from '../../db/schema';
import { IMPORT_LIMITS } from '../../src/lib/domain/data-import';
import { addEvent } from '../../src/lib/server/management/calendar';
import { shopEffect } from '../../src/lib/server/management/effects';
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
