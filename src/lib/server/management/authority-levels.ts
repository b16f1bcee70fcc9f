/**
 * A shop's authority levels (P5, K5), as data its manager edits. A shop with none gets the default
 * ladder on first look. `lockVersion` catches two managers editing the same level: the second save is
 * refused and shown what changed, so neither edit is lost silently.
 */
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { authorityLevel, type AuthorityLevelRow } from '../../../../db/schema';
import type { AuthorityLevel, AuthorityLevelInput } from '../../domain/authority';
import type { CriterionId } from '../../domain/criteria';
import type { ConcessionType } from '../../domain/special-terms';
import { audit } from '../audit';
import { db, prepared } from '../db';
import { newId } from '../ids';
import { defaultLevelRows } from './default-levels';

export type { AuthorityLevelRow };

/** The row as the domain's level (its id is the row's id). */
export function toDomainLevel(row: AuthorityLevelRow): AuthorityLevel {
  return {
    id: row.id,
    name: row.name,
    rank: row.rank,
    maxDiscount: row.maxDiscount,
    maxValue: row.maxValue,
    allowedConcessions: row.allowedConcessions as ConcessionType[],
    requiredCriteria: row.requiredCriteria as CriterionId[],
  };
}

/** Built once: the manager's home reads the shop's levels on every visit. */
const levelQueries = prepared((d) => ({
  ofShop: d
    .select()
    .from(authorityLevel)
    .where(eq(authorityLevel.organisationId, sql.placeholder('organisationId')))
    .orderBy(asc(authorityLevel.rank), asc(authorityLevel.name))
    .prepare(),
}));

/**
 * The shop's levels in rank order, archived ones left out. The defaults are inserted with ids derived
 * from the shop, so two first visits at once insert them once.
 */
export async function shopLevels(organisationId: string, now: Date): Promise<AuthorityLevelRow[]> {
  const { ofShop } = await levelQueries();
  const read = () => ofShop.all({ organisationId });
  let rows = await read();
  if (rows.length === 0) {
    await (await db()).insert(authorityLevel).values(defaultLevelRows(organisationId, now)).onConflictDoNothing();
    rows = await read();
  }
  return rows.filter((r) => r.archivedAt === null);
}

/** One of the shop's levels, or undefined when it is not this shop's (callers answer 404). */
export async function findLevel(organisationId: string, levelId: string): Promise<AuthorityLevelRow | undefined> {
  const [row] = await (await db())
    .select()
    .from(authorityLevel)
    .where(and(eq(authorityLevel.id, levelId), eq(authorityLevel.organisationId, organisationId)));
  return row;
}

export type LevelSave = { type: 'saved'; id: string } | { type: 'conflict'; current: AuthorityLevelRow } | { type: 'not-found' };

type Actor = { id: string; organisationId: string };
type LevelFields = Omit<AuthorityLevelInput, 'id'>;

/** Saves an edit only if nobody else saved since `expectedLockVersion` was read. */
export async function updateLevel(actor: Actor, levelId: string, input: LevelFields, expectedLockVersion: number, now: Date): Promise<LevelSave> {
  const d = await db();
  return d.transaction(async (tx) => {
    const changed = await tx
      .update(authorityLevel)
      .set({ ...levelColumns(input), lockVersion: expectedLockVersion + 1, updatedAt: now })
      .where(and(eq(authorityLevel.id, levelId), eq(authorityLevel.organisationId, actor.organisationId), eq(authorityLevel.lockVersion, expectedLockVersion), isNull(authorityLevel.archivedAt)))
      .returning({ id: authorityLevel.id });
    if (changed.length === 0) {
      const [current] = await tx.select().from(authorityLevel).where(and(eq(authorityLevel.id, levelId), eq(authorityLevel.organisationId, actor.organisationId)));
      return current && current.archivedAt === null ? { type: 'conflict', current } : { type: 'not-found' };
    }
    await audit({ actorId: actor.id, action: 'authority-level-changed', subjectId: levelId, detail: { ...levelColumns(input), lockVersion: expectedLockVersion + 1 } }, now, tx);
    return { type: 'saved', id: levelId };
  });
}

export async function addLevel(actor: Actor, input: LevelFields, now: Date): Promise<string> {
  const id = newId();
  const d = await db();
  await d.transaction(async (tx) => {
    await tx.insert(authorityLevel).values({ id, organisationId: actor.organisationId, ...levelColumns(input), lockVersion: 0, updatedAt: now });
    await audit({ actorId: actor.id, action: 'authority-level-added', subjectId: id, detail: levelColumns(input) }, now, tx);
  });
  return id;
}

/**
 * Archiving hides a level from new grants; grants already made keep their own copy of its limits, so
 * nobody's authority changes under them.
 */
export async function archiveLevel(actor: Actor, levelId: string, expectedLockVersion: number, now: Date): Promise<LevelSave> {
  const d = await db();
  return d.transaction(async (tx) => {
    const changed = await tx
      .update(authorityLevel)
      .set({ archivedAt: now, lockVersion: expectedLockVersion + 1, updatedAt: now })
      .where(and(eq(authorityLevel.id, levelId), eq(authorityLevel.organisationId, actor.organisationId), eq(authorityLevel.lockVersion, expectedLockVersion), isNull(authorityLevel.archivedAt)))
      .returning({ id: authorityLevel.id });
    if (changed.length === 0) {
      const [current] = await tx.select().from(authorityLevel).where(and(eq(authorityLevel.id, levelId), eq(authorityLevel.organisationId, actor.organisationId)));
      return current && current.archivedAt === null ? { type: 'conflict', current } : { type: 'not-found' };
    }
    await audit({ actorId: actor.id, action: 'authority-level-archived', subjectId: levelId }, now, tx);
    return { type: 'saved', id: levelId };
  });
}

function levelColumns(input: LevelFields) {
  return {
    name: input.name,
    rank: input.rank,
    maxDiscount: input.maxDiscount,
    maxValue: input.maxValue,
    allowedConcessions: [...input.allowedConcessions],
    requiredCriteria: [...input.requiredCriteria],
  };
}
