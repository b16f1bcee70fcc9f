import { createClient, type Client, type InArgs, type InStatement } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { isPlainRead, openReadConnection, READ_PRAGMAS } from './read-connection';
import * as schema from './schema';

export type Database = ReturnType<typeof drizzle<typeof schema>>;

export interface OpenDatabase {
  client: Client;
  db: Database;
  /** Resolves once the per-connection pragmas are in place. */
  ready: Promise<void>;
  /** Statements sent so far; only when opened with GOODWILL_QUERY_COUNT=1 (see countStatements). */
  queryCount?: { statements: number };
}

export const DEFAULT_DATABASE_URL = 'file:./data/goodwill.db';

/** Schema keys are camelCase, columns snake_case; anything that builds SQL from the schema uses this. */
export const DRIZZLE_CASING = 'snake_case';

const BUSY_TIMEOUT_MS = 5_000;

/**
 * Pragmas for the embedded file. WAL lets readers proceed while one writer commits; synchronous=FULL
 * because assessment decisions and sign-offs are formal records that must survive a power cut;
 * foreign_keys because SQLite leaves them off by default. One pragma per execute: libSQL silently
 * ignores a second statement in the same string.
 */
const FILE_PRAGMAS = ['PRAGMA journal_mode = WAL', 'PRAGMA foreign_keys = ON', 'PRAGMA synchronous = FULL', ...READ_PRAGMAS];

/**
 * Plain SELECTs on the embedded file go to a read connection that keeps its prepared statements
 * (db/read-connection.ts); everything else keeps the client's own connection. Not for `:memory:`,
 * where a second connection would be a second, empty database. A process that takes the file out of
 * WAL mode (the benchmark's bulk loader) opens it with `readConnection: false`: leaving WAL needs every
 * other connection closed, and libSQL keeps a connection open while any of its statements lives.
 */
function routeReads(client: Client, path: string): void {
  const reads = openReadConnection(path, BUSY_TIMEOUT_MS);
  const execute = client.execute.bind(client);
  const close = client.close.bind(client);
  client.execute = ((stmt: InStatement, args?: InArgs) => {
    const sql = typeof stmt === 'string' ? stmt : stmt.sql;
    if (!isPlainRead(sql)) return typeof stmt === 'string' ? execute(stmt, args) : execute(stmt);
    try {
      return Promise.resolve(reads.execute(typeof stmt === 'string' ? { sql: stmt, args: args ?? [] } : stmt));
    } catch (error) {
      return Promise.reject(error);
    }
  }) as Client['execute'];
  client.close = () => {
    reads.close();
    close();
  };
}

/**
 * One queue per embedded database. The client has a single connection for writes (so its pragmas always
 * apply), and libSQL refuses, rather than waits, when a transaction holds it; every statement and
 * transaction of this process therefore takes its turn here, reads on the read connection included (so
 * none runs while a transaction of this process is open). Write transactions are short, reads wait
 * only for them.
 */
class Queue {
  #tail: Promise<unknown> = Promise.resolve();
  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.#tail.then(task, task);
    this.#tail = result.catch(() => undefined);
    return result;
  }
}

function serialise(client: Client, db: Database): void {
  const queue = new Queue();
  const execute = client.execute.bind(client);
  const batch = client.batch.bind(client);
  const executeMultiple = client.executeMultiple.bind(client);
  client.execute = ((...args: Parameters<Client['execute']>) => queue.run(() => execute(...args))) as Client['execute'];
  client.batch = ((...args: Parameters<Client['batch']>) => queue.run(() => batch(...args))) as Client['batch'];
  client.executeMultiple = (sql: string) => queue.run(() => executeMultiple(sql));
  const transaction = db.transaction.bind(db);
  db.transaction = ((...args: Parameters<Database['transaction']>) => queue.run(() => transaction(...args))) as Database['transaction'];
}

/**
 * Benchmark hook, off by default: with GOODWILL_QUERY_COUNT=1 set when the database is opened, every
 * statement sent (inside transactions too) is counted, so `npm run bench` can report queries per request
 * (tests/bench/query-count.ts). Without the variable nothing is wrapped: the normal path pays nothing.
 */
function countStatements(client: Client): { statements: number } {
  const counter = { statements: 0 };
  const execute = client.execute.bind(client);
  const batch = client.batch.bind(client);
  const transaction = client.transaction.bind(client);
  client.execute = ((...args: Parameters<Client['execute']>) => (counter.statements++, execute(...args))) as Client['execute'];
  client.batch = ((...args: Parameters<Client['batch']>) => ((counter.statements += args[0].length), batch(...args))) as Client['batch'];
  client.transaction = (async (...args: Parameters<Client['transaction']>) => {
    const tx = await transaction(...args);
    const txExecute = tx.execute.bind(tx);
    tx.execute = (stmt) => (counter.statements++, txExecute(stmt));
    return tx;
  }) as Client['transaction'];
  return counter;
}

/** The path in a `file:` URL as libSQL reads it: `file:rel/x.db`, `file:/abs/x.db`, `file:///abs/x.db`. */
function filePath(url: string): string {
  const path = url.slice('file:'.length).replace(/^\/\/(localhost)?(?=\/)/, '');
  return decodeURIComponent(path.split('?')[0]!);
}

export interface OpenOptions {
  /** Plain SELECTs on their own connection (embedded files only; see routeReads). Default true. */
  readConnection?: boolean;
}

export function openDatabase(url: string, authToken?: string, options: OpenOptions = {}): OpenDatabase {
  const isFile = url.startsWith('file:');
  const embeddedFile = isFile && !url.includes(':memory:');
  if (embeddedFile) mkdirSync(dirname(filePath(url)), { recursive: true });
  const client = createClient({
    url,
    authToken,
    // One connection for the embedded file's writes: per-connection pragmas then always apply, and the
    // pool serialises write transactions in this process instead of letting them block on each other.
    ...(isFile ? { concurrency: 1, timeout: BUSY_TIMEOUT_MS } : {}),
  });
  if (embeddedFile && options.readConnection !== false) routeReads(client, filePath(url));
  const queryCount = process.env.GOODWILL_QUERY_COUNT === '1' ? countStatements(client) : undefined;
  const db = drizzle(client, { schema, casing: DRIZZLE_CASING });
  if (isFile) serialise(client, db);
  const ready = isFile
    ? FILE_PRAGMAS.reduce<Promise<void>>((p, pragma) => p.then(() => client.execute(pragma).then(() => undefined)), Promise.resolve())
    : Promise.resolve();
  return { client, db, ready, ...(queryCount ? { queryCount } : {}) };
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
