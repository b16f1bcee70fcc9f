import { and, desc, eq } from 'drizzle-orm';
import { reflection, reflectionVersion, scenarioAttempt, type Reflection } from '../../../../db/schema';
import { db } from '../db';
import { newId } from '../ids';

export async function createReflection(userId: string, input: { title: string; criteria: string[]; scenarioAttemptId?: string | null; body?: string }, now: Date): Promise<string> {
  const d = await db();
  // A reflection may only point at the learner's own negotiation.
  let attemptId: string | null = null;
  if (input.scenarioAttemptId) {
    const [own] = await d.select({ id: scenarioAttempt.id }).from(scenarioAttempt).where(and(eq(scenarioAttempt.id, input.scenarioAttemptId), eq(scenarioAttempt.userId, userId)));
    attemptId = own?.id ?? null;
  }
  const id = newId();
  await d.transaction(async (tx) => {
    await tx.insert(reflection).values({ id, userId, title: input.title, criteria: input.criteria, scenarioAttemptId: attemptId, currentVersion: input.body ? 1 : 0, createdAt: now, updatedAt: now });
    if (input.body) await tx.insert(reflectionVersion).values({ reflectionId: id, version: 1, body: input.body, savedAt: now });
  });
  return id;
}

export interface ReflectionWithText extends Reflection {
  body: string;
}

/** The learner's own reflection with its latest text; anyone else's is as good as missing. */
export async function ownReflection(userId: string, id: string): Promise<ReflectionWithText | null> {
  const d = await db();
  const [r] = await d.select().from(reflection).where(and(eq(reflection.id, id), eq(reflection.userId, userId)));
  if (!r) return null;
  const [v] = await d.select({ body: reflectionVersion.body }).from(reflectionVersion).where(and(eq(reflectionVersion.reflectionId, id), eq(reflectionVersion.version, r.currentVersion)));
  return { ...r, body: v?.body ?? '' };
}

export async function listReflections(userId: string) {
  return (await db()).select().from(reflection).where(eq(reflection.userId, userId)).orderBy(desc(reflection.updatedAt));
}

export async function reflectionVersions(reflectionId: string) {
  return (await db()).select().from(reflectionVersion).where(eq(reflectionVersion.reflectionId, reflectionId)).orderBy(desc(reflectionVersion.version));
}

export type SaveResult = { type: 'saved'; version: number; savedAt: Date } | { type: 'conflict'; version: number; body: string } | { type: 'not-found' } | { type: 'unchanged'; version: number };

/**
 * Saves a new version when the text was edited from the current one. If another tab saved first, the
 * save is refused and the caller gets the newer text to merge: nothing is overwritten silently.
 */
export async function saveReflection(userId: string, id: string, input: { baseVersion: number; body: string; title?: string; criteria?: string[] }, now: Date): Promise<SaveResult> {
  const current = await ownReflection(userId, id);
  if (!current) return { type: 'not-found' };
  if (current.currentVersion !== input.baseVersion) return { type: 'conflict', version: current.currentVersion, body: current.body };
  const metaChanged = (input.title !== undefined && input.title !== current.title) || (input.criteria !== undefined && input.criteria.join() !== current.criteria.join());
  if (input.body === current.body && !metaChanged) return { type: 'unchanged', version: current.currentVersion };
  const version = current.currentVersion + 1;
  const d = await db();
  const saved = await d.transaction(async (tx) => {
    const rows = await tx
      .update(reflection)
      .set({ currentVersion: version, updatedAt: now, ...(input.title ? { title: input.title } : {}), ...(input.criteria ? { criteria: input.criteria } : {}) })
      .where(and(eq(reflection.id, id), eq(reflection.currentVersion, input.baseVersion)))
      .returning({ id: reflection.id });
    if (rows.length === 0) return false;
    await tx.insert(reflectionVersion).values({ reflectionId: id, version, body: input.body, savedAt: now });
    return true;
  });
  if (!saved) {
    const latest = await ownReflection(userId, id);
    return { type: 'conflict', version: latest?.currentVersion ?? 0, body: latest?.body ?? '' };
  }
  return { type: 'saved', version, savedAt: now };
}
