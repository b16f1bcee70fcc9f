/**
 * The read path of the embedded file. `@libsql/client` prepares every statement afresh (SQLite parses
 * and plans it again), reads 64-bit integers as BigInt and builds each row with one
 * `Object.defineProperty` per value; on a signed-in page that was about a quarter of the server's
 * CPU. Plain SELECTs therefore go through a second connection of our own that keeps its prepared
 * statements (SQLite re-prepares them itself after a schema change) and builds rows cheaply.
 *
 * Everything else (writes, pragmas, batches, transactions, migrations) stays on the client's own
 * connection, so its pragmas and its write queue are untouched. This connection is set to
 * `query_only`: if a statement that writes were ever routed here, SQLite refuses it. Both
 * connections see the same committed data (WAL); the queue in db/client.ts still runs one statement
 * at a time, so a read never waits on a write of this process.
 *
 * The connection comes from `libsql`, the very package `@libsql/client` opens its own with (package.json
 * pins the version the client resolves, so npm keeps a single copy): two copies of SQLite in one process
 * do not see each other's POSIX locks, and closing a file in one would drop the other's locks.
 */
import Database from 'libsql';
import { LibsqlError, type ResultSet, type Row, type InStatement, type InValue } from '@libsql/client';

/** Prepared statements kept per connection; far more than the app's distinct queries. */
const STATEMENT_CACHE_SIZE = 500;

/**
 * Pragmas for reading: a larger page cache than SQLite's 2 MB, memory-mapped reads (no read() copy per
 * page; the OS shares the pages with its file cache) and temporary sort tables in memory.
 */
export const READ_PRAGMAS = ['PRAGMA cache_size = -65536', 'PRAGMA mmap_size = 1073741824', 'PRAGMA temp_store = MEMORY'];

/**
 * A statement that can only read: SELECT, or WITH … SELECT with no data-changing keyword anywhere in it
 * (a crude test, but it only has to be safe: anything it turns down takes the client's usual path).
 */
export function isPlainRead(sql: string): boolean {
  let start = 0;
  while (start < sql.length && (sql[start] === '(' || sql[start]!.trim() === '')) start++;
  const head = sql.slice(start, start + 6).toLowerCase();
  if (head === 'select') return true;
  return head.startsWith('with') && !/\b(insert|update|delete|replace|upsert)\b/i.test(sql);
}

interface Prepared {
  statement: Database.Statement;
  columns: string[];
  columnTypes: string[];
  makeRow: (values: unknown[]) => Row;
}

/**
 * Rows are the arrays of values the driver returns, with each column's value also under its name (the
 * first column of a name wins, as in `@libsql/client`). Unlike the client's rows they are real arrays,
 * so indices are enumerable (JSON.stringify gives the values); in exchange drizzle's
 * `Array.prototype.slice.call(row)` on every row is an array copy rather than a walk over
 * `Object.defineProperty`'d properties, and building a row costs no property definitions at all.
 * Names that would clash with the array itself (`length`, indices, `__proto__`) stay index-only.
 */
function rowMaker(columns: readonly string[]): (values: unknown[]) => Row {
  const named: [string, number][] = [];
  for (const [i, name] of columns.entries()) {
    if (name === 'length' || name === '__proto__' || /^(0|[1-9]\d*)$/.test(name) || named.some(([n]) => n === name)) continue;
    named.push([name, i]);
  }
  return (values) => {
    const row = values as unknown[] & Record<string, unknown>;
    for (const [name, i] of named) row[name] = values[i];
    return row as unknown as Row;
  };
}

const MIN_SAFE = BigInt(Number.MIN_SAFE_INTEGER);
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** Values as `@libsql/client` returns them with intMode "number": exact integers or an error. */
function fromSql(value: unknown): unknown {
  if (typeof value === 'bigint') {
    if (value < MIN_SAFE || value > MAX_SAFE) throw new RangeError('Received integer which cannot be safely represented as a JavaScript number');
    return Number(value);
  }
  if (value instanceof Buffer) return value.buffer;
  return value;
}

/**
 * The rows of a statement, values as `fromSql` gives them. Integers are read as plain numbers, which
 * costs a third less than BigInts on a typical page; a number beyond 2^53 might have been rounded on
 * the way, so a result holding one is read again with exact integers and checked as the client does.
 */
function readRows(statement: Database.Statement, bound: unknown): unknown[][] {
  const raw = statement.all(bound) as unknown[][];
  let inexact = false;
  for (const values of raw) {
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (typeof v === 'number') {
        if (v > Number.MAX_SAFE_INTEGER || v < Number.MIN_SAFE_INTEGER) inexact = true;
      } else if (v instanceof Buffer) values[i] = v.buffer;
    }
  }
  if (!inexact) return raw;
  statement.safeIntegers(true);
  try {
    return (statement.all(bound) as unknown[][]).map((values) => values.map(fromSql));
  } finally {
    statement.safeIntegers(false);
  }
}

/** Arguments as `@libsql/client` sends them. */
function toSql(value: InValue | undefined): unknown {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError('Only finite numbers (not Infinity or NaN) can be passed as arguments');
    return value;
  }
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof ArrayBuffer) return Buffer.from(value);
  if (value instanceof Date) return value.valueOf();
  if (value === undefined) throw new TypeError('undefined cannot be passed as argument to the database');
  return value;
}

function toLibsqlError(e: unknown): unknown {
  if (e instanceof Database.SqliteError) {
    const raw = (e as { rawCode?: number }).rawCode;
    return new LibsqlError(e.message, e.code, e.code, raw, e);
  }
  return e;
}

function resultSet(columns: string[], columnTypes: string[], rows: Row[]): ResultSet {
  return {
    columns,
    columnTypes,
    rows,
    rowsAffected: 0,
    lastInsertRowid: undefined,
    toJSON() {
      return { columns, columnTypes, rows: rows.map((r) => Array.prototype.slice.call(r)), rowsAffected: 0, lastInsertRowid: null };
    },
  };
}

export interface ReadConnection {
  /** Runs a statement that `isPlainRead` accepted. */
  execute(stmt: InStatement): ResultSet;
  close(): void;
}

export function openReadConnection(path: string, timeoutMs: number): ReadConnection {
  let connection: Database.Database | null = null;
  const cache = new Map<string, Prepared>();

  // Opened at the first read, once the client has created the file and put it in WAL mode.
  const open = (): Database.Database => {
    if (connection) return connection;
    const c = new Database(path, { timeout: timeoutMs });
    for (const pragma of ['PRAGMA query_only = ON', ...READ_PRAGMAS]) c.prepare(pragma).run();
    connection = c;
    return c;
  };

  const prepare = (sql: string): Prepared => {
    const hit = cache.get(sql);
    if (hit) {
      // Most recently used last, so the first entry is the one to drop when the cache is full.
      cache.delete(sql);
      cache.set(sql, hit);
      return hit;
    }
    const statement = open().prepare(sql);
    statement.raw(true);
    statement.safeIntegers(false);
    const defs = statement.columns();
    const columns = defs.map((d) => d.name);
    const prepared = { statement, columns, columnTypes: defs.map((d) => d.type ?? ''), makeRow: rowMaker(columns) };
    if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
    cache.set(sql, prepared);
    return prepared;
  };

  return {
    execute(stmt) {
      const { sql, args } = typeof stmt === 'string' ? { sql: stmt, args: [] } : stmt;
      try {
        const { statement, columns, columnTypes, makeRow } = prepare(sql);
        const bound = Array.isArray(args) ? args.map(toSql) : Object.fromEntries(Object.entries(args ?? {}).map(([k, v]) => [/^[@$:]/.test(k) ? k.slice(1) : k, toSql(v)]));
        return resultSet(columns, columnTypes, readRows(statement, bound).map(makeRow));
      } catch (e) {
        // A statement that failed part-way is not reused.
        cache.delete(sql);
        throw toLibsqlError(e);
      }
    },
    close() {
      cache.clear();
      connection?.close();
      connection = null;
    },
  };
}
