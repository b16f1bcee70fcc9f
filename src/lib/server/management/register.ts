/**
 * The special-terms register (P7, K6). A logged term is checked against the authority its author held
 * when it was agreed (not when it was logged), flagged when outside it, and the shop's managers are told
 * at once in-app. Entries are append-only; the time from agreement to report is kept for every one.
 */
import { and, count, desc, eq, ne, sql, type Placeholder, type SQL } from 'drizzle-orm';
import { registerEntry, reportDelay, user as userTable, type RegisterEntry } from '../../../../db/schema';
import { checkTermAgainstAuthority } from '../../domain/authority';
import { checkRegisterTerm } from '../../domain/register';
import { PROMPT_REPORT_MS, type ReportingTimes } from '../../domain/reporting-times';
import type { Concession, Sale } from '../../domain/special-terms';
import { formatPounds } from '../../domain/special-terms';
import type { SessionUser } from '../auth/session';
import { db, prepared } from '../db';
import { newId } from '../ids';
import { notify } from '../notifications';
import { grantInForce } from './grants';

export interface TermInput {
  /** Made when the form was rendered, so posting the same form twice logs the term once. */
  id?: string;
  customerRef: string;
  concessions: Concession[];
  sale: Sale & { reference?: string };
  reason: string;
  referred: boolean;
  agreedAt: Date;
  /**
   * A practice entry from a finished scenario attempt, with the engine's verdict on the scenario's own
   * limits. It never counts as a real term and never reaches the manager.
   */
  practice?: { attemptId: string; within: boolean; reasons: string[] };
}

export type LogOutcome = { type: 'logged'; entry: RegisterEntry } | { type: 'invalid'; errors: Record<string, string> };

/**
 * Logs a term. Staff are checked against the grant in force at `agreedAt` (an unacknowledged grant still
 * sets the limit; one made after the term does not apply). A manager's own terms are not checked against
 * a level: managers set the levels and are who staff refer to. Practice terms carry the scenario's verdict.
 */
export async function logTerm(author: SessionUser, input: TermInput, now: Date): Promise<LogOutcome> {
  if (!author.organisationId) return { type: 'invalid', errors: { form: 'Your account is not linked to a shop, so there is no register to log in.' } };
  const checked = checkRegisterTerm({ concessions: input.concessions, sale: input.sale, agreedAt: input.agreedAt, now });
  if (!checked.ok) return { type: 'invalid', errors: checked.errors };

  const checkedByGrant = author.role !== 'manager' && !input.practice;
  const grant = checkedByGrant ? await grantInForce(author.id, input.agreedAt) : null;
  const check = input.practice
    ? { within: input.practice.within, reasons: input.practice.reasons }
    : checkedByGrant
      ? checkTermAgainstAuthority({ level: grant?.level ?? null, concessions: input.concessions, sale: input.sale, referred: input.referred })
      : { within: true, reasons: [] };
  const source = input.practice ? 'practice' : 'shop';
  const entry: RegisterEntry = {
    id: input.id ?? newId(),
    organisationId: author.organisationId,
    staffId: author.id,
    customerRef: input.customerRef,
    concessions: input.concessions,
    sale: { price: input.sale.price, unitCost: input.sale.unitCost, quantity: input.sale.quantity, ...(input.sale.reference ? { reference: input.sale.reference } : {}) },
    cost: checked.cost,
    reason: input.reason,
    referred: input.referred,
    agreedAt: input.agreedAt,
    reportedAt: now,
    grantId: grant && grant.row.kind !== 'revoke' ? grant.row.id : null,
    withinAuthority: check.within,
    flagReasons: check.reasons,
    source,
    scenarioAttemptId: input.practice?.attemptId ?? null,
  };
  const d = await db();
  const managers = source === 'shop' ? await shopManagers(author.organisationId, author.id) : [];
  const inserted = await d.transaction(async (tx) => {
    const rows = await tx.insert(registerEntry).values(entry).onConflictDoNothing().returning({ id: registerEntry.id });
    if (rows.length === 0) return false;
    // Practice terms teach the habit of logging; they never reach the manager as real promises.
    for (const m of managers) await notify({ userId: m.id, text: notificationText(author.name, entry), link: `/manage/register/${entry.id}` }, now, tx);
    return true;
  });
  if (inserted) return { type: 'logged', entry };
  const [existing] = await d.select().from(registerEntry).where(and(eq(registerEntry.id, entry.id), eq(registerEntry.staffId, author.id)));
  return existing ? { type: 'logged', entry: existing } : { type: 'invalid', errors: { form: 'That form has expired; reload the page and try again.' } };
}

function notificationText(author: string, e: RegisterEntry): string {
  const what = `${author} logged a special term for ${e.customerRef} costing ${formatPounds(e.cost)}`;
  if (!e.withinAuthority) return `${what}: outside their authority (${e.flagReasons.join('; ')}).`;
  if (e.referred) return `${what}, referred to a manager.`;
  return `${what}, within their authority.`;
}

async function shopManagers(organisationId: string, except: string) {
  return (await db())
    .select({ id: userTable.id })
    .from(userTable)
    .where(and(eq(userTable.organisationId, organisationId), eq(userTable.role, 'manager'), ne(userTable.id, except)));
}

export interface EntryView {
  entry: RegisterEntry;
  staffName: string;
}

export type RegisterFilter = { flagged?: boolean; staffId?: string; source?: 'shop' | 'practice' };

function registerWhere(organisationId: string, filter: RegisterFilter) {
  return and(
    eq(registerEntry.organisationId, organisationId),
    filter.flagged ? eq(registerEntry.withinAuthority, false) : undefined,
    filter.staffId ? eq(registerEntry.staffId, filter.staffId) : undefined,
    // Practice terms are shown only when asked for: the register is what was promised to real customers.
    eq(registerEntry.source, filter.source ?? 'shop'),
  );
}

const newestFirst = [desc(registerEntry.agreedAt), desc(registerEntry.id)];

/** The shop's register (real terms unless practice is asked for), newest agreement first, with who logged each: all of it, for the CSV export. */
export async function shopRegister(organisationId: string, filter: RegisterFilter = {}): Promise<EntryView[]> {
  return (await db())
    .select({ entry: registerEntry, staffName: userTable.name })
    .from(registerEntry)
    .innerJoin(userTable, eq(userTable.id, registerEntry.staffId))
    .where(registerWhere(organisationId, filter))
    .orderBy(...newestFirst);
}

/** How many entries the register page shows at a time. */
export const REGISTER_PAGE = 50;

export interface RegisterPage {
  entries: EntryView[];
  /** Entries matching the filter in all, and what they cost the shop. */
  total: number;
  totalCost: number;
  /** 1-based; a page beyond the last is read as the last. */
  page: number;
  pages: number;
}

/**
 * One page of the register, newest first, with the count and cost of every entry the filter matches.
 * A busy shop logs thousands of terms; the page reads and renders fifty of them.
 */
export async function shopRegisterPage(organisationId: string, filter: RegisterFilter, page: number): Promise<RegisterPage> {
  const d = await db();
  const where = registerWhere(organisationId, filter);
  const [totals] = await d.select({ total: count(), totalCost: sql<number>`coalesce(sum(${registerEntry.cost}), 0)` }).from(registerEntry).where(where);
  const total = totals?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / REGISTER_PAGE));
  const current = Math.min(Math.max(1, Math.trunc(page) || 1), pages);
  const entries = await d
    .select({ entry: registerEntry, staffName: userTable.name })
    .from(registerEntry)
    .innerJoin(userTable, eq(userTable.id, registerEntry.staffId))
    .where(where)
    .orderBy(...newestFirst)
    .limit(REGISTER_PAGE)
    .offset((current - 1) * REGISTER_PAGE);
  return { entries, total, totalCost: Number(totals?.totalCost ?? 0), page: current, pages };
}

/** One of the shop's entries, or undefined when it is not this shop's (callers answer 404). */
export async function findEntry(organisationId: string, id: string): Promise<EntryView | undefined> {
  const [row] = await (await db())
    .select({ entry: registerEntry, staffName: userTable.name })
    .from(registerEntry)
    .innerJoin(userTable, eq(userTable.id, registerEntry.staffId))
    .where(and(eq(registerEntry.id, id), eq(registerEntry.organisationId, organisationId)));
  return row;
}

/** A person's own entries, newest first. */
export async function myRegister(staffId: string): Promise<RegisterEntry[]> {
  return (await db()).select().from(registerEntry).where(eq(registerEntry.staffId, staffId)).orderBy(desc(registerEntry.agreedAt));
}

/**
 * The reporting figures as a whole statement with room for more columns: `SELECT n, within, median`
 * and then `more`, the same figures as the domain's `reportingTimes` (its tests pin the arithmetic; an
 * integration test holds this SQL to it). A shop's thousands of terms are read from an index of their
 * delays and never travel to JavaScript, nor get sorted, for a median. One piece serves the register
 * page and the manager's home, which adds its own columns.
 */
export function reportingStatement(organisationId: string | Placeholder, more?: SQL, staffId?: string): SQL {
  const real = and(eq(registerEntry.organisationId, organisationId), eq(registerEntry.source, 'shop'), staffId ? eq(registerEntry.staffId, staffId) : undefined);
  const delay = reportDelay(registerEntry.reportedAt, registerEntry.agreedAt);
  // The count is used three times (the figure, and the median's LIMIT and OFFSET); as a materialised CTE
  // it is counted once rather than three times, half the statement's time for a 2,700-term shop.
  const count = sql`(SELECT n FROM register_count)`;
  // For a shop each of these reads register_report_delay_idx: a count, a range count and a step to the
  // middle of the ordered delays (for one person, their few entries through register_staff_idx).
  return sql`WITH register_count AS MATERIALIZED (SELECT count(*) AS n FROM ${registerEntry} WHERE ${real})
    SELECT ${count} AS n,
    (SELECT count(*) FROM ${registerEntry} WHERE ${real} AND ${delay} <= ${PROMPT_REPORT_MS}) AS within,
    (SELECT avg(ms) FROM (SELECT ${delay} AS ms FROM ${registerEntry} WHERE ${real} ORDER BY ${delay} LIMIT 2 - ${count} % 2 OFFSET (${count} - 1) / 2)) AS median
    ${more ? sql`, ${more}` : sql``}`;
}

export type ReportingRow = { n: number; within: number | null; median: number | null };

export function toReportingTimes(row: ReportingRow | undefined): ReportingTimes {
  const count = Number(row?.n ?? 0);
  if (!row || count === 0) return { count, medianMs: null, withinDayShare: null };
  return { count, medianMs: Number(row.median), withinDayShare: Number(row.within) / count };
}

/** How promptly real (not practice) terms reach the manager, for the whole shop or one person. */
export async function reportingFigures(organisationId: string, staffId?: string): Promise<ReportingTimes> {
  return toReportingTimes(await (await db()).get<ReportingRow>(reportingStatement(organisationId, undefined, staffId)));
}

/** Real terms agreed outside authority, in one shop. */
export const flaggedInShop = (organisationId: string | Placeholder) => and(eq(registerEntry.organisationId, organisationId), eq(registerEntry.source, 'shop'), eq(registerEntry.withinAuthority, false));

/** The latest few flagged terms, with who logged each, for the manager's home (built once). */
const flaggedQueries = prepared((d) => ({
  latest: d
    .select({ entry: registerEntry, staffName: userTable.name })
    .from(registerEntry)
    .innerJoin(userTable, eq(userTable.id, registerEntry.staffId))
    .where(flaggedInShop(sql.placeholder('organisationId')))
    .orderBy(desc(registerEntry.agreedAt))
    .limit(sql.placeholder('latest'))
    .prepare(),
}));

export async function latestFlagged(organisationId: string, latest: number): Promise<EntryView[]> {
  return (await flaggedQueries()).latest.all({ organisationId, latest });
}
