/**
 * Reads what the effect analysis needs for one shop and hands it to the pure assembly in
 * src/lib/domain/effect-analysis.ts. Only real terms count: practice entries never reached a customer.
 */
import { and, eq, gte, lte } from 'drizzle-orm';
import { registerEntry, saleRow, satisfactionRow } from '../../../../db/schema';
import { isoDate } from '../../domain/effect-days';
import { analyseEffect, dataSpan, type EffectAnalysis, type TermFact } from '../../domain/effect-analysis';
import type { Concession, ConcessionType } from '../../domain/special-terms';
import { db } from '../db';
import { shopEvents, toDomainEvent } from './calendar';

export interface AnalysisParams {
  concessionType: ConcessionType;
  beforeDays: number;
  afterDays: number;
}

export async function shopEffect(organisationId: string, params: AnalysisParams, now: Date): Promise<EffectAnalysis> {
  const d = await db();
  const entries = await d
    .select({ customerRef: registerEntry.customerRef, agreedAt: registerEntry.agreedAt, concessions: registerEntry.concessions })
    .from(registerEntry)
    .where(and(eq(registerEntry.organisationId, organisationId), eq(registerEntry.source, 'shop')));
  const terms: TermFact[] = entries.map((e) => ({ customer: e.customerRef, date: isoDate(e.agreedAt), types: (e.concessions as Concession[]).map((c) => c.type) }));
  const relevant = terms.filter((t) => t.types.includes(params.concessionType));
  const span = dataSpan(relevant, params.beforeDays, params.afterDays);
  // Only the days any window can reach are read; the comparison window lies inside them too.
  const [sales, satisfaction, events] = span
    ? await Promise.all([
        d
          .select({ date: saleRow.date, customer: saleRow.customer, amount: saleRow.amount })
          .from(saleRow)
          .where(and(eq(saleRow.organisationId, organisationId), gte(saleRow.date, span.from), lte(saleRow.date, span.to))),
        d
          .select({ date: satisfactionRow.date, customer: satisfactionRow.customer, scale: satisfactionRow.scale, score: satisfactionRow.score })
          .from(satisfactionRow)
          .where(and(eq(satisfactionRow.organisationId, organisationId), gte(satisfactionRow.date, span.from), lte(satisfactionRow.date, span.to))),
        shopEvents(organisationId),
      ])
    : [[], [], []];
  return analyseEffect({ ...params, today: isoDate(now), terms: relevant, sales, satisfaction, events: events.map(toDomainEvent) });
}
