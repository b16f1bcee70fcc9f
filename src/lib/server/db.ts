import { DEFAULT_DATABASE_URL, openDatabase, type Database, type OpenDatabase } from '../../../db/client';

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
