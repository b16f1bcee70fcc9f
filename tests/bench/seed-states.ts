/**
 * Each learner's stored evidence states (the `learner_evidence_state` cache the app rewrites with every
 * portfolio write), filled after the bulk load the way the app would have left them: worked out by the
 * app's own `computeEvidenceStates` from the loaded records, a batch of learners at a time.
 */
import type { Client } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import * as schema from '../../db/schema';
import { learnerEvidenceState } from '../../db/schema';
import { metMask } from '../../src/lib/domain/criterion-state';
import { computeEvidenceStates } from '../../src/lib/server/portfolio/states';
import type { BulkLoader, Row } from './bulk';

const BATCH = 500;

export async function loadEvidenceStates(loader: BulkLoader, client: Client, now: Date): Promise<void> {
  // The loader's open transaction holds the only connection: commit it before reading.
  await loader.finish();
  const d = drizzle(client, { schema, casing: 'snake_case' });
  const learners = (await client.execute("SELECT id FROM user WHERE role = 'learner' ORDER BY id")).rows.map((r) => String(r.id));
  const rows: Row<typeof learnerEvidenceState>[] = [];
  for (let i = 0; i < learners.length; i += BATCH) {
    for (const [learnerId, states] of await computeEvidenceStates(d, learners.slice(i, i + BATCH))) rows.push({ learnerId, states, metMask: metMask(states), refreshedAt: now });
  }
  // The demo seed already wrote its learner's row; the whole set is written afresh from the records.
  await client.execute('DELETE FROM learner_evidence_state');
  await loader.insert(learnerEvidenceState, rows);
}
