import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from './support/test-db';

const database = useTestDatabase();

// Every formal record: the database itself must refuse to change or remove it.
const appendOnly = ['audit_event', 'evidence_version', 'decision', 'quality_sample', 'sign_off', 'authority_grant', 'authority_acknowledgement', 'register_entry', 'approach_version'];

describe('append-only tables', () => {
  it.each(appendOnly)('%s has its update and delete triggers', async (table) => {
    const rows = await database.current().db.all<{ name: string; sql: string }>(sql`select name, sql from sqlite_master where type = 'trigger' and tbl_name = ${table}`);
    expect(rows.map((r) => r.name).filter((n) => n.startsWith(`${table}_no_`)).sort()).toEqual([`${table}_no_delete`, `${table}_no_update`]);
    // Any other trigger only follows an insert (the sampling counts follow decisions and samples).
    for (const other of rows.filter((r) => !r.name.startsWith(`${table}_no_`))) expect(other.sql, other.name).toMatch(/\bAFTER INSERT ON\b/i);
  });

  it('foreign keys are enforced on the connection', async () => {
    const [row] = await database.current().db.all<{ foreign_keys: number }>(sql`pragma foreign_keys`);
    expect(row?.foreign_keys).toBe(1);
    await expect(database.current().client.execute("insert into session (id, user_id, created_at, last_seen_at, expires_at) values ('s', 'no-such-user', 0, 0, 0)")).rejects.toThrow(/FOREIGN KEY/);
  });

  it('the embedded file runs in WAL mode with synchronous=FULL', async () => {
    const [mode] = await database.current().db.all<{ journal_mode: string }>(sql`pragma journal_mode`);
    const [sync] = await database.current().db.all<{ synchronous: number }>(sql`pragma synchronous`);
    expect(mode?.journal_mode).toBe('wal');
    expect(sync?.synchronous).toBe(2);
  });
});
