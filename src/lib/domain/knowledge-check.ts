import type { Question } from './content/module-schema';

/** A check draws this many questions from the bank; 80 % passes. */
export const CHECK_POLICY = { questions: 5, passMark: 0.8 } as const;

/** A small seeded generator (mulberry32) so a draw is reproducible from its seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Draws the questions for one attempt, in the order they will be shown. */
export function drawQuestions(bank: readonly Question[], seed: number, count: number = CHECK_POLICY.questions): string[] {
  const ids = bank.map((q) => q.id);
  const next = random(seed);
  for (let i = ids.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [ids[i], ids[j]] = [ids[j]!, ids[i]!];
  }
  return ids.slice(0, Math.min(count, ids.length));
}

export type Answers = Record<string, string[]>;

/**
 * Marks one question from 0 to 1. A multiple question earns (right ticked − wrong ticked) ÷ right
 * options, never below zero, so ticking everything earns nothing.
 */
export function scoreQuestion(q: Question, chosen: readonly string[]): number {
  const right = new Set<string>(q.options.filter((o) => o.correct).map((o) => o.id));
  switch (q.type) {
    case 'single':
    case 'scenario':
      return chosen.length === 1 && right.has(chosen[0]!) ? 1 : 0;
    case 'multiple': {
      const hits = chosen.filter((c) => right.has(c)).length;
      const misses = chosen.length - hits;
      return Math.max(0, (hits - misses) / right.size);
    }
    default: {
      const unreachable: never = q.type;
      return unreachable;
    }
  }
}

export type SubmissionProblem =
  | { type: 'unanswered'; questionId: string }
  | { type: 'not-in-attempt'; questionId: string }
  | { type: 'unknown-option'; questionId: string; optionId: string }
  | { type: 'too-many'; questionId: string };

/** Everything wrong with a submission; an empty list means it can be marked. */
export function submissionProblems(bank: readonly Question[], questionIds: readonly string[], answers: Answers): SubmissionProblem[] {
  const problems: SubmissionProblem[] = [];
  const inAttempt = new Set(questionIds);
  for (const questionId of Object.keys(answers)) if (!inAttempt.has(questionId)) problems.push({ type: 'not-in-attempt', questionId });
  for (const questionId of questionIds) {
    const q = bank.find((x) => x.id === questionId);
    const chosen = answers[questionId] ?? [];
    if (!q) {
      problems.push({ type: 'not-in-attempt', questionId });
      continue;
    }
    if (chosen.length === 0) problems.push({ type: 'unanswered', questionId });
    if (q.type !== 'multiple' && chosen.length > 1) problems.push({ type: 'too-many', questionId });
    for (const optionId of chosen) if (!q.options.some((o) => o.id === optionId)) problems.push({ type: 'unknown-option', questionId, optionId });
    if (new Set(chosen).size !== chosen.length) problems.push({ type: 'too-many', questionId });
  }
  return problems;
}

export interface MarkedQuestion {
  question: Question;
  chosen: string[];
  score: number;
}

export interface CheckResult {
  marked: MarkedQuestion[];
  /** 0–100, rounded to a whole percent. */
  percent: number;
  passed: boolean;
}

export function markAttempt(bank: readonly Question[], questionIds: readonly string[], answers: Answers): CheckResult {
  const marked = questionIds.map((id) => {
    const question = bank.find((q) => q.id === id);
    if (!question) throw new Error(`question ${id} is not in the bank`);
    const chosen = answers[id] ?? [];
    return { question, chosen, score: scoreQuestion(question, chosen) };
  });
  const total = marked.reduce((s, m) => s + m.score, 0);
  const fraction = marked.length ? total / marked.length : 0;
  // Compare the exact fraction, not the rounded percent, so 79.6 % does not pass.
  return { marked, percent: Math.round(fraction * 100), passed: fraction >= CHECK_POLICY.passMark - 1e-9 };
}
