import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { user } from './accounts';

/**
 * One play of a negotiation scenario. The move log is the record: replaying it through the engine
 * with the seed gives the same state, so `state` and `debrief` are stored for reading, not trusted
 * over the moves. `seq` guards against two tabs interleaving moves.
 */
export const scenarioAttempt = sqliteTable(
  'scenario_attempt',
  {
    id: text().primaryKey(),
    userId: text()
      .notNull()
      .references(() => user.id),
    scenarioId: text().notNull(),
    seed: integer().notNull(),
    moves: text({ mode: 'json' }).notNull().$type<unknown[]>(),
    /** Number of moves applied; a move must name the seq it follows. */
    seq: integer().notNull().default(0),
    state: text({ mode: 'json' }).notNull().$type<unknown>(),
    outcome: text(),
    debrief: text({ mode: 'json' }).$type<unknown>(),
    startedAt: integer({ mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer({ mode: 'timestamp_ms' }).notNull(),
    endedAt: integer({ mode: 'timestamp_ms' }),
  },
  (t) => [index('scenario_attempt_user_idx').on(t.userId, t.startedAt)],
);
export type ScenarioAttempt = typeof scenarioAttempt.$inferSelect;

/** A STAR reflection. Its text lives in versions; `currentVersion` guards against silent overwrites. */
export const reflection = sqliteTable(
  'reflection',
  {
    id: text().primaryKey(),
    userId: text()
      .notNull()
      .references(() => user.id),
    title: text().notNull(),
    /** Criteria the learner says it evidences. */
    criteria: text({ mode: 'json' }).notNull().$type<string[]>(),
    /** The negotiation it reflects on, when it was started from a debrief. */
    scenarioAttemptId: text().references(() => scenarioAttempt.id),
    currentVersion: integer().notNull().default(0),
    createdAt: integer({ mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer({ mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('reflection_user_idx').on(t.userId, t.updatedAt)],
);
export type Reflection = typeof reflection.$inferSelect;

/** Every saved version of a reflection's text is kept. */
export const reflectionVersion = sqliteTable(
  'reflection_version',
  {
    reflectionId: text()
      .notNull()
      .references(() => reflection.id),
    version: integer().notNull(),
    body: text().notNull(),
    savedAt: integer({ mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('reflection_version_idx').on(t.reflectionId, t.version)],
);
