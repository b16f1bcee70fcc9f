/**
 * Rows read as one JSON value (src/lib/server/json-rows.ts) must come back exactly as drizzle's own
 * select returns them: the same rows, each value decoded to the same type.
 */
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { evidenceItem, evidenceVersion, learnerEvidenceState } from '../../db/schema';
import { bool, date, embedded, nullable, number, parsed, preparedJsonRows, selectJsonRows, text } from '../../src/lib/server/json-rows';
import { useTestDatabase } from './support/test-db';

const database = useTestDatabase({ seed: true });

describe('selectJsonRows', () => {
  it('returns what drizzle returns: text, numbers, dates, nulls and embedded JSON', async () => {
    const d = database.current().db;
    const expected = await d
      .select({ id: evidenceItem.id, title: evidenceItem.title, version: evidenceItem.currentVersion, submittedAt: evidenceItem.submittedAt, sourceId: evidenceItem.sourceId, claims: evidenceVersion.claims })
      .from(evidenceItem)
      .innerJoin(evidenceVersion, eq(evidenceVersion.evidenceId, evidenceItem.id))
      .where(eq(evidenceItem.learnerId, 'user-learner'));
    expect(expected.length).toBeGreaterThan(1);
    const rows = await selectJsonRows(
      { id: [evidenceItem.id, text], title: [evidenceItem.title, text], version: [evidenceItem.currentVersion, number], submittedAt: [evidenceItem.submittedAt, nullable(date)], sourceId: [evidenceItem.sourceId, nullable(text)], claims: [embedded(evidenceVersion.claims), parsed<string[]>()] },
      sql`FROM ${evidenceItem} JOIN ${evidenceVersion} ON ${eq(evidenceVersion.evidenceId, evidenceItem.id)} WHERE ${eq(evidenceItem.learnerId, 'user-learner')}`,
    );
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    expect(rows.sort(byId)).toEqual(expected.sort(byId));
    expect(rows.every((r) => r.submittedAt instanceof Date && Array.isArray(r.claims))).toBe(true);
  });

  it('gives an empty list for no rows, and reads booleans and nulls', async () => {
    expect(await selectJsonRows({ id: [learnerEvidenceState.learnerId, text] }, sql`FROM ${learnerEvidenceState} WHERE ${eq(learnerEvidenceState.learnerId, 'nobody')}`)).toEqual([]);
    const [row] = await selectJsonRows({ yes: [sql`1`, bool], no: [sql`0`, bool], missing: [sql`NULL`, nullable(text)] }, sql``);
    expect(row).toEqual({ yes: true, no: false, missing: null });
  });

  it('built once with placeholders, reads what the one-off statement reads, for each value it is given', async () => {
    const spec = { id: [evidenceItem.id, text], title: [evidenceItem.title, text], submittedAt: [evidenceItem.submittedAt, nullable(date)], claims: [embedded(evidenceItem.claims), parsed<string[]>()] } as const;
    const items = preparedJsonRows(spec, sql`FROM ${evidenceItem} WHERE ${eq(evidenceItem.learnerId, sql.placeholder('learnerId'))}`);
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    for (const learnerId of ['user-learner', 'user-learner2', 'nobody']) {
      const expected = await selectJsonRows(spec, sql`FROM ${evidenceItem} WHERE ${eq(evidenceItem.learnerId, learnerId)}`);
      expect((await items({ learnerId })).sort(byId), learnerId).toEqual(expected.sort(byId));
    }
    expect((await items({ learnerId: 'user-learner' })).length).toBeGreaterThan(1);
    expect(await items({ learnerId: 'nobody' })).toEqual([]);
  });
});
