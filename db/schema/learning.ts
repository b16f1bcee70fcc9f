import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { user } from './accounts';

/** A learner marked a module as read. */
export const moduleRead = sqliteTable(
  'module_read',
  {
    userId: text()
      .notNull()
      .references(() => user.id),
    criterion: text().notNull(),
    readAt: integer({ mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.criterion] })],
);

/** One knowledge-check attempt: the questions drawn (in their fixed order) and, once submitted, the answers. */
export const checkAttempt = sqliteTable(
  'check_attempt',
  {
    id: text().primaryKey(),
    userId: text()
      .notNull()
      .references(() => user.id),
    criterion: text().notNull(),
    /** Question ids in the order shown, fixed when the attempt starts. */
    questionIds: text({ mode: 'json' }).notNull().$type<string[]>(),
    /** Question id → option ids chosen; null until submitted. */
    answers: text({ mode: 'json' }).$type<Record<string, string[]>>(),
    score: integer(),
    passed: integer({ mode: 'boolean' }),
    startedAt: integer({ mode: 'timestamp_ms' }).notNull(),
    submittedAt: integer({ mode: 'timestamp_ms' }),
  },
  (t) => [index('check_attempt_user_idx').on(t.userId, t.criterion)],
);
export type CheckAttempt = typeof checkAttempt.$inferSelect;
