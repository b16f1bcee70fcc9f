/**
 * The effect analysis at scale (src/lib/server/management/effects.ts). Two figures:
 * - the real service for the demo shop, which holds half of all sales rows (it reads only the days the
 *   analysis windows can reach, then assembles the analysis in memory);
 * - a worst case: every sales row in the database (2,000,000 at full scale) read the same way and
 *   analysed as if one shop held them all, customers kept apart by shop. Target: within 2 s.
 */
import { eq, sql } from 'drizzle-orm';
import { registerEntry, saleRow, satisfactionRow } from '../../db/schema';
import { DEMO_ORG } from '../../db/seed';
import { analyseEffect, type TermFact } from '../../src/lib/domain/effect-analysis';
import { isoDate } from '../../src/lib/domain/effect-days';
import type { Concession } from '../../src/lib/domain/special-terms';
import { db } from '../../src/lib/server/db';
import { shopEffect } from '../../src/lib/server/management/effects';
import { time, type Timing } from './stats';

export const EFFECTS_MS = 2_000;
const PARAMS = { concessionType: 'discount', beforeDays: 28, afterDays: 28 } as const;

export interface EffectsReport {
  shop: { timing: Timing; salesRows: number; outcome: string };
  everything: { readMs: number; analyseMs: number; totalMs: number; salesRows: number; outcome: string };
}

function describe(a: ReturnType<typeof analyseEffect>): string {
  return a.type === 'result' ? `result: ${a.treated} treated, ${a.comparison} comparison customers` : a.type;
}

export async function effectsAtScale(now: Date): Promise<EffectsReport> {
  const d = await db();
  const [shopRows] = await d.select({ n: sql<number>`count(*)` }).from(saleRow).where(eq(saleRow.organisationId, DEMO_ORG.id));
  const shopTiming = await time(() => shopEffect(DEMO_ORG.id, PARAMS, now), () => null, 5, 1);
  const shopOutcome = describe(await shopEffect(DEMO_ORG.id, PARAMS, now));

  // Worst case. The same columns as the service reads, with the shop folded into the customer.
  const start = performance.now();
  const [sales, answers, entries] = await Promise.all([
    d.select({ date: saleRow.date, customer: sql<string>`${saleRow.organisationId} || '/' || ${saleRow.customer}`, amount: saleRow.amount }).from(saleRow),
    d.select({ date: satisfactionRow.date, customer: sql<string>`${satisfactionRow.organisationId} || '/' || ${satisfactionRow.customer}`, scale: satisfactionRow.scale, score: satisfactionRow.score }).from(satisfactionRow),
    d.select({ organisationId: registerEntry.organisationId, customerRef: registerEntry.customerRef, agreedAt: registerEntry.agreedAt, concessions: registerEntry.concessions }).from(registerEntry).where(eq(registerEntry.source, 'shop')),
  ]);
  const read = performance.now();
  const terms: TermFact[] = entries.map((e) => ({ customer: `${e.organisationId}/${e.customerRef}`, date: isoDate(e.agreedAt), types: (e.concessions as Concession[]).map((c) => c.type) }));
  const analysis = analyseEffect({ ...PARAMS, today: isoDate(now), terms, sales, satisfaction: answers, events: [] });
  const done = performance.now();
  return {
    shop: { timing: shopTiming, salesRows: Number(shopRows?.n ?? 0), outcome: shopOutcome },
    everything: { readMs: read - start, analyseMs: done - read, totalMs: done - start, salesRows: sales.length, outcome: describe(analysis) },
  };
}
