import type { Question } from '../../lib/domain/content/module-schema';
import type { CheckResult } from '../../lib/domain/knowledge-check';

/** What the learner's browser may see of a question before marking: no correctness, no explanations. */
export interface QuestionView {
  id: string;
  type: Question['type'];
  prompt: string;
  options: { id: string; text: string }[];
}

export function questionView(q: Question): QuestionView {
  return { id: q.id, type: q.type, prompt: q.prompt, options: q.options.map((o) => ({ id: o.id, text: o.text })) };
}

/** The marked result as shown: every option with whether it was right, chosen, and why. */
export interface MarkedView {
  percent: number;
  passed: boolean;
  questions: { id: string; score: number; options: { id: string; text: string; correct: boolean; chosen: boolean; explanation: string }[] }[];
}

export function markedView(result: CheckResult): MarkedView {
  return {
    percent: result.percent,
    passed: result.passed,
    questions: result.marked.map((m) => ({
      id: m.question.id,
      score: m.score,
      options: m.question.options.map((o) => ({ id: o.id, text: o.text, correct: o.correct, chosen: m.chosen.includes(o.id), explanation: o.explanation })),
    })),
  };
}

export const typeHint: Readonly<Record<Question['type'], string>> = {
  single: 'Choose one answer.',
  multiple: 'Tick every answer that applies.',
  scenario: 'Choose the best next step.',
};
