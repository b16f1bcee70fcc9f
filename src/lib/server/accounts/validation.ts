import { z } from 'zod';
import { brandImages } from '../../domain/roles';
import { passwordWeakness, passwordWeaknessMessages } from '../auth/password-policy';

/**
 * Every password a person sets (invitation, admin-made account, password change) passes here: long
 * enough to resist guessing, short enough for argon2 to hash quickly, and not one attackers try first
 * (common passwords and this service's own name: ../auth/password-policy.ts).
 */
export const passwordSchema = z
  .string()
  .min(12, 'Use at least 12 characters.')
  .max(128, 'Use at most 128 characters.')
  .superRefine((password, ctx) => {
    if (password.length < 12 || password.length > 128) return;
    const weakness = passwordWeakness(password);
    if (weakness) ctx.addIssue({ code: 'custom', message: passwordWeaknessMessages[weakness] });
  });

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, 'Enter an email address.')
  .max(254, 'That email address is too long.')
  .pipe(z.email('Enter an email address like name@example.com.'));

export const nameSchema = z.string().trim().min(1, 'Enter a name.').max(100, 'Use at most 100 characters.');

export const signInSchema = z.object({
  /** The account's email; case does not matter. */
  email: z.string().trim().min(1, 'Enter your email address.').max(254, 'That email address is too long.'),
  /** Checked against the stored argon2id hash; never logged. */
  password: z.string().min(1, 'Enter your password.').max(128, 'That password is too long.'),
});

export const organisationSchema = z.object({
  /** The shop's trading name. */
  name: nameSchema,
  /** How the shop positions itself; shapes which special terms suit it. */
  brandImage: z.enum(brandImages, { message: 'Choose value, mid-market or premium.' }),
});

export const staffAccountSchema = z.object({
  name: nameSchema,
  email: emailSchema,
  /** Admins create assessors and managers; learners join by a manager's invitation. */
  role: z.enum(['assessor', 'manager'], { message: 'Choose assessor or manager.' }),
  /** Required for a manager, ignored for an assessor. */
  organisationId: z.string().optional(),
  password: passwordSchema,
});

export const invitationSchema = z.object({
  name: nameSchema,
  email: emailSchema,
});

export const redeemSchema = z
  .object({
    password: passwordSchema,
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'The two passwords do not match.' });

export const assignmentSchema = z.object({
  assessorId: z.string().min(1, 'Choose an assessor.'),
  /** The learner by email: a list of every learner would be thousands of options. */
  learnerEmail: emailSchema,
});
