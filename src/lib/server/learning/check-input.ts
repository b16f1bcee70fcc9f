import { z } from 'zod';
import type { SubmissionProblem } from '../../domain/knowledge-check';

/** The JSON body the enhanced form sends: question id → option ids. Bounded so nobody can post a novel. */
export const answersSchema = z.object({
  answers: z.record(z.string().max(80), z.array(z.string().max(2)).max(5)).refine((a) => Object.keys(a).length <= 20, 'too many answers'),
});

/** Answers from a plain form: fields named `q-<question id>`, values the chosen option ids. */
export function answersFromForm(form: FormData): Record<string, string[]> {
  const answers: Record<string, string[]> = {};
  for (const [key, value] of form.entries()) {
    if (!key.startsWith('q-') || typeof value !== 'string') continue;
    (answers[key.slice(2)] ??= []).push(value);
  }
  return answers;
}

/** Messages per question for the form; tampering gets one form-level message. */
export function problemMessages(problems: SubmissionProblem[]): { errors: Record<string, string>; tampered: boolean } {
  const errors: Record<string, string> = {};
  let tampered = false;
  for (const p of problems) {
    switch (p.type) {
      case 'unanswered':
        errors[p.questionId] ??= 'Answer this question before you submit.';
        break;
      case 'too-many':
        errors[p.questionId] ??= 'Choose only one answer for this question.';
        break;
      case 'not-in-attempt':
      case 'unknown-option':
        tampered = true;
        break;
      default: {
        const unreachable: never = p;
        throw new Error(String(unreachable));
      }
    }
  }
  return { errors, tampered };
}
