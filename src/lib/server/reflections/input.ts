import { z } from 'zod';
import { isCriterionId } from '../../domain/criteria';

export const REFLECTION_MAX_CHARS = 20_000;

const criteriaField = z.array(z.string()).max(17).transform((list) => [...new Set(list)].filter(isCriterionId));

/** A new reflection: its title and the criteria the learner means it to evidence. */
export const newReflectionSchema = z.object({
  title: z.string().trim().min(3, 'Give your reflection a short title.').max(120, 'Keep the title under 120 characters.'),
  criteria: criteriaField,
  fromAttempt: z.string().max(100).optional(),
});

/** An autosave or a plain-form save. `baseVersion` is the version the text was edited from. */
export const saveReflectionSchema = z.object({
  baseVersion: z.coerce.number().int().min(0),
  body: z
    .string()
    .max(REFLECTION_MAX_CHARS, `Your reflection is over ${REFLECTION_MAX_CHARS.toLocaleString('en-GB')} characters. Shorten it to save; your text is kept here.`)
    .refine((s) => s.trim().length > 0, 'Your reflection is empty. Write something to save; nothing has been lost.'),
  title: z.string().trim().min(3, 'Give your reflection a short title.').max(120, 'Keep the title under 120 characters.').optional(),
  criteria: criteriaField.optional(),
});
