/**
 * The "log a special term" form: zod for the plain fields, the domain for the concessions. Dates are
 * entered and stored in UTC (the form says so), so a term's moment never depends on a server's zone.
 */
import { z } from 'zod';
import { buildConcessions } from '../../domain/register';
import type { FormValues } from '../forms';
import { fieldErrors } from '../forms';
import type { TermInput } from './register';

const money = (label: string) =>
  z
    .string()
    .trim()
    .transform((s) => s.replace(/^£/, ''))
    .pipe(z.string().regex(/^-?\d+(\.\d{1,2})?$/, `Enter the ${label} in pounds, such as 149.99.`))
    .transform(Number);

export const termFormSchema = z.object({
  /** Made when the form was rendered: a second post of the same form finds the entry already there. */
  id: z.uuid('That form has expired; reload the page and try again.'),
  /** The customer's reference in the shop's records (the same id as in the sales data), or a name. */
  customerRef: z.string().trim().min(1, 'Enter the customer or a reference for them.').max(100, 'Keep the customer reference under 100 characters.'),
  /** The till receipt or order number of the sale the term was attached to. */
  saleReference: z.string().trim().max(100, 'Keep the sale reference under 100 characters.').optional(),
  /** List price of one unit, before any concession. */
  price: money('price'),
  /** What one unit cost the shop. */
  unitCost: money('unit cost'),
  quantity: z
    .string()
    .trim()
    .regex(/^-?\d+$/, 'Enter the quantity as a whole number.')
    .transform(Number),
  /** Why the term was given: the customer's need, the risk of losing the sale, the relationship. */
  reason: z.string().trim().min(10, 'Say why the term was given, in a sentence or more.').max(2_000, 'Keep the reason under 2,000 characters.'),
  /** When it was agreed with the customer, as YYYY-MM-DDTHH:MM (seconds optional) in UTC. */
  agreedAt: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, 'Enter the date and time the term was agreed.')
    .transform((s) => (s.length === 16 ? `${s}:00` : s))
    // Date rolls 30 February over into March; reading the value back catches impossible dates.
    .refine((s) => !Number.isNaN(Date.parse(`${s}Z`)) && new Date(`${s}Z`).toISOString().startsWith(s), 'That is not a real date and time.')
    .transform((s) => new Date(`${s}Z`)),
  /** Ticked when the term was referred to a manager, who approved it. */
  referred: z.literal('on').optional(),
});

/** Reads the posted fields into a term, or a message for each bad field. */
export function readTerm(values: FormValues): { ok: true; term: TermInput } | { ok: false; errors: Record<string, string> } {
  const parsed = termFormSchema.safeParse(values);
  const concessions = buildConcessions(values);
  const errors = { ...(parsed.success ? {} : fieldErrors(parsed.error)), ...(concessions.ok ? {} : concessions.errors) };
  if (!parsed.success || !concessions.ok) return { ok: false, errors };
  const f = parsed.data;
  return {
    ok: true,
    term: {
      id: f.id,
      customerRef: f.customerRef,
      concessions: concessions.concessions,
      sale: { price: f.price, unitCost: f.unitCost, quantity: f.quantity, ...(f.saleReference ? { reference: f.saleReference } : {}) },
      reason: f.reason,
      referred: f.referred === 'on',
      agreedAt: f.agreedAt,
    },
  };
}

/** A practice term's form: the concessions and sale come from the attempt, not from the person. */
export const practiceFormSchema = termFormSchema.pick({ id: true, customerRef: true, reason: true, agreedAt: true });

/** "2026-05-04T09:30" for a datetime-local field, in UTC. */
export function toDateTimeLocal(d: Date): string {
  return d.toISOString().slice(0, 16);
}
