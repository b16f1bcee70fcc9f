/**
 * Migrations on a real libSQL file: two servers starting at once on an empty database both apply them
 * without either failing, each migration is recorded once, and a broken migration still fails.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readdirSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/client';
import { MIGRATIONS_FOLDER, migrateDatabase } from '../../db/migrate';

const dir = mkdtempSync(join(tmpdir(), 'goodwill-migrate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('migrateDatabase', () => {
  it('lets two servers migrate one empty database at the same moment', async () => {
    const url = `file:${join(dir, 'race.db')}`;
    const [a, b] = [openDatabase(url), openDatabase(url)];
    await Promise.all([a.ready, b.ready]);
    await expect(Promise.all([migrateDatabase(a.db), migrateDatabase(b.db)])).resolves.toBeDefined();
    const applied = await a.db.all<{ n: number }>(sql`SELECT count(*) AS n FROM __drizzle_migrations`);
    expect(applied[0]?.n).toBe(readdirSync(MIGRATIONS_FOLDER).filter((f) => f.endsWith('.sql')).length);
    const tables = await a.db.all<{ name: string }>(sql`SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'evidence_item'`);
    expect(tables).toHaveLength(1);
    a.client.close();
    b.client.close();
  });

  it('still fails, with the database error, when the database cannot take the migrations', async () => {
    const url = `file:${join(dir, 'broken.db')}`;
    const open = openDatabase(url);
    await open.ready;
    // A table in the way of the first migration, so it cannot be applied however often it is tried.
    await open.client.execute('CREATE TABLE organisation (x)');
    await expect(migrateDatabase(open.db)).rejects.toThrow(/already exists/);
    open.client.close();
  });
});
