import { z } from 'zod';
import { criterionIds } from '../criteria';

const criterionId = z.enum(criterionIds, { message: 'must be one of P1–P9 or K1–K8' });

export const questionTypes = ['single', 'multiple', 'scenario'] as const;
export type QuestionType = (typeof questionTypes)[number];

export const optionSchema = z.object({
  /** a, b, c, d or e, in order. */
  id: z.enum(['a', 'b', 'c', 'd', 'e'], { message: 'option ids are a, b, c, d, e' }),
  /** What the learner reads and chooses. */
  text: z.string().min(1, 'option text is empty'),
  /** Whether choosing this option is right. */
  correct: z.boolean({ message: 'say whether the option is correct (true or false)' }),
  /** Why this option is right or wrong; shown after marking. */
  explanation: z.string().min(15, 'every option needs an explanation of why it is right or wrong'),
});

export const questionSchema = z
  .object({
    /** Unique in the module, lowercase-kebab; stored with attempts, so do not reuse an id for a new question. */
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'question ids are lowercase-kebab'),
    /** single: one right answer; multiple: tick all that apply; scenario: a shop-floor moment, one best next step. */
    type: z.enum(questionTypes, { message: 'type is single, multiple or scenario' }),
    /** The question itself. */
    prompt: z.string().min(10, 'the prompt is too short'),
    /** 3–5 options. */
    options: z.array(optionSchema).min(3, 'a question needs at least 3 options').max(5, 'a question has at most 5 options'),
  })
  .superRefine((q, ctx) => {
    const right = q.options.filter((o) => o.correct).length;
    const ids = q.options.map((o) => o.id);
    if (ids.join('') !== 'abcde'.slice(0, ids.length)) ctx.addIssue({ code: 'custom', path: ['options'], message: 'option ids must run a, b, c… in order' });
    if (q.type === 'multiple') {
      if (right < 2) ctx.addIssue({ code: 'custom', path: ['options'], message: 'a multiple question needs at least two correct options' });
      if (right === q.options.length) ctx.addIssue({ code: 'custom', path: ['options'], message: 'a multiple question needs at least one wrong option' });
    } else if (right !== 1) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: `a ${q.type} question needs exactly one correct option` });
    }
  });
export type Question = z.infer<typeof questionSchema>;

/** Minimum bank per module: at least 8 questions with at least this many of each type. */
export const BANK_MINIMUM = { total: 8, single: 3, multiple: 2, scenario: 2 } as const;

export const moduleSchema = z
  .object({
    /** The criterion this module teaches; the file name must match. */
    criterion: criterionId,
    /** The page heading. */
    title: z.string().min(5, 'the title is too short').max(90, 'keep the title under 90 characters'),
    /** One or two plain sentences shown in lists. */
    summary: z.string().min(20, 'the summary is too short').max(300, 'keep the summary to 300 characters'),
    /** Body words ÷ 200, rounded, at least 1. */
    readingMinutes: z.number().int('reading minutes is a whole number').min(1, 'reading minutes is at least 1').max(60),
    /** Other criteria this one leans on. */
    related: z.array(criterionId).min(1, 'link at least one related criterion'),
    /** What the learner can do afterwards, each starting with a verb. */
    outcomes: z.array(z.string().min(10, 'an outcome is too short')).min(3, 'give at least 3 learning outcomes').max(6, 'give at most 6 learning outcomes'),
    /** The knowledge-check bank. */
    check: z.array(questionSchema),
  })
  .superRefine((m, ctx) => {
    if (m.related.includes(m.criterion)) ctx.addIssue({ code: 'custom', path: ['related'], message: 'a module cannot be related to itself' });
    const ids = new Set<string>();
    m.check.forEach((q, i) => {
      if (ids.has(q.id)) ctx.addIssue({ code: 'custom', path: ['check', i, 'id'], message: `question id ${q.id} is used twice` });
      ids.add(q.id);
    });
    const count = (t: QuestionType) => m.check.filter((q) => q.type === t).length;
    if (m.check.length < BANK_MINIMUM.total) ctx.addIssue({ code: 'custom', path: ['check'], message: `the bank needs at least ${BANK_MINIMUM.total} questions` });
    for (const t of questionTypes) {
      if (count(t) < BANK_MINIMUM[t]) ctx.addIssue({ code: 'custom', path: ['check'], message: `the bank needs at least ${BANK_MINIMUM[t]} ${t} questions` });
    }
  });
export type ModuleData = z.infer<typeof moduleSchema>;
