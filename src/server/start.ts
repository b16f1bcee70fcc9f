/**
 * `npm start`: build when needed, open and migrate the database (stopping with a clear message when it
 * cannot be), seed the demo organisation into an empty database, then serve until SIGTERM.
 */
import { DEFAULT_DATABASE_URL, describeDatabaseUrl, openDatabase } from '../../db/client';
import { migrateDatabase } from '../../db/migrate';
import { DEMO_PASSWORD, demoAccounts, isEmpty, seedDemo } from '../../db/seed';
import { buildIfStale } from './build-if-stale';
import { serve } from './serve';

buildIfStale();

const url = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
const open = openDatabase(url, process.env.DATABASE_AUTH_TOKEN);
try {
  await open.ready;
  await migrateDatabase(open.db);
} catch (error) {
  console.error(`Goodwill cannot start: the database at ${describeDatabaseUrl(url)} could not be opened or migrated: ${(error as Error).message}`);
  process.exit(1);
}

const production = process.env.NODE_ENV === 'production';
const seedWanted = process.env.SEED_DEMO !== 'false' && !production;
const seeded = seedWanted && (await isEmpty(open.db)) ? (await seedDemo(open.db, new Date()), true) : false;
open.client.close();

const port = Number(process.env.PORT ?? 4321);
const host = process.env.HOST ?? 'localhost';
const server = await serve({
  port,
  host,
  onClose: () => (globalThis as Record<symbol, { client: { close(): void } } | undefined>)[Symbol.for('goodwill.database')]?.client.close(),
});

console.log(`Goodwill is serving on ${server.url}`);
if (seedWanted) {
  console.log(seeded ? 'Seeded the demo organisation.' : 'Demo organisation already present.');
  console.log(`Demo sign-ins (password ${DEMO_PASSWORD}):`);
  for (const a of demoAccounts) console.log(`  ${a.role.padEnd(9)} ${a.email}`);
}

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    // Printed once the listener is closed, so the line reliably means "no longer accepting".
    const closing = server.close();
    console.log(`${signal}: no longer accepting; finishing in-flight requests, then stopping.`);
    void closing.then(() => process.exit(0));
  });
}
