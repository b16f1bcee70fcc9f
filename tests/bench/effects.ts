/**
 * The effect analysis at scale (src/lib/server/management/effects.ts). Two figures:
 * - the real service for the demo shop, which holds half of all sales rows;
 * - a worst case: every shop pooled as one (2,000,000 sales rows at full scale), customers kept apart by
 *   shop, through the same path (`pooledEffect`: the same reads and the same pure steps).
 * Either way the database sums the sales over the analysis windows and hands back a few numbers per
 * customer, so the time grows with the rows inside the windows, not with the whole history. Target: within 2 s.
 */
import { eq, sql } from 'drizzle-orm';
import { organisation, saleRow } from '../../db/schema';
import { DEMO_ORG } from '../../db/seed';
import type { EffectAnalysis } from '../../src/lib/domain/effect-analysis';
import { db } from '../../src/lib/server/db';
import { pooledEffect, shopEffect } from '../../src/lib/server/management/effects';
import { time, type Timing } from './stats';

export const EFFECTS_MS = 2_000;
const PARAMS = { concessionType: 'discount', beforeDays: 28, afterDays: 28 } as const;

export interface EffectsReport {
  shop: { timing: Timing; salesRows: number; outcome: string };
  everything: { timing: Timing; salesRows: number; shops: number; outcome: string };
}

function describe(a: EffectAnalysis): string {
  return a.type === 'result' ? `result: ${a.treated} treated, ${a.comparison} comparison customers` : a.type;
}

export async function effectsAtScale(now: Date): Promise<EffectsReport> {
  const d = await db();
  const [shopRows] = await d.select({ n: sql<number>`count(*)` }).from(saleRow).where(eq(saleRow.organisationId, DEMO_ORG.id));
  const shopTiming = await time(() => shopEffect(DEMO_ORG.id, PARAMS, now), () => null, 5, 1);
  const shopOutcome = describe(await shopEffect(DEMO_ORG.id, PARAMS, now));

  const [allRows] = await d.select({ n: sql<number>`count(*)` }).from(saleRow);
  const shops = (await d.select({ id: organisation.id }).from(organisation)).map((o) => o.id);
  const everyTiming = await time(() => pooledEffect(shops, PARAMS, now), () => null, 3, 1);
  const everyOutcome = describe(await pooledEffect(shops, PARAMS, now));
  return {
    shop: { timing: shopTiming, salesRows: Number(shopRows?.n ?? 0), outcome: shopOutcome },
    everything: { timing: everyTiming, salesRows: Number(allRows?.n ?? 0), shops: shops.length, outcome: everyOutcome },
  };
}
