import { migrate } from 'drizzle-orm/libsql/migrator';
import { fileURLToPath } from 'node:url';
import type { Database } from './client';

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url));

/** Waits before each retry: enough for another server's migrations (milliseconds) to commit. */
const RETRY_DELAYS_MS = [200, 1_000];

/**
 * Applies every migration not yet applied; drizzle records them in its own table.
 *
 * drizzle reads which migrations are applied before it opens the transaction that applies the rest,
 * so two servers starting at once on an empty database can both decide to apply them, and the second
 * fails ("table … already exists") once the first has committed. Applying again settles it: the second
 * attempt reads the first server's record and has nothing left to do. A migration that is itself broken
 * fails every attempt, and its error is the one reported.
 */
export async function migrateDatabase(db: Database): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
      return;
    } catch (error) {
      const delay = RETRY_DELAYS_MS[attempt];
      if (delay === undefined) throw error;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
