/**
 * The effect analysis for a shop: the pure steps in src/lib/domain/effect-analysis.ts, with the reads they
 * need between them (effect-reads.ts). Which sales to sum depends on the register (whose windows have
 * closed) and then on the treated customers (the comparison group is measured around their median term
 * date), so the reads come in two rounds of a few aggregate queries each.
 */
import { isoDate } from '../../domain/effect-days';
import { assembleEffect, comparisonWindows, planEffect, type EffectAnalysis, type EffectParams } from '../../domain/effect-analysis';
import { eventsOfShops, toDomainEvent } from './calendar';
import { answersAroundTerms, answersInWindows, shopTerms, spendAroundTerms, spendInWindows } from './effect-reads';

export type AnalysisParams = EffectParams;

export function shopEffect(organisationId: string, params: AnalysisParams, now: Date): Promise<EffectAnalysis> {
  return pooledEffect([organisationId], params, now);
}

/**
 * Several shops analysed as if they were one, each customer kept apart by shop. A manager sees one shop;
 * the benchmark's worst case pools every shop, so it measures this same path at the largest scale.
 */
export async function pooledEffect(shops: readonly string[], params: AnalysisParams, now: Date): Promise<EffectAnalysis> {
  const plan = planEffect({ ...params, today: isoDate(now), terms: await shopTerms(shops) });
  if (plan.type !== 'plan') return plan;
  const [treatedSpend, treatedAnswers] = await Promise.all([spendAroundTerms(plan.ready), answersAroundTerms(plan.ready)]);
  const { medianTermDate, windows } = comparisonWindows(plan, treatedSpend.customers);
  const others = { shops, leaveOut: plan.termCustomers };
  const [comparisonSpend, comparisonAnswers, events] = await Promise.all([spendInWindows(others, medianTermDate, windows), answersInWindows(others, windows), eventsOfShops(shops)]);
  return assembleEffect(plan, { treatedSpend, comparisonSpend, treatedAnswers, comparisonAnswers, events: events.map(toDomainEvent) });
}
