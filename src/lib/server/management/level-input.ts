/**
 * The authority-level form: strings from the page into the domain's level, whose own schema
 * (authorityLevelSchema) has the last word on what a sensible level is. The discount limit is entered
 * as a percentage (10 means 10 %) because that is how managers say it.
 */
import { z } from 'zod';
import { authorityLevelSchema, type AuthorityLevelInput } from '../../domain/authority';
import type { AuthorityLevelRow } from '../../../../db/schema';
import { fieldErrors, type FormValues } from '../forms';

const number = (message: string) => z.string().trim().regex(/^\d+(\.\d+)?$/, message).transform(Number);

export const levelFormSchema = z.object({
  /** What staff and managers call the level, such as "Up to 10 % or £150". */
  name: z.string(),
  /** Its place on the ladder: higher allows more; 0 is no authority. */
  rank: z.string().trim().regex(/^\d+$/, 'Rank is a whole number, 0 or more.').transform(Number),
  /** The largest price cut, in percent of the sale's list value. */
  maxDiscount: number('Enter the discount limit as a percentage, such as 10.').transform((p) => p / 100),
  /** The largest cost to the business of one deal's concessions, in pounds. */
  maxValue: z.string().trim().transform((s) => s.replace(/^£/, '')).pipe(number('Enter the value limit in pounds, such as 150.')),
  allowedConcessions: z.array(z.string()),
  requiredCriteria: z.array(z.string()),
});

/** Repeated checkbox values. */
export const levelLists = (form: FormData) => ({
  allowedConcessions: form.getAll('allowedConcessions').map(String),
  requiredCriteria: form.getAll('requiredCriteria').map(String),
});

export type LevelFields = Omit<AuthorityLevelInput, 'id'>;

/** Checks the posted level; the domain schema's messages become field messages. */
export function readLevel(values: FormValues, lists: ReturnType<typeof levelLists>): { ok: true; level: LevelFields } | { ok: false; errors: Record<string, string> } {
  const form = levelFormSchema.safeParse({ ...values, ...lists });
  if (!form.success) return { ok: false, errors: fieldErrors(form.error) };
  // The id is not edited here; a placeholder satisfies the schema's shape.
  const level = authorityLevelSchema.safeParse({ id: 'level', ...form.data });
  if (!level.success) {
    const errors = fieldErrors(level.error);
    return { ok: false, errors: Object.fromEntries(Object.entries(errors).map(([k, m]) => [k.split('.')[0] ?? k, sentence(m)])) };
  }
  const { id: _id, ...fields } = level.data;
  return { ok: true, level: fields };
}

const sentence = (m: string) => `${m.charAt(0).toUpperCase()}${m.slice(1)}${m.endsWith('.') ? '' : '.'}`;

/** A level row as form values, for the edit form. */
export function levelValues(row: Pick<AuthorityLevelRow, 'name' | 'rank' | 'maxDiscount' | 'maxValue'>): FormValues {
  return { name: row.name, rank: String(row.rank), maxDiscount: String(Number((row.maxDiscount * 100).toFixed(2))), maxValue: String(row.maxValue) };
}
