/**
 * Builds the benchmark's own database file: the app's migrations and demo organisation first, through
 * the app's own code (so the demo sign-ins work and every index of the migrations is there while the
 * rows go in), then the synthetic organisation around it through the bulk loader.
 */
import type { Client } from '@libsql/client';
import { rmSync, statSync } from 'node:fs';
import { openDatabase } from '../../db/client';
import { migrateDatabase } from '../../db/migrate';
import { seedDemo } from '../../db/seed';
import { BulkLoader, fastLoadPragmas, restoreServingPragmas } from './bulk';
import { Random } from './random';
import type { Scale } from './scale';
import { loadEvidence } from './seed-evidence';
import { loadPeople } from './seed-people';
import { loadEvidenceStates } from './seed-states';
import { loadManagement } from './seed-sales';

export interface SeedReport {
  seconds: number;
  rows: Record<string, number>;
  megabytes: number;
}

export async function createBenchDatabase(file: string, scale: Scale, now: Date): Promise<SeedReport> {
  const started = performance.now();
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
  // One connection only: the load leaves WAL mode and comes back, which needs every other one closed.
  const open = openDatabase(`file:${file}`, undefined, { readConnection: false });
  await open.ready;
  await migrateDatabase(open.db);
  await seedDemo(open.db, now);

  // The same single connection loads the rest, so the load's pragmas hold for every statement.
  await fastLoadPragmas(open.client);
  const loader = new BulkLoader(open.client);
  await loadSynthetic(loader, open.client, scale, now);
  await restoreServingPragmas(open.client);
  open.client.close();
  return { seconds: (performance.now() - started) / 1000, rows: Object.fromEntries(loader.counts), megabytes: statSync(file).size / 1_048_576 };
}

/**
 * The synthetic organisation, into a database that already holds the migrations and the demo
 * organisation. Also used by the query-plan test at its tiny scale.
 */
export async function loadSynthetic(loader: BulkLoader, client: Client, scale: Scale, now: Date): Promise<void> {
  const r = new Random(2026);
  const demo = await client.execute({ sql: 'SELECT password_hash FROM user WHERE id = ?', args: ['user-learner'] });
  const passwordHash = String(demo.rows[0]?.password_hash ?? '');
  if (!passwordHash) throw new Error('seed the demo organisation before the synthetic one');
  const people = await loadPeople(loader, scale, now, r, passwordHash);
  await loadEvidence(loader, scale, people.learners, now, r);
  await loadEvidenceStates(loader, client, now);
  await loadManagement(loader, scale, people, now, r);
  await loader.finish();
}
