/**
 * The reads behind the effect analysis (src/lib/domain/effect-analysis.ts). The database sums sales and
 * answers over exactly the windows the analysis asks about and sends back a few numbers per customer:
 * a shop's sales run to a million rows, and carrying each one into JavaScript took seconds.
 *
 * Every read takes a list of shops so that several can be pooled as one (the benchmark's worst case pools
 * them all); a customer is a shop and a reference together (`customerKey`), so the same reference in two
 * shops is two customers. Only real terms count: practice entries never reached a customer.
 */
import { and, eq, gte, inArray, lte, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { registerEntry, saleRow, satisfactionRow } from '../../../../db/schema';
import { isoDate } from '../../domain/effect-days';
import type { CustomerAnswers, CustomerSpend, GroupSpend, ReadyTerm, TermFact } from '../../domain/effect-analysis';
import type { DaySpend } from '../../domain/effect-series';
import type { TermWindows } from '../../domain/effects';
import type { Concession } from '../../domain/special-terms';
import { db } from '../db';

/**
 * A customer is a shop and a reference together, joined by the unit separator (U+001F). Shop ids are made
 * by the platform and never hold it, so the first one in a key always ends the shop, whatever the
 * reference holds. SQL builds the same key with `keyOf`, so the comparison can leave term customers out
 * with a one-column NOT IN, which SQLite answers from an index; a (shop, customer) row-value NOT IN is
 * checked against every listed customer for every row (seconds on a busy shop).
 */
const SEPARATOR = '\u001f';
export const customerKey = (shop: string, customer: string): string => `${shop}${SEPARATOR}${customer}`;
const keyParts = (key: string): [shop: string, customer: string] => {
  const at = key.indexOf(SEPARATOR);
  return [key.slice(0, at), key.slice(at + 1)];
};
const keyOf = (shop: SQLWrapper, customer: SQLWrapper) => sql<string>`${shop} || char(31) || ${customer}`;

/** The customers the comparison reads leave out (everyone who got the term), and the shops they read. */
export interface Others {
  shops: readonly string[];
  leaveOut: readonly string[];
}

export async function shopTerms(shops: readonly string[]): Promise<TermFact[]> {
  const entries = await (await db())
    .select({ shop: registerEntry.organisationId, customerRef: registerEntry.customerRef, agreedAt: registerEntry.agreedAt, concessions: registerEntry.concessions })
    .from(registerEntry)
    .where(and(inArray(registerEntry.organisationId, [...shops]), eq(registerEntry.source, 'shop')));
  return entries.map((e) => ({ customer: customerKey(e.shop, e.customerRef), date: isoDate(e.agreedAt), types: (e.concessions as Concession[]).map((c) => c.type) }));
}

/**
 * The ready customers as a table, one row per customer with their own windows, passed as one JSON
 * parameter (thousands of customers would overrun SQLite's limit on bound parameters). `i` is the
 * customer's place in the list. Joined to a table on shop, customer and date, each customer's rows are
 * found through the (organisation, customer, date, …) index, which holds every column read.
 */
function readyTable(ready: readonly ReadyTerm[]): SQL {
  const rows = ready.map((r) => [...keyParts(r.customer), r.date, r.windows.before.start, r.windows.before.end, r.windows.after.start, r.windows.after.end]);
  return sql`WITH ready AS (
    SELECT key AS i, value ->> 0 AS shop, value ->> 1 AS customer, value ->> 2 AS term,
      value ->> 3 AS before_start, value ->> 4 AS before_end, value ->> 5 AS after_start, value ->> 6 AS after_end
    FROM json_each(${JSON.stringify(rows)}))`;
}

/** Everyone who got the term is left out here, in SQL, because the days are summed over the whole group. */
function notLeftOut(shop: SQLWrapper, customer: SQLWrapper, leaveOut: readonly string[]): SQL {
  return sql`${keyOf(shop, customer)} NOT IN (SELECT value FROM json_each(${JSON.stringify(leaveOut)}))`;
}

/** Days counted from the term: julianday gives whole-day differences exactly for ISO dates. */
const dayFrom = (date: SQLWrapper, term: SQLWrapper | string) => sql<number>`CAST(julianday(${date}) - julianday(${term}) AS INTEGER)`;

/** Each ready customer's spend over their own windows, and the group's spend by day from each one's own term. */
export async function spendAroundTerms(ready: readonly ReadyTerm[]): Promise<GroupSpend> {
  const d = await db();
  const from = sql`FROM ready JOIN ${saleRow} ON ${saleRow.organisationId} = ready.shop AND ${saleRow.customer} = ready.customer
    AND ${saleRow.date} >= ready.before_start AND ${saleRow.date} <= ready.after_end`;
  const [customers, days] = await Promise.all([
    d.all<{ i: number; sales: number; before: number; after: number }>(sql`${readyTable(ready)}
      SELECT ready.i AS i, count(*) AS sales,
        total(CASE WHEN ${saleRow.date} <= ready.before_end THEN ${saleRow.amount} END) AS before,
        total(CASE WHEN ${saleRow.date} >= ready.after_start THEN ${saleRow.amount} END) AS after
      ${from} GROUP BY ready.i`),
    d.all<DaySpend>(sql`${readyTable(ready)} SELECT ${dayFrom(saleRow.date, sql`ready.term`)} AS day, total(${saleRow.amount}) AS amount ${from} GROUP BY day`),
  ]);
  return { customers: customers.map((c): CustomerSpend => ({ customer: ready[c.i]!.customer, sales: c.sales, before: c.before, after: c.after })), days };
}

/** The spend of everyone else over one pair of windows, by customer and by day from the median term date. */
export async function spendInWindows(others: Others, termDate: string, windows: TermWindows): Promise<GroupSpend> {
  const d = await db();
  const where = and(inArray(saleRow.organisationId, [...others.shops]), gte(saleRow.date, windows.before.start), lte(saleRow.date, windows.after.end), notLeftOut(saleRow.organisationId, saleRow.customer, others.leaveOut));
  // Grouped by the key, which no index is ordered by, so SQLite reads only the window (through the date
  // index) and sorts it, rather than walking every row of every shop through the customer index. Plain
  // SQL rather than the query builder: at tens of thousands of rows its per-field mapping cost a fifth
  // of the pooled benchmark.
  const saleKey = keyOf(saleRow.organisationId, saleRow.customer);
  const [customers, days] = await Promise.all([
    d.all<CustomerSpend>(sql`SELECT ${saleKey} AS customer, count(*) AS sales,
        total(CASE WHEN ${saleRow.date} <= ${windows.before.end} THEN ${saleRow.amount} END) AS before,
        total(CASE WHEN ${saleRow.date} >= ${windows.after.start} THEN ${saleRow.amount} END) AS after
      FROM ${saleRow} WHERE ${where} GROUP BY ${saleKey}`),
    d.select({ day: dayFrom(saleRow.date, termDate), amount: sql<number>`total(${saleRow.amount})` }).from(saleRow).where(where).groupBy(saleRow.date),
  ]);
  return { customers, days };
}

type AnswerRow = { scale: 'nps' | 'csat'; beforeSum: number; beforeCount: number; afterSum: number; afterCount: number };
const toAnswers = (customer: string, r: AnswerRow): CustomerAnswers => ({ customer, scale: r.scale, before: { sum: r.beforeSum, count: r.beforeCount }, after: { sum: r.afterSum, count: r.afterCount } });

/** Totals per window and scale; answers on the term's own day are in neither window. */
const answerTotals = (beforeEnd: SQL | string, afterStart: SQL | string) => ({
  beforeSum: sql<number>`total(CASE WHEN ${satisfactionRow.date} <= ${beforeEnd} THEN ${satisfactionRow.score} END)`,
  beforeCount: sql<number>`count(CASE WHEN ${satisfactionRow.date} <= ${beforeEnd} THEN 1 END)`,
  afterSum: sql<number>`total(CASE WHEN ${satisfactionRow.date} >= ${afterStart} THEN ${satisfactionRow.score} END)`,
  afterCount: sql<number>`count(CASE WHEN ${satisfactionRow.date} >= ${afterStart} THEN 1 END)`,
});

/** The ready customers' answers over their own windows. */
export async function answersAroundTerms(ready: readonly ReadyTerm[]): Promise<CustomerAnswers[]> {
  const t = answerTotals(sql`ready.before_end`, sql`ready.after_start`);
  const rows = await (await db()).all<AnswerRow & { i: number }>(sql`${readyTable(ready)}
    SELECT ready.i AS i, ${satisfactionRow.scale} AS scale, ${t.beforeSum} AS beforeSum, ${t.beforeCount} AS beforeCount, ${t.afterSum} AS afterSum, ${t.afterCount} AS afterCount
    FROM ready JOIN ${satisfactionRow} ON ${satisfactionRow.organisationId} = ready.shop AND ${satisfactionRow.customer} = ready.customer
      AND ${satisfactionRow.date} >= ready.before_start AND ${satisfactionRow.date} <= ready.after_end
    GROUP BY ready.i, ${satisfactionRow.scale}`);
  return rows.map((r) => toAnswers(ready[r.i]!.customer, r));
}

/** Everyone else's answers over one pair of windows. */
export async function answersInWindows(others: Others, windows: TermWindows): Promise<CustomerAnswers[]> {
  const answerKey = keyOf(satisfactionRow.organisationId, satisfactionRow.customer);
  const rows = await (await db())
    .select({ customer: answerKey, scale: satisfactionRow.scale, ...answerTotals(windows.before.end, windows.after.start) })
    .from(satisfactionRow)
    .where(
      and(
        inArray(satisfactionRow.organisationId, [...others.shops]),
        gte(satisfactionRow.date, windows.before.start),
        lte(satisfactionRow.date, windows.after.end),
        notLeftOut(satisfactionRow.organisationId, satisfactionRow.customer, others.leaveOut),
      ),
    )
    .groupBy(answerKey, satisfactionRow.scale);
  return rows.map((r) => toAnswers(r.customer, r));
}
