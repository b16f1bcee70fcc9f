import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { openDatabase, type OpenDatabase } from '../../../db/client';
import { migrateDatabase } from '../../../db/migrate';
import { seedDemo } from '../../../db/seed';
import { closeDatabase, useDatabase } from '../../../src/lib/server/db';

/**
 * A real libSQL file per suite, with every migration applied, wired in as the database the services
 * use. `seed` adds the demo organisation.
 */
export function useTestDatabase(options: { seed?: boolean } = {}): { current: () => OpenDatabase } {
  let dir = '';
  let open: OpenDatabase | undefined;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'goodwill-db-'));
    open = openDatabase(`file:${join(dir, 'test.db')}`);
    await open.ready;
    await migrateDatabase(open.db);
    if (options.seed) await seedDemo(open.db, new Date());
    useDatabase(open);
  });
  afterAll(() => {
    closeDatabase();
    rmSync(dir, { recursive: true, force: true });
  });
  return {
    current: () => {
      if (!open) throw new Error('database not ready');
      return open;
    },
  };
}
