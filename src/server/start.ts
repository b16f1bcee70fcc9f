/**
 * `npm start`: build when needed, open and migrate the database (stopping with a clear message when it
 * cannot be), seed the demo organisation into an empty database, then serve until SIGTERM: in this
 * process, or in one worker process per core (processes.ts, cluster.ts) with this one supervising.
 */
import cluster from 'node:cluster';
import { DEFAULT_DATABASE_URL, describeDatabaseUrl, openDatabase } from '../../db/client';
import { migrateDatabase } from '../../db/migrate';
import { DEMO_PASSWORD, demoAccounts, isEmpty, seedDemo } from '../../db/seed';
import { badgeKeySecret } from '../lib/server/badges';
import { buildIfStale } from './build-if-stale';
import { reportListenerClosed, superviseWorkers } from './cluster';
import { processCount } from './processes';
import { serve } from './serve';

const port = Number(process.env.PORT ?? 4321);
const host = process.env.HOST ?? 'localhost';
const signals = ['SIGTERM', 'SIGINT'] as const;
/** Printed once nothing accepts connections any more (tests and operators wait for it). */
const announceClosed = (signal: NodeJS.Signals) => console.log(`${signal}: no longer accepting; finishing in-flight requests, then stopping.`);

/** Serves in this process until a signal, then finishes in-flight requests and exits. */
async function serveHere(): Promise<string> {
  const server = await serve({
    port,
    host,
    onClose: () => (globalThis as Record<symbol, { client: { close(): void } } | undefined>)[Symbol.for('goodwill.database')]?.client.close(),
  });
  let closing: Promise<void> | undefined;
  for (const signal of signals) {
    // `on`, not `once`: a second signal (Ctrl-C reaches every process of the group, and the supervisor
    // forwards it too) must not fall back to the default action and cut the in-flight requests.
    process.on(signal, () => {
      if (closing) return;
      closing = server.close();
      reportListenerClosed();
      if (cluster.isPrimary) announceClosed(signal);
      void closing.then(() => process.exit(0));
    });
  }
  return server.url;
}

if (cluster.isWorker) {
  await serveHere();
} else {
  const processes = processCount(process.env.WEB_CONCURRENCY);
  if (!processes.ok) {
    console.error(`Goodwill cannot start: ${processes.message}`);
    process.exit(1);
  }
  try {
    badgeKeySecret();
  } catch (error) {
    console.error(`Goodwill cannot start: ${(error as Error).message}.`);
    process.exit(1);
  }
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

  let served: string;
  if (processes.count === 1) {
    served = await serveHere();
  } else {
    const supervisor = await superviseWorkers(processes.count).catch((error: Error) => {
      console.error(`Goodwill cannot start: ${error.message}.`);
      process.exit(1);
    });
    let stopping = false;
    for (const signal of signals) {
      process.on(signal, () => {
        if (stopping) return;
        stopping = true;
        void supervisor
          .stop(signal, () => announceClosed(signal))
          .then(() => process.exit(0));
      });
    }
    served = `http://${host}:${port}`;
  }

  console.log(`Goodwill is serving on ${served}${processes.count > 1 ? ` (${processes.count} server processes)` : ''}`);
  if (seedWanted) {
    console.log(seeded ? 'Seeded the demo organisation.' : 'Demo organisation already present.');
    console.log(`Demo sign-ins (password ${DEMO_PASSWORD}):`);
    for (const a of demoAccounts) console.log(`  ${a.role.padEnd(9)} ${a.email}`);
  }
}
