/** The approach and review forms. */
import { z } from 'zod';

const text = (label: string, max = 5_000) => z.string().trim().min(3, `Write something for ${label}.`).max(max, `Keep ${label} under ${max.toLocaleString('en-GB')} characters.`);

export const approachSchema = z.object({
  /** Who the shop most wants to keep and win: its customer segments (K1). */
  segments: text('the target segments'),
  /** Which special terms suit which segments and products, and which do not (P2, K2). */
  termsBySegment: text('which terms suit whom'),
  /** What competitors are doing that customers compare the shop with (K1, K8). */
  competitorNotes: text('the competitor notes'),
  /** What the brand stands for, which bounds the terms that fit it (P1). */
  brandPosition: text('the brand position'),
  /** What changed from the version before, and why. */
  changeSummary: text('what changed and why', 2_000),
  /** The version the editor started from; a different latest version means someone saved meanwhile. */
  basedOn: z.coerce.number().int().min(0),
});

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a date.')
  .refine((s) => new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'That is not a real date.');

export const scheduleSchema = z.object({ dueDate: isoDate });

export const completeSchema = z.object({
  /** What the review looked at, what it found, and what changed and why. */
  notes: z.string().trim().min(20, 'Say what the review found and what changed, and why (a few sentences).').max(5_000, 'Keep the notes under 5,000 characters.'),
  /** Ticked to save the edited approach as a new version with the review. */
  newVersion: z.literal('on').optional(),
  /** The next scheduled review; blank for none. */
  nextDueDate: z.union([z.literal(''), isoDate]).optional(),
});
