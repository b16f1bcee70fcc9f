import type { z } from 'zod';

export type FormValues = Record<string, string>;
export type FormResult<T> = { ok: true; data: T; values: FormValues } | { ok: false; errors: Record<string, string>; values: FormValues };

/** Field values as strings (repeated names joined by the caller's schema via `getAll`). */
export async function formValues(request: Request): Promise<{ values: FormValues; form: FormData | null }> {
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return { values: {}, form: null };
  }
  const values: FormValues = {};
  for (const [key, value] of form.entries()) if (typeof value === 'string' && !(key in values)) values[key] = value;
  return { values, form };
}

/**
 * Parses a posted form with a zod schema. On failure the caller re-renders the form with status 400,
 * the person's values kept and a message beside each field.
 */
export async function readForm<S extends z.ZodType>(request: Request, schema: S, extra?: (form: FormData) => Record<string, unknown>): Promise<FormResult<z.infer<S>>> {
  const { values, form } = await formValues(request);
  if (!form) return { ok: false, errors: { form: 'The form could not be read. Please try again.' }, values };
  const parsed = schema.safeParse({ ...values, ...(extra?.(form) ?? {}) });
  if (parsed.success) return { ok: true, data: parsed.data, values };
  return { ok: false, errors: fieldErrors(parsed.error), values };
}

export function fieldErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.map(String).join('.') : 'form';
    errors[key] ??= issue.message;
  }
  return errors;
}
