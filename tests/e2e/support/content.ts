import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

interface Option {
  id: string;
  correct: boolean;
}
interface Question {
  id: string;
  options: Option[];
}

/** The right answers of a module's bank, read from the content file itself (what an author wrote). */
export function rightAnswers(criterion: string): Map<string, string[]> {
  const text = readFileSync(join(import.meta.dirname, '../../../content/modules', `${criterion}.md`), 'utf8');
  const front = /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '';
  const data = parse(front) as { check: Question[] };
  return new Map(data.check.map((q) => [q.id, q.options.filter((o) => o.correct).map((o) => o.id)]));
}
