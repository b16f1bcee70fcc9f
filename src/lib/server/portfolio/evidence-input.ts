import { z } from 'zod';
import { evidenceKinds } from '../../../../db/schema/portfolio';

/** The add-evidence form. Claims arrive as repeated `claims` fields; the declaration as a checkbox. */
export const evidenceFormSchema = z
  .object({
    /** Made when the form was rendered: a second post of the same form finds the item already there. */
    id: z.uuid('That form has expired; reload the page and try again.'),
    kind: z.enum(evidenceKinds, { message: 'Choose what kind of evidence this is.' }),
    sourceId: z.string().max(100).optional(),
    title: z.string().trim().max(120, 'Keep the title under 120 characters.').optional(),
    text: z.string().max(20_000, 'Keep it under 20,000 characters.').optional(),
    claims: z.array(z.string()).max(17),
    declaredOwnWork: z.literal('yes', { message: 'Confirm the declaration before you submit.' }),
  });

export const resubmitFormSchema = z.object({
  expectedVersion: z.coerce.number().int().min(1),
  claims: z.array(z.string()).max(17),
  declaredOwnWork: z.literal('yes', { message: 'Confirm that this is your own work.' }),
});

export const decisionFormSchema = z.object({
  criterion: z.string().regex(/^[PK][1-9]$/, 'Unknown criterion.'),
  version: z.coerce.number().int().min(1),
  outcome: z.enum(['met', 'not-yet'], { message: 'Choose met or not yet met.' }),
  feedback: z.string().trim().min(10, 'Write feedback the learner can act on (at least a sentence).').max(5_000, 'Keep feedback under 5,000 characters.'),
  follows: z.string().max(100),
});

/** Repeated checkbox values from the form. */
export const repeated = (form: FormData) => ({ claims: form.getAll('claims').map(String) });
