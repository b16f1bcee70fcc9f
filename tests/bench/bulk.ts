/**
 * The bulk loader behind the benchmark's synthetic data. Rows are typed by the drizzle schema and go in
 * as multi-row INSERTs whose SQL drizzle itself builds (so a renamed column breaks here, not silently),
 * many statements per transaction. Building the SQL text through drizzle for every statement costs more
 * than the insert, so it is built once per (table, row count) and only the parameters are made per
 * statement, with each column's own driver mapping (dates to milliseconds, JSON to text, booleans to 0/1).
 * The first statement of each shape is checked against drizzle's own parameters.
 */
import type { Client, InValue, Transaction } from '@libsql/client';
import { getTableColumns, getTableName, type InferInsertModel } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/libsql';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { isDeepStrictEqual } from 'node:util';
import * as schema from '../../db/schema';

/** Every column given, so each row of a table has the same parameters in the same order. */
export type Row<T extends SQLiteTable> = Required<InferInsertModel<T>>;

/** SQLite allows 32,766 parameters per statement; staying well below keeps statements a sane size. */
const MAX_PARAMS = 8_000;
const MAX_ROWS_PER_STATEMENT = 400;

/**
 * Pragmas for the load only: no rollback journal and no fsync (a crash mid-load just means seeding
 * again), a large page cache for the random-key index inserts. `restoreServingPragmas` puts the file
 * back in the mode the app expects (WAL, see db/client.ts) before anything else opens it.
 */
export async function fastLoadPragmas(client: Client): Promise<void> {
  for (const p of ['PRAGMA journal_mode = OFF', 'PRAGMA synchronous = OFF', 'PRAGMA cache_size = -1000000', 'PRAGMA temp_store = MEMORY']) await client.execute(p);
}

export async function restoreServingPragmas(client: Client): Promise<void> {
  for (const p of ['PRAGMA journal_mode = WAL', 'PRAGMA synchronous = FULL']) await client.execute(p);
}

export class BulkLoader {
  readonly counts = new Map<string, number>();
  #client: Client;
  #builder = drizzle.mock({ schema, casing: 'snake_case' });
  #tx: Transaction | null = null;
  #rowsInTx = 0;
  /** SQL text per (table, rows per statement). */
  #shapes = new Map<string, string>();

  /** `rowsPerTransaction`: commit after about this many rows, so one transaction covers a large batch. */
  constructor(client: Client, private readonly rowsPerTransaction = 200_000) {
    this.#client = client;
  }

  /**
   * Writes the rows now, in statements of the largest size the table allows (the last one shorter).
   * Nothing is held back between calls, so rows a foreign key points at are in before the rows that
   * point at them whenever they are inserted first (the query-plan test runs with foreign keys on).
   */
  async insert<T extends SQLiteTable>(table: T, rows: readonly Row<T>[]): Promise<void> {
    const per = rowsPerStatement(table);
    for (let start = 0; start < rows.length; start += per) await this.#write(table, rows.slice(start, start + per));
  }

  /** Commits what is still open. */
  async finish(): Promise<void> {
    if (this.#tx) await this.#tx.commit();
    this.#tx = null;
    this.#rowsInTx = 0;
  }

  async #write<T extends SQLiteTable>(table: T, rows: readonly Row<T>[]): Promise<void> {
    const name = getTableName(table);
    const key = `${name}:${rows.length}`;
    let sql = this.#shapes.get(key);
    const args = parameters(table, rows);
    if (sql === undefined) {
      // The generic row type is checked at `insert`'s signature; drizzle's own mapped type cannot see that.
      const built = this.#builder.insert(table).values(rows as unknown as T['$inferInsert'][]).toSQL();
      // Our parameters must be exactly drizzle's, or every later row of this shape would be wrong.
      if (!isDeepStrictEqual(built.params, args)) throw new Error(`bulk loader: parameters for ${name} differ from drizzle's`);
      sql = built.sql;
      this.#shapes.set(key, sql);
    }
    this.#tx ??= await this.#client.transaction('write');
    await this.#tx.execute({ sql, args });
    this.counts.set(name, (this.counts.get(name) ?? 0) + rows.length);
    this.#rowsInTx += rows.length;
    if (this.#rowsInTx >= this.rowsPerTransaction) {
      await this.#tx.commit();
      this.#tx = null;
      this.#rowsInTx = 0;
    }
  }
}

function rowsPerStatement(table: SQLiteTable): number {
  return Math.max(1, Math.min(MAX_ROWS_PER_STATEMENT, Math.floor(MAX_PARAMS / Object.keys(getTableColumns(table)).length)));
}

/** Row values in the table's column order, through each column's driver mapping, as drizzle does. */
function parameters<T extends SQLiteTable>(table: T, rows: readonly Row<T>[]): InValue[] {
  const columns = Object.entries(getTableColumns(table));
  const args: InValue[] = [];
  for (const row of rows) {
    for (const [key, column] of columns) {
      const value = (row as Record<string, unknown>)[key];
      args.push(value === null ? null : (column.mapToDriverValue(value) as InValue));
    }
  }
  return args;
}
