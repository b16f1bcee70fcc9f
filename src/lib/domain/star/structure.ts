/**
 * STAR structure. Guided reflections ("## Situation", "Task:") are split at their labels; free text is
 * split by giving each sentence a role in order (a situation, then the task, then actions, then the
 * result), choosing the order-keeping assignment that best fits cue phrases. Each part is then graded.
 */
import type { Analysis, SentenceFacts } from './facts';
import { STAR_PARTS, joinPieces, splitLabelled, type StarPart } from './sections';
import type { Sentence } from './sentences';
import { splitSentences } from './sentences';
import { MEASURE } from './lexicon';

export type StarGrade = 'present' | 'thin' | 'missing';

/** Cue phrases for each part of free text, in STAR order. */
const ROLE_CUES: Readonly<Record<StarPart, readonly RegExp[]>> = {
  situation: [
    /\b(?:I work|I worked|I was working|I'm a|I am a|at our|in our|our (?:shop|store)|one (?:day|morning|afternoon))\b/i,
    /\b(?:last (?:week|month|year|spring|summer|autumn|winter|quarter)|before christmas|on (?:a )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b/i,
    /\b(?:came in(?:to)?|comes in|walked in|(?:was |were )?looking for|wanted|wanting|had been|there was|we had|were getting|kept getting)\b/i,
  ],
  task: [
    /\b(?:I (?:needed|had|wanted) to|I had to|my (?:job|task|role|aim|goal|challenge) was|I was (?:asked|responsible|in charge)|the challenge)\b/i,
    /\b(?:needed to (?:find|work|keep|make)|to (?:find out|work out|make sure))\b/i,
  ],
  action: [
    /\b(?:I|i) (?:\w+ )?(?:asked|ask|offered|suggested|recommended|explained|told|tell|checked|summari\w+|repeated|let|phoned|called|wrote|noted|picked|showed|made|decided|chose|agreed|trained|introduced|read|held|put|took|found|gave|emailed|ordered|swapped)\b/i,
    /\bwe (?:trialled|introduced|started|agreed|added|put|set up|changed)\b/i,
  ],
  result: [
    /\b(?:as a result|in the end|afterwards|since then|the next (?:day|week|month)|weeks? later|months? later|now)\b/i,
    /\b(?:came back|been back|been in|spent|fell|rose|went (?:up|down|from)|score|review|thanked|I learnt|I learned|looking back|this shows)\b|%|£/i,
    /\b(?:was|were) (?:happy|pleased|delighted|thrilled|made up|really pleased)\b/i,
  ],
};

function roleScores(s: Sentence, i: number, n: number): number[] {
  return STAR_PARTS.map((part, r) => {
    let score = ROLE_CUES[part].reduce((sum, re) => sum + (re.test(s.text) ? 1 : 0), 0);
    // An account usually opens with its setting and closes with what came of it.
    if (i === 0 && r === 0) score += 1.5;
    if (i === n - 1 && n > 1 && r === 3) score += 1;
    return score;
  });
}

/** The best order-keeping role for each sentence (dynamic programming over the four parts). */
function assignFree(sentences: readonly Sentence[]): StarPart[] {
  const n = sentences.length;
  if (n === 0) return [];
  const best: number[][] = [];
  const from: number[][] = [];
  sentences.forEach((s, i) => {
    const scores = roleScores(s, i, n);
    best.push([]);
    from.push([]);
    for (let r = 0; r < 4; r++) {
      if (i === 0) {
        best[0]![r] = scores[r]!;
        from[0]![r] = 0;
        continue;
      }
      let arg = 0;
      for (let q = 1; q <= r; q++) if (best[i - 1]![q]! > best[i - 1]![arg]!) arg = q;
      best[i]![r] = best[i - 1]![arg]! + scores[r]!;
      from[i]![r] = arg;
    }
  });
  let r = 0;
  for (let q = 1; q < 4; q++) if (best[n - 1]![q]! > best[n - 1]![r]!) r = q;
  const roles: StarPart[] = new Array<StarPart>(n);
  for (let i = n - 1; i >= 0; i--) {
    roles[i] = STAR_PARTS[r]!;
    r = from[i]![r]!;
  }
  return roles;
}

/** The part each sentence belongs to: its label in a guided reflection, otherwise inferred. */
export function assignParts(sentences: readonly Sentence[]): StarPart[] {
  const guided = sentences.some((s) => s.part !== null);
  if (!guided) return assignFree(sentences);
  // Text before the first label is context, so it joins the situation.
  return sentences.map((s) => s.part ?? 'situation');
}

/** The four parts of a reflection as text, for an editor's four boxes. */
export function splitStar(text: string): Record<StarPart, string> {
  const labelled = splitLabelled(text);
  if (labelled) return labelled;
  const parts: Record<StarPart, string[]> = { situation: [], task: [], action: [], result: [] };
  const sentences = splitSentences(text);
  assignParts(sentences).forEach((part, i) => parts[part].push(sentences[i]!.text));
  return joinPieces(parts, ' ');
}

const MIN_WORDS: Readonly<Record<StarPart, number>> = { situation: 8, task: 6, action: 15, result: 6 };
const RESULT_MEASURE = /\b(?:NPS|net promoter|came back|been back|come back|repeat (?:visit|purchase|order|custom|business)|review|weekly|every week)\b/i;

function grade(part: StarPart, sentences: readonly SentenceFacts[], accountOk: boolean): StarGrade {
  const words = sentences.reduce((n, s) => n + s.text.split(/\s+/).filter(Boolean).length, 0);
  if (words === 0) return 'missing';
  if (!accountOk || words < MIN_WORDS[part]) return 'thin';
  // The task may be stated plainly; the other parts must be told as what happened, not as habits.
  const grounded = part === 'task' ? sentences.some((s) => !s.generic && !s.stuffed) : sentences.some((s) => s.specific);
  if (!grounded) return 'thin';
  if (part === 'result' && !sentences.some((s) => s.specific && (MEASURE.test(s.norm) || RESULT_MEASURE.test(s.norm)))) return 'thin';
  return 'present';
}

export function gradeStar(analysis: Analysis): Record<StarPart, StarGrade> {
  const roles = assignParts(analysis.sentences);
  const byPart = (part: StarPart) => analysis.sentences.filter((_, i) => roles[i] === part);
  const ok = analysis.gate === 'ok';
  return {
    situation: grade('situation', byPart('situation'), ok),
    task: grade('task', byPart('task'), ok),
    action: grade('action', byPart('action'), ok),
    result: grade('result', byPart('result'), ok),
  };
}
