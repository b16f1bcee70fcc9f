/**
 * Inputs of the effects pages: the analysis settings (a GET form, so a result can be bookmarked and
 * shared) and a calendar event.
 */
import { z } from 'zod';
import { concessionTypes } from '../../domain/special-terms';

const days = (label: string) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, `Enter the ${label} as a whole number of days.`)
    .transform(Number)
    .refine((n) => n >= 7 && n <= 365, `The ${label} must be from 7 to 365 days.`);

export const analysisSchema = z.object({
  /** The kind of special term whose effect is measured. */
  concessionType: z.enum(concessionTypes, { message: 'Choose a kind of term.' }),
  /** Days before each customer's term that count as "before". */
  beforeDays: days('before window'),
  /** Days after the term that count as "after"; the judgement waits until they have passed. */
  afterDays: days('after window'),
});

export const ANALYSIS_DEFAULTS = { concessionType: 'discount', beforeDays: '28', afterDays: '28' } as const;

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a date.')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'That is not a real date.');

export const eventSchema = z
  .object({
    /** What happened, as the manager would name it ("Spring sale", "DIY superstore opens"). */
    name: z.string().trim().min(2, 'Name the event.').max(120, 'Keep the name under 120 characters.'),
    kind: z.enum(['promotion', 'seasonal-peak', 'competitor', 'other'], { message: 'Choose what kind of event it is.' }),
    /** First and last day, inclusive. */
    startDate: isoDate,
    endDate: isoDate,
  })
  .refine((e) => e.endDate >= e.startDate, { path: ['endDate'], message: 'The last day cannot be before the first.' });
