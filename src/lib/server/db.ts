import type { InValue, ResultSet } from '@libsql/client';
import { fillPlaceholders, type SQL } from 'drizzle-orm';
import { SQLiteAsyncDialect } from 'drizzle-orm/sqlite-core';
import { DEFAULT_DATABASE_URL, DRIZZLE_CASING, openDatabase, type Database, type OpenDatabase } from '../../../db/client';

/**
 * The one database handle of this process. Kept on globalThis so that the server wrapper
 * (src/server/serve.mjs) can close it on shutdown without importing the bundle's internals.
 */
const KEY = Symbol.for('goodwill.database');
type Holder = { [KEY]?: OpenDatabase };
const holder = globalThis as Holder;

export function database(): OpenDatabase {
  holder[KEY] ??= openDatabase(process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL, process.env.DATABASE_AUTH_TOKEN);
  return holder[KEY];
}

/** The drizzle handle, after the connection's pragmas are in place. */
export async function db(): Promise<Database> {
  const open = database();
  await open.ready;
  return open.db;
}

/** Lets tests point this process at their own temporary database. */
export function useDatabase(open: OpenDatabase): void {
  holder[KEY] = open;
}

export function closeDatabase(): void {
  holder[KEY]?.client.close();
  delete holder[KEY];
}

/**
 * Statements built once per database handle instead of on every call. Drizzle spends more time turning
 * a query builder into SQL than the database spends running a small query, so the queries on every
 * signed-in request (the session, the learner's home) are built with `sql.placeholder` and
 * `.prepare()` here and then only executed. Kept per handle (tests switch handles with `useDatabase`).
 */
export function prepared<T>(build: (d: Database) => T): () => Promise<T> {
  const built = new WeakMap<Database, T>();
  return async () => {
    const d = await db();
    let queries = built.get(d);
    if (queries === undefined) {
      queries = build(d);
      built.set(d, queries);
    }
    return queries;
  };
}

// The casing the app opens drizzle with (db/client.ts), so column names come out the same.
const dialect = new SQLiteAsyncDialect({ casing: DRIZZLE_CASING });

/**
 * `prepared` for a statement written as SQL rather than with the query builder: drizzle turns `query`
 * into SQL once, with `sql.placeholder(name)` for each value, and each call only fills the values and
 * runs it on the app's client (through its statement queue and read connection, as drizzle's own calls
 * go). Rows come back as the client gives them, each value by index and by column name.
 */
export function compiledStatement(query: SQL): (values: Record<string, InValue>) => Promise<ResultSet> {
  const compiled = dialect.sqlToQuery(query);
  return async (values) => (await db()).$client.execute({ sql: compiled.sql, args: fillPlaceholders(compiled.params, values) as InValue[] });
}
