import { sql, type SQLWrapper } from 'drizzle-orm';
import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { organisation, user } from './accounts';

/**
 * A shop's negotiating-authority level, edited by its manager. `lockVersion` detects two managers
 * editing at once. Grants copy the level's limits, so editing a level never rewrites history.
 */
export const authorityLevel = sqliteTable(
  'authority_level',
  {
    id: text().primaryKey(),
    organisationId: text()
      .notNull()
      .references(() => organisation.id),
    name: text().notNull(),
    /** Higher ranks allow more; 0 is "no authority". */
    rank: integer().notNull(),
    /** The largest discount, as a fraction of price. */
    maxDiscount: real().notNull(),
    /** The largest total cost to the business of the concessions in one deal, in pounds. */
    maxValue: real().notNull(),
    allowedConcessions: text({ mode: 'json' }).notNull().$type<string[]>(),
    requiredCriteria: text({ mode: 'json' }).notNull().$type<string[]>(),
    lockVersion: integer().notNull().default(0),
    archivedAt: integer({ mode: 'timestamp_ms' }),
    updatedAt: integer({ mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('authority_level_org_idx').on(t.organisationId, t.rank)],
);
export type AuthorityLevelRow = typeof authorityLevel.$inferSelect;

/**
 * Grants, overrides and revocations, append-only: a person's authority now is their latest row.
 * `levelSnapshot` holds the limits as they were when granted.
 */
export const authorityGrant = sqliteTable(
  'authority_grant',
  {
    id: text().primaryKey(),
    organisationId: text()
      .notNull()
      .references(() => organisation.id),
    staffId: text()
      .notNull()
      .references(() => user.id),
    kind: text({ enum: ['grant', 'override', 'revoke'] }).notNull(),
    levelId: text().references(() => authorityLevel.id),
    levelSnapshot: text({ mode: 'json' }).$type<Record<string, unknown>>(),
    /** Required for an override (criteria not met) and a revocation. */
    reason: text(),
    grantedBy: text()
      .notNull()
      .references(() => user.id),
    grantedAt: integer({ mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('authority_grant_staff_idx').on(t.staffId, t.grantedAt), index('authority_grant_org_idx').on(t.organisationId, t.grantedAt)],
);
export type AuthorityGrant = typeof authorityGrant.$inferSelect;

/** The staff member's acknowledgement of a grant's limits (P6). Append-only. */
export const authorityAcknowledgement = sqliteTable('authority_acknowledgement', {
  grantId: text()
    .primaryKey()
    .references(() => authorityGrant.id),
  staffId: text()
    .notNull()
    .references(() => user.id),
  acknowledgedAt: integer({ mode: 'timestamp_ms' }).notNull(),
});

/** A special term someone agreed with a customer (P7). Its cost is computed, never typed. */
/**
 * Time from agreeing a term to reporting it, in milliseconds, never negative (a term entered with a
 * later agreed time than its report counts as reported at once). Written without commas because
 * drizzle-kit splits an index expression at its commas.
 */
export const reportDelay = (reportedAt: SQLWrapper, agreedAt: SQLWrapper) => sql`(CASE WHEN ${reportedAt} > ${agreedAt} THEN ${reportedAt} - ${agreedAt} ELSE 0 END)`;

export const registerEntry = sqliteTable(
  'register_entry',
  {
    id: text().primaryKey(),
    organisationId: text()
      .notNull()
      .references(() => organisation.id),
    staffId: text()
      .notNull()
      .references(() => user.id),
    customerRef: text().notNull(),
    concessions: text({ mode: 'json' }).notNull().$type<unknown[]>(),
    sale: text({ mode: 'json' }).notNull().$type<{ price: number; unitCost: number; quantity: number; reference?: string }>(),
    cost: real().notNull(),
    reason: text().notNull(),
    referred: integer({ mode: 'boolean' }).notNull().default(false),
    agreedAt: integer({ mode: 'timestamp_ms' }).notNull(),
    reportedAt: integer({ mode: 'timestamp_ms' }).notNull(),
    /** The grant in force when the term was agreed, and whether the term was inside it. */
    grantId: text(),
    withinAuthority: integer({ mode: 'boolean' }).notNull(),
    flagReasons: text({ mode: 'json' }).notNull().$type<string[]>(),
    /** 'practice' entries come from a scenario and never count as real terms. */
    source: text({ enum: ['shop', 'practice'] }).notNull().default('shop'),
    scenarioAttemptId: text(),
  },
  (t) => [
    index('register_org_idx').on(t.organisationId, t.agreedAt),
    index('register_staff_idx').on(t.staffId, t.agreedAt),
    // Covers the manager's home: flagged real terms newest first, their count, and every real term's
    // time to report, without reading the entries themselves.
    index('register_org_flag_idx').on(t.organisationId, t.source, t.withinAuthority, t.agreedAt, t.reportedAt),
    // Each term's time to report, in order, per shop and source: the count within a day is a range of
    // this index and the median a step into it, so the home sorts nothing. The expression must stay
    // the same in both places (reportDelay, below), or SQLite will not use the index.
    index('register_report_delay_idx').on(t.organisationId, t.source, reportDelay(t.reportedAt, t.agreedAt)),
  ],
);
export type RegisterEntry = typeof registerEntry.$inferSelect;

/** Imported sales rows. `rowKey` (a hash of the row) makes re-importing the same file add nothing. */
export const saleRow = sqliteTable(
  'sale_row',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    organisationId: text()
      .notNull()
      .references(() => organisation.id),
    /** ISO date, YYYY-MM-DD. */
    date: text().notNull(),
    customer: text().notNull(),
    amount: real().notNull(),
    cost: real().notNull(),
    rowKey: text().notNull(),
  },
  /*
   * The effect analysis sums amounts by customer over date windows (src/lib/server/management/effect-reads.ts).
   * Both indexes carry every column it reads, so SQLite answers from the index alone; and with both
   * covering, a customer's own window is always found through the customer index rather than by reading
   * the shop's whole window through the date index for every customer (seconds instead of milliseconds).
   */
  (t) => [
    uniqueIndex('sale_row_key_unique').on(t.organisationId, t.rowKey),
    index('sale_row_customer_idx').on(t.organisationId, t.customer, t.date, t.amount),
    index('sale_row_date_idx').on(t.organisationId, t.date, t.customer, t.amount),
  ],
);

/** Imported satisfaction answers: NPS (0–10) or CSAT (1–5). */
export const satisfactionRow = sqliteTable(
  'satisfaction_row',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    organisationId: text()
      .notNull()
      .references(() => organisation.id),
    date: text().notNull(),
    customer: text().notNull(),
    scale: text({ enum: ['nps', 'csat'] }).notNull(),
    score: integer().notNull(),
    rowKey: text().notNull(),
  },
  // Covering for the effect analysis, as for sale_row.
  (t) => [
    uniqueIndex('satisfaction_row_key_unique').on(t.organisationId, t.rowKey),
    index('satisfaction_customer_idx').on(t.organisationId, t.customer, t.date, t.scale, t.score),
    index('satisfaction_date_idx').on(t.organisationId, t.date, t.customer, t.scale, t.score),
  ],
);

/** Events that might explain a change instead of a special term: promotions, seasons, competitors. */
export const calendarEvent = sqliteTable(
  'calendar_event',
  {
    id: text().primaryKey(),
    organisationId: text()
      .notNull()
      .references(() => organisation.id),
    name: text().notNull(),
    kind: text({ enum: ['promotion', 'seasonal-peak', 'competitor', 'other'] }).notNull(),
    startDate: text().notNull(),
    endDate: text().notNull(),
    createdAt: integer({ mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('calendar_event_org_idx').on(t.organisationId, t.startDate)],
);

/** The shop's customer-relationship approach: each save is a new version. */
export const approachVersion = sqliteTable(
  'approach_version',
  {
    id: text().primaryKey(),
    organisationId: text()
      .notNull()
      .references(() => organisation.id),
    version: integer().notNull(),
    segments: text().notNull(),
    termsBySegment: text().notNull(),
    competitorNotes: text().notNull(),
    brandPosition: text().notNull(),
    /** What changed from the version before, and why. */
    changeSummary: text().notNull(),
    createdBy: text()
      .notNull()
      .references(() => user.id),
    createdAt: integer({ mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [uniqueIndex('approach_version_unique').on(t.organisationId, t.version)],
);

/** Reviews of the approach: scheduled (due date) or prompted early (trigger). */
export const approachReview = sqliteTable(
  'approach_review',
  {
    id: text().primaryKey(),
    organisationId: text()
      .notNull()
      .references(() => organisation.id),
    /** ISO date the review is due. */
    dueDate: text().notNull(),
    trigger: text({ enum: ['scheduled', 'satisfaction-fall', 'competitor-event', 'manual'] }).notNull(),
    completedAt: integer({ mode: 'timestamp_ms' }),
    completedBy: text(),
    /** What the review found and what changed, and why. */
    notes: text(),
    approachVersionId: text(),
    createdAt: integer({ mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('approach_review_org_idx').on(t.organisationId, t.dueDate)],
);
