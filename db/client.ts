import { createClient, type Client } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import * as schema from './schema';

export type Database = ReturnType<typeof drizzle<typeof schema>>;

export interface OpenDatabase {
  client: Client;
  db: Database;
  /** Resolves once the per-connection pragmas are in place. */
  ready: Promise<void>;
}

export const DEFAULT_DATABASE_URL = 'file:./data/goodwill.db';

/**
 * Pragmas for the embedded file. WAL lets readers proceed while one writer commits; synchronous=FULL
 * because assessment decisions and sign-offs are formal records that must survive a power cut;
 * foreign_keys because SQLite leaves them off by default. One pragma per execute: libSQL silently
 * ignores a second statement in the same string.
 */
const FILE_PRAGMAS = ['PRAGMA journal_mode = WAL', 'PRAGMA foreign_keys = ON', 'PRAGMA synchronous = FULL'];

export function openDatabase(url: string, authToken?: string): OpenDatabase {
  const isFile = url.startsWith('file:');
  if (isFile && !url.includes(':memory:')) mkdirSync(dirname(url.slice('file:'.length)), { recursive: true });
  const client = createClient({
    url,
    authToken,
    // One connection for the embedded file: per-connection pragmas then always apply, and the pool
    // serialises write transactions in this process instead of letting them block on each other.
    ...(isFile ? { concurrency: 1, timeout: 5_000 } : {}),
  });
  const ready = isFile
    ? FILE_PRAGMAS.reduce<Promise<void>>((p, pragma) => p.then(() => client.execute(pragma).then(() => undefined)), Promise.resolve())
    : Promise.resolve();
  const db = drizzle(client, { schema, casing: 'snake_case' });
  return { client, db, ready };
}

/** Where DATABASE_URL points, without any credentials, for messages. */
export function describeDatabaseUrl(url: string): string {
  try {
    const u = new URL(url);
    u.username = '';
    u.password = '';
    u.search = '';
    return u.toString();
  } catch {
    return url.split('?')[0] ?? url;
  }
}
