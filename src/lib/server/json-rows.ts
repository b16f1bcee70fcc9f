/**
 * Many rows as one value. `@libsql/client` hands every column of every row across from native code one
 * value at a time (about 1–2 µs each on the benchmark's machine), which made a learner's hundred items
 * and two hundred decisions cost more than finding them. For the few per-person reads that return
 * hundreds of rows, SQLite builds one JSON array in C and V8 parses it: five times faster, measured on
 * the full-scale benchmark database. Columns are still drizzle's own (schema-checked), and each value
 * is decoded to the type the rest of the code expects.
 */
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { compiledStatement, db } from './db';

type Decode<T> = (value: unknown) => T;

export const text: Decode<string> = (v) => String(v);
export const number: Decode<number> = (v) => Number(v);
/** Timestamps are stored as milliseconds (drizzle's `timestamp_ms`). */
export const date: Decode<Date> = (v) => new Date(Number(v));
export const bool: Decode<boolean> = (v) => v === 1 || v === true;
export const nullable =
  <T>(decode: Decode<T>): Decode<T | null> =>
  (v) =>
    v === null || v === undefined ? null : decode(v);
/** A JSON text column, embedded with `json(…)` so it arrives parsed. */
export const parsed =
  <T>(): Decode<T> =>
  (v) =>
    v as T;

export type Spec = Record<string, readonly [SQLWrapper, Decode<unknown>]>;
export type RowOf<S extends Spec> = { [K in keyof S]: S[K][1] extends Decode<infer T> ? T : never };

/** `json(column)`, for a JSON text column in a spec, so it is embedded as JSON rather than as a string. */
export const embedded = (column: SQLWrapper): SQL => sql`json(${column})`;

/** `SELECT json_group_array(json_array(…the spec's columns…)) AS rows` and the FROM clause. */
function jsonRowsSql(spec: Spec, from: SQL): SQL {
  const columns = sql.join(
    Object.values(spec).map(([column]) => sql`${column}`),
    sql`, `,
  );
  return sql`SELECT json_group_array(json_array(${columns})) AS rows ${from}`;
}

function decodeRows<S extends Spec>(spec: S, json: string | null | undefined): RowOf<S>[] {
  const keys = Object.keys(spec);
  const arrays = JSON.parse(json ?? '[]') as unknown[][];
  return arrays.map((values) => {
    const out: Record<string, unknown> = {};
    keys.forEach((k, i) => (out[k] = spec[k]![1](values[i])));
    return out as RowOf<S>;
  });
}

/** Rows by name, as SQLite's ORDER BY name would give them (binary order), whatever order the JSON came in. */
export function byName<T extends { name: string }>(rows: T[]): T[] {
  return rows.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * `SELECT` the spec's columns `from` (a FROM clause with its joins and conditions, built from drizzle's
 * table and column objects), returned as typed rows. Row order is not promised: sort in the caller.
 */
export async function selectJsonRows<S extends Spec>(spec: S, from: SQL): Promise<RowOf<S>[]> {
  const row = await (await db()).get<{ rows: string | null }>(jsonRowsSql(spec, from));
  return decodeRows(spec, row?.rows);
}

/**
 * `selectJsonRows` for a page read on every visit, with its SQL built once: `from` holds
 * `sql.placeholder(name)` for each value, filled from `values` on each call. Drizzle takes longer to
 * turn a statement of this size into SQL than SQLite takes to run it (a manager's home, an assessor's
 * queue). It runs on the app's client, through its statement queue and read connection, as drizzle would.
 */
export function preparedJsonRows<S extends Spec>(spec: S, from: SQL): (values: Record<string, string | number>) => Promise<RowOf<S>[]> {
  const statement = compiledStatement(jsonRowsSql(spec, from));
  return async (values) => decodeRows(spec, (await statement(values)).rows[0]?.[0] as string | null | undefined);
}
