import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex, primaryKey } from 'drizzle-orm/sqlite-core';

import { brandImages, roles } from '../../src/lib/domain/roles';

/** A shop: the organisation whose staff learn, are managed and negotiate. */
export const organisation = sqliteTable('organisation', {
  id: text().primaryKey(),
  name: text().notNull(),
  brandImage: text({ enum: brandImages }).notNull().default('mid-market'),
  createdAt: integer({ mode: 'timestamp_ms' }).notNull(),
});
export type Organisation = typeof organisation.$inferSelect;

export const user = sqliteTable(
  'user',
  {
    id: text().primaryKey(),
    /** Stored lower-cased so that sign-in is case-insensitive. */
    email: text().notNull(),
    name: text().notNull(),
    passwordHash: text().notNull(),
    role: text({ enum: roles }).notNull(),
    /** The shop a learner or manager belongs to; null for admins and assessors (who may span shops). */
    organisationId: text().references(() => organisation.id),
    /** A lead assessor samples other assessors' decisions (quality assurance). */
    isLeadAssessor: integer({ mode: 'boolean' }).notNull().default(false),
    disabledAt: integer({ mode: 'timestamp_ms' }),
    createdAt: integer({ mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [uniqueIndex('user_email_unique').on(t.email), index('user_organisation_idx').on(t.organisationId, t.role)],
);
export type User = typeof user.$inferSelect;

/**
 * Sessions follow the Lucia guide: the cookie holds a random token, the table holds only its SHA-256,
 * so a leaked database cannot be replayed as cookies.
 */
export const session = sqliteTable(
  'session',
  {
    id: text().primaryKey(),
    userId: text()
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    createdAt: integer({ mode: 'timestamp_ms' }).notNull(),
    /** Refreshed at most every few minutes; the idle timeout counts from it. */
    lastSeenAt: integer({ mode: 'timestamp_ms' }).notNull(),
    /** The absolute timeout: no activity extends a session past it. */
    expiresAt: integer({ mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('session_user_idx').on(t.userId)],
);
export type Session = typeof session.$inferSelect;

/** A manager's single-use, expiring invitation for a new member of staff. */
export const invitation = sqliteTable(
  'invitation',
  {
    id: text().primaryKey(),
    organisationId: text()
      .notNull()
      .references(() => organisation.id),
    email: text().notNull(),
    name: text().notNull(),
    role: text({ enum: roles }).notNull(),
    /** SHA-256 of the token in the link; the token itself is never stored. */
    tokenHash: text().notNull(),
    invitedBy: text()
      .notNull()
      .references(() => user.id),
    createdAt: integer({ mode: 'timestamp_ms' }).notNull(),
    expiresAt: integer({ mode: 'timestamp_ms' }).notNull(),
    usedAt: integer({ mode: 'timestamp_ms' }),
  },
  (t) => [uniqueIndex('invitation_token_unique').on(t.tokenHash), index('invitation_org_idx').on(t.organisationId)],
);
export type Invitation = typeof invitation.$inferSelect;

/** Which learners an assessor assesses; learners may come from several shops. */
export const assessorAssignment = sqliteTable(
  'assessor_assignment',
  {
    assessorId: text()
      .notNull()
      .references(() => user.id),
    learnerId: text()
      .notNull()
      .references(() => user.id),
    createdAt: integer({ mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.assessorId, t.learnerId] }), index('assignment_learner_idx').on(t.learnerId)],
);

/**
 * Failed sign-ins counted per key ("account:<email>" or "address:<ip>") in the database, so that the
 * slow-down holds across several app servers.
 */
export const signInThrottle = sqliteTable('sign_in_throttle', {
  key: text().primaryKey(),
  failures: integer().notNull(),
  firstFailureAt: integer({ mode: 'timestamp_ms' }).notNull(),
  blockedUntil: integer({ mode: 'timestamp_ms' }),
});

/** Append-only record of security-relevant and formal events; triggers refuse UPDATE and DELETE. */
export const auditEvent = sqliteTable(
  'audit_event',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    at: integer({ mode: 'timestamp_ms' }).notNull(),
    actorId: text(),
    action: text().notNull(),
    subjectId: text(),
    detail: text({ mode: 'json' }).$type<Record<string, unknown>>(),
  },
  (t) => [index('audit_subject_idx').on(t.subjectId)],
);


/**
 * The installation's credential-signing keys (Open Badges). In the database, not on a server's disk, so
 * every app server signs as the same issuer. Never deleted: a retired key stays published so badges it
 * signed still verify. The partial unique index allows one active key, so two servers starting at once
 * end up with one.
 */
export const issuerKey = sqliteTable(
  'issuer_key',
  {
    /** The public key as a Multikey (z6Mk…). */
    id: text().primaryKey(),
    status: text({ enum: ['active', 'retired'] }).notNull(),
    /** PKCS#8 DER, base64. */
    privateKeyPkcs8: text().notNull(),
    createdAt: integer({ mode: 'timestamp_ms' }).notNull(),
    retiredAt: integer({ mode: 'timestamp_ms' }),
  },
  (t) => [uniqueIndex('issuer_key_one_active').on(t.status).where(sql`status = 'active'`)],
);
