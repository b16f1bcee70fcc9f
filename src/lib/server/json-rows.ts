/**
 * Many rows as one value. `@libsql/client` hands every column of every row across from native code one
 * value at a time (about 1–2 µs each on the benchmark's machine), which made a learner's hundred items
 * and two hundred decisions cost more than finding them. For the few per-person reads that return
 * hundreds of rows, SQLite builds one JSON array in C and V8 parses it: five times faster, measured on
 * the full-scale benchmark database. Columns are still drizzle's own (schema-checked), and each value
 * is decoded to the type the rest of the code expects.
 */
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { db } from './db';

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

/**
 * `SELECT` the spec's columns `from` (a FROM clause with its joins and conditions, built from drizzle's
 * table and column objects), returned as typed rows. Row order is not promised: sort in the caller.
 */
export async function selectJsonRows<S extends Spec>(spec: S, from: SQL): Promise<RowOf<S>[]> {
  const keys = Object.keys(spec);
  const columns = sql.join(
    keys.map((k) => sql`${spec[k]![0]}`),
    sql`, `,
  );
  const row = await (await db()).get<{ rows: string | null }>(sql`SELECT json_group_array(json_array(${columns})) AS rows ${from}`);
  const arrays = JSON.parse(row?.rows ?? '[]') as unknown[][];
  return arrays.map((values) => {
    const out: Record<string, unknown> = {};
    keys.forEach((k, i) => (out[k] = spec[k]![1](values[i])));
    return out as RowOf<S>;
  });
}
