/**
 * The embedded file's read path (db/read-connection.ts): plain SELECTs on a connection of their own
 * with kept prepared statements, everything else on the client's connection. These pin down what
 * the rest of the code relies on: the rows' shape, fresh reads after writes and transactions,
 * exact integers, and that nothing can write through the read connection.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type OpenDatabase } from '../../db/client';
import { isPlainRead, openReadConnection } from '../../db/read-connection';
import { closeDatabase, prepared, useDatabase } from '../../src/lib/server/db';

const item = sqliteTable('item', { id: text().primaryKey(), n: integer().notNull(), at: integer({ mode: 'timestamp_ms' }) });

const dir = mkdtempSync(join(tmpdir(), 'goodwill-reads-'));
let open: OpenDatabase;

beforeAll(async () => {
  open = openDatabase(`file:${join(dir, 'reads.db')}`);
  await open.ready;
  await open.client.execute('create table item (id text primary key, n integer not null, at integer, data blob)');
  await open.client.execute("insert into item (id, n, at) values ('a', 1, 1767225600000), ('b', 2, null)");
});
afterAll(() => {
  open.client.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('which statements take the read connection', () => {
  it.each([
    ['select 1', true],
    ['  SELECT id FROM item', true],
    ['(select 1) union all (select 2)', true],
    ['with t as (select 1) select * from t', true],
    ['with t as (select 1) insert into item select * from t', false],
    ["insert into item (id, n) values ('x', 1)", false],
    ['update item set n = 2', false],
    ['delete from item', false],
    ['PRAGMA foreign_keys', false],
    ['VACUUM INTO ?', false],
    ['', false],
  ])('%j → %s', (statement, expected) => {
    expect(isPlainRead(statement)).toBe(expected);
  });
});

describe('rows', () => {
  it('give each value by index and by column name, the first column of a name winning', async () => {
    const { rows, columns } = await open.client.execute("select id, n, id as n, 'x' as length from item where id = 'a'");
    expect(columns).toEqual(['id', 'n', 'n', 'length']);
    const row = rows[0]!;
    expect([row[0], row[1], row[2], row[3]]).toEqual(['a', 1, 'a', 'x']);
    expect(row.length).toBe(4);
    expect(row.id).toBe('a');
    expect(row.n).toBe(1);
    expect(Array.prototype.slice.call(row)).toEqual(['a', 1, 'a', 'x']);
  });

  it('work with drizzle selects (typed columns) and raw SQL (by name)', async () => {
    const rows = await open.db.select().from(item).orderBy(item.id);
    expect(rows).toEqual([
      { id: 'a', n: 1, at: new Date(1767225600000) },
      { id: 'b', n: 2, at: null },
    ]);
    const raw = await open.db.all<{ id: string; n: number }>(sql`select id, n from item order by id`);
    expect(raw.map((r) => [r.id, r.n])).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
  });

  it('return blobs as ArrayBuffers and refuse integers a JavaScript number cannot hold', async () => {
    await open.client.execute({ sql: "insert into item (id, n, data) values ('blob', ?, ?)", args: [Number.MAX_SAFE_INTEGER, new Uint8Array([1, 2, 3])] });
    const { rows } = await open.client.execute("select n, data from item where id = 'blob'");
    expect(rows[0]!.n).toBe(Number.MAX_SAFE_INTEGER);
    expect(new Uint8Array(rows[0]!.data as ArrayBuffer)).toEqual(new Uint8Array([1, 2, 3]));
    await open.client.execute("insert into item (id, n) values ('huge', 9007199254740993)");
    await expect(open.client.execute("select n from item where id = 'huge'")).rejects.toThrow(RangeError);
    await open.client.execute("delete from item where id in ('blob', 'huge')");
  });
});

describe('freshness and safety', () => {
  it('sees what the write connection committed, and nothing of a rolled-back transaction', async () => {
    const count = async () => Number((await open.client.execute('select count(*) as n from item')).rows[0]!.n);
    const before = await count();
    await open.db.transaction(async (tx) => {
      await tx.insert(item).values({ id: 'committed', n: 3 });
    });
    expect(await count()).toBe(before + 1);
    await expect(
      open.db.transaction(async (tx) => {
        await tx.insert(item).values({ id: 'rolled-back', n: 4 });
        throw new Error('stop');
      }),
    ).rejects.toThrow('stop');
    expect(await count()).toBe(before + 1);
    await open.db.delete(item).where(eq(item.id, 'committed'));
    expect(await count()).toBe(before);
  });

  it('can be left out, for a process that takes the file out of WAL mode', async () => {
    const single = openDatabase(`file:${join(dir, 'single.db')}`, undefined, { readConnection: false });
    try {
      await single.ready;
      await single.client.execute('create table t (n integer)');
      expect((await single.client.execute('select count(*) as n from t')).rows[0]!.n).toBe(0);
      expect((await single.client.execute('PRAGMA journal_mode = OFF')).rows[0]![0]).toBe('off');
      expect((await single.client.execute('PRAGMA journal_mode = WAL')).rows[0]![0]).toBe('wal');
    } finally {
      single.client.close();
    }
  });

  it('reports a failing read as a libSQL error and keeps serving the next', async () => {
    await expect(open.client.execute("select json_extract('not json', '$.a')")).rejects.toMatchObject({ code: 'SQLITE_ERROR' });
    expect((await open.client.execute('select 2 as two')).rows[0]!.two).toBe(2);
  });

  it('opens its connection with the same libsql package as @libsql/client: one SQLite in the process', () => {
    const require = createRequire(import.meta.url);
    const fromClient = createRequire(require.resolve('@libsql/client'));
    expect(fromClient.resolve('libsql')).toBe(require.resolve('libsql'));
  });

  it('refuses to write through the read connection', () => {
    const reads = openReadConnection(join(dir, 'reads.db'), 1_000);
    try {
      // A statement that returns rows and writes: only query_only stands between it and the file.
      expect(() => reads.execute("insert into item (id, n) values ('sneaky', 1) returning id")).toThrow(/readonly|read-only|query_only|attempt to write/i);
      expect(reads.execute("select count(*) as n from item where id = 'sneaky'").rows[0]!.n).toBe(0);
    } finally {
      reads.close();
    }
  });
});

describe('prepared', () => {
  it('builds once per database handle, so switching handles switches databases', async () => {
    const other = openDatabase(`file:${join(dir, 'other.db')}`);
    await other.ready;
    await other.client.execute('create table item (id text primary key, n integer not null, at integer, data blob)');
    await other.client.execute("insert into item (id, n) values ('z', 26)");
    const byId = prepared((d) => d.select({ n: item.n }).from(item).where(eq(item.id, sql.placeholder('id'))).prepare());
    try {
      useDatabase(open);
      expect(await (await byId()).all({ id: 'a' })).toEqual([{ n: 1 }]);
      useDatabase(other);
      expect(await (await byId()).all({ id: 'z' })).toEqual([{ n: 26 }]);
      expect(await (await byId()).all({ id: 'a' })).toEqual([]);
    } finally {
      closeDatabase();
    }
  });
});
