import { sql } from 'drizzle-orm';
import { blob, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { user } from './accounts';

export const evidenceKinds = ['reflection', 'scenario-attempt', 'check-attempt', 'file', 'observation', 'witness-testimony'] as const;
export type EvidenceKind = (typeof evidenceKinds)[number];

export const evidenceStatuses = ['draft', 'submitted', 'assessed', 'resubmitted'] as const;
export type EvidenceStatus = (typeof evidenceStatuses)[number];

/** A piece of evidence in a learner's portfolio. Its content at each submission is a version. */
export const evidenceItem = sqliteTable(
  'evidence_item',
  {
    id: text().primaryKey(),
    learnerId: text()
      .notNull()
      .references(() => user.id),
    kind: text({ enum: evidenceKinds }).notNull(),
    title: text().notNull(),
    /** The reflection, scenario attempt, check attempt or upload this item presents. */
    sourceId: text(),
    createdBy: text()
      .notNull()
      .references(() => user.id),
    status: text({ enum: evidenceStatuses }).notNull(),
    currentVersion: integer().notNull().default(0),
    /**
     * The current version's claims, copied here when it is submitted (the version keeps the record):
     * the assessor's queue and a learner's list then read the item alone, from one index.
     */
    claims: text({ mode: 'json' }).notNull().$type<string[]>().default(sql`'[]'`),
    createdAt: integer({ mode: 'timestamp_ms' }).notNull(),
    /** When the current version was submitted: the assessor queue waits from here. */
    submittedAt: integer({ mode: 'timestamp_ms' }),
    updatedAt: integer({ mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    // Covers the assessor's queue: each assigned learner's waiting items, oldest first, with everything
    // the queue shows, so a page of a hundred never reads the items themselves.
    index('evidence_learner_wait_idx').on(t.learnerId, t.status, t.submittedAt, t.id, t.currentVersion, t.kind, t.title, t.claims),
    index('evidence_queue_idx').on(t.status, t.submittedAt),
  ],
);
export type EvidenceItem = typeof evidenceItem.$inferSelect;

/**
 * Each learner's 17 evidence states, derived from their evidence, decisions and quality samples and
 * rewritten in the same transaction as every write that can change them. A cache, not a record: the
 * formal records stay append-only, and a learner without a row has their states computed from those
 * records. It exists because a manager's 200-person competence matrix would otherwise read every
 * decision of every learner in the shop (tens of thousands of rows) on each visit.
 */
export const learnerEvidenceState = sqliteTable('learner_evidence_state', {
  learnerId: text()
    .primaryKey()
    .references(() => user.id),
  states: text({ mode: 'json' }).notNull().$type<Record<string, string>>(),
  /**
   * The criteria `states` counts as met, as a mask (criteriaMask in src/lib/domain/criteria.ts), written
   * with `states` in the same statement: the manager's home reads a shop's readiness from these integers
   * rather than from every person's states.
   */
  metMask: integer().notNull().default(0),
  refreshedAt: integer({ mode: 'timestamp_ms' }).notNull(),
});

/** What was submitted, frozen: content snapshot, claimed criteria, the learner's declaration. Append-only. */
export const evidenceVersion = sqliteTable(
  'evidence_version',
  {
    evidenceId: text()
      .notNull()
      .references(() => evidenceItem.id),
    version: integer().notNull(),
    claims: text({ mode: 'json' }).notNull().$type<string[]>(),
    snapshot: text({ mode: 'json' }).notNull().$type<Record<string, unknown>>(),
    declaredOwnWork: integer({ mode: 'boolean' }).notNull(),
    submittedBy: text()
      .notNull()
      .references(() => user.id),
    submittedAt: integer({ mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [uniqueIndex('evidence_version_unique').on(t.evidenceId, t.version)],
);

/**
 * The assessor's judgement of one claimed criterion of one evidence version. Append-only (triggers):
 * a later judgement is a new row that names the one it follows, so concurrent decisions are detected.
 */
export const decision = sqliteTable(
  'decision',
  {
    id: text().primaryKey(),
    evidenceId: text()
      .notNull()
      .references(() => evidenceItem.id),
    version: integer().notNull(),
    learnerId: text()
      .notNull()
      .references(() => user.id),
    criterion: text().notNull(),
    outcome: text({ enum: ['met', 'not-yet'] }).notNull(),
    feedback: text().notNull(),
    assessorId: text()
      .notNull()
      .references(() => user.id),
    decidedAt: integer({ mode: 'timestamp_ms' }).notNull(),
    /** The decision this one follows for the same evidence and criterion; null for the first. */
    follows: text(),
  },
  (t) => [
    index('decision_learner_idx').on(t.learnerId, t.criterion, t.decidedAt),
    index('decision_evidence_idx').on(t.evidenceId, t.criterion),
    index('decision_assessor_idx').on(t.assessorId, t.decidedAt),
    // The sampling page's newest decisions not yet sampled, read from the newest end.
    index('decision_decided_idx').on(t.decidedAt),
    // Two decisions cannot both follow the same one: the second of two concurrent assessors fails.
    uniqueIndex('decision_follows_unique').on(t.evidenceId, t.criterion, t.follows),
  ],
);
export type Decision = typeof decision.$inferSelect;

/** A lead assessor's quality sample of another assessor's decision. Append-only. */
export const qualitySample = sqliteTable(
  'quality_sample',
  {
    id: text().primaryKey(),
    decisionId: text()
      .notNull()
      .references(() => decision.id),
    leadAssessorId: text()
      .notNull()
      .references(() => user.id),
    agrees: integer({ mode: 'boolean' }).notNull(),
    reason: text().notNull(),
    sampledAt: integer({ mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [uniqueIndex('quality_sample_decision_unique').on(t.decisionId)],
);

/**
 * Per assessor: decisions made, how many of them a lead assessor has sampled, and how many samples
 * disagreed. Kept by triggers on decision and quality_sample (migration 0013), in the transaction that
 * inserts the row; both tables are append-only, so the counts only grow. The sampling page reads one
 * row per assessor here instead of counting every decision on the platform.
 */
export const assessorSamplingCount = sqliteTable('assessor_sampling_count', {
  assessorId: text()
    .primaryKey()
    .references(() => user.id),
  decisions: integer().notNull().default(0),
  sampled: integer().notNull().default(0),
  disagreed: integer().notNull().default(0),
});

/** The unit signed off for a learner: locks the portfolio. Append-only, one per learner. */
export const signOff = sqliteTable(
  'sign_off',
  {
    learnerId: text()
      .primaryKey()
      .references(() => user.id),
    assessorId: text()
      .notNull()
      .references(() => user.id),
    declaration: text().notNull(),
    signedAt: integer({ mode: 'timestamp_ms' }).notNull(),
  },
);

/** Uploaded files, as blobs in the database so one backup holds everything and app servers stay stateless. */
export const upload = sqliteTable(
  'upload',
  {
    id: text().primaryKey(),
    learnerId: text()
      .notNull()
      .references(() => user.id),
    /** The name the person gave it, cleaned; never used as a path. */
    displayName: text().notNull(),
    mimeType: text({ enum: ['application/pdf', 'image/jpeg', 'image/png'] }).notNull(),
    size: integer().notNull(),
    data: blob({ mode: 'buffer' }).notNull(),
    uploadedBy: text()
      .notNull()
      .references(() => user.id),
    uploadedAt: integer({ mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('upload_learner_idx').on(t.learnerId)],
);

/** In-app notifications (new decisions, register flags, pending acknowledgements). */
export const notification = sqliteTable(
  'notification',
  {
    id: text().primaryKey(),
    userId: text()
      .notNull()
      .references(() => user.id),
    text: text().notNull(),
    link: text(),
    createdAt: integer({ mode: 'timestamp_ms' }).notNull(),
    readAt: integer({ mode: 'timestamp_ms' }),
  },
  (t) => [index('notification_user_idx').on(t.userId, t.createdAt)],
);
