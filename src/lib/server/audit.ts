import { auditEvent } from '../../../db/schema';
import type { Database } from '../../../db/client';
import { db } from './db';

type Executor = Pick<Database, 'insert'>;

/**
 * Appends to the audit history (the table refuses updates and deletes). Pass the transaction when the
 * event belongs to a write, so both commit or neither does. Never put a token or password in `detail`.
 */
export async function audit(
  event: { actorId: string | null; action: string; subjectId?: string | null; detail?: Record<string, unknown> },
  now: Date,
  executor?: Executor,
): Promise<void> {
  const target = executor ?? (await db());
  await target.insert(auditEvent).values({ at: now, actorId: event.actorId, action: event.action, subjectId: event.subjectId ?? null, detail: event.detail ?? null });
}
