/**
 * Cutting a reflection into sentences (kept verbatim, so they can be quoted back) and deciding whether a
 * phrase inside a sentence is negated or only wished for ("I didn't ask", "I should have asked").
 */

import { findSections, type StarPart } from './sections';

export interface Sentence {
  index: number;
  /** Exactly as the learner wrote it (trimmed), so quotes are verbatim. */
  text: string;
  /** The guided part it sits under ("## Action", "Result:"), or null in free text. */
  part: StarPart | null;
}

// Short words that end in a full stop without ending the sentence.
const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'st', 'e.g', 'i.e', 'etc', 'vs', 'approx', 'no', 'nr', 'eg', 'ie']);
// After a closing quote, "…?" I asked / she said belongs to the same sentence.
const SPEECH_TAG = /^(?:I|He|She|They|We)\s+(?:asked|said|replied|added|checked|told|explained|answered|laughed)\b/;

function splitBlock(block: string): string[] {
  const out: string[] = [];
  let start = 0;
  const boundary = /[.!?]+["”’']?(?=\s+\S)|\r?\n+/g;
  for (const m of block.matchAll(boundary)) {
    const end = m.index + m[0].length;
    if (m[0].includes('\n')) {
      out.push(block.slice(start, m.index));
      start = end;
      continue;
    }
    const before = block.slice(start, m.index);
    const lastWord = (/([A-Za-z.]+)$/.exec(before)?.[1] ?? '').toLowerCase();
    const rest = block.slice(end).trimStart();
    // "No." and "Nr." abbreviate only before a number ("No. 5"); "…rather than saying no. In June…" ends.
    const numberOnly = (lastWord === 'no' || lastWord === 'nr') && !/^\d/.test(rest);
    if (m[0].startsWith('.') && ABBREVIATIONS.has(lastWord) && !numberOnly) continue;
    if (/["”’']$/.test(m[0]) && (/^[a-z]/.test(rest) || SPEECH_TAG.test(rest))) continue;
    out.push(block.slice(start, end));
    start = end;
  }
  out.push(block.slice(start));
  return out;
}

/** Strips markdown bullets and emphasis that are layout, not words, at the start of a line. */
function tidy(raw: string): string {
  return raw.trim().replace(/^(?:[-*•]\s+|\d+[.)]\s+|#{1,6}\s*)/, '').trim();
}

export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  for (const section of findSections(text.replace(/\r\n?/g, '\n'))) {
    for (const raw of splitBlock(section.text)) {
      const t = tidy(raw);
      if (/[A-Za-z0-9£]/.test(t)) sentences.push({ index: sentences.length, text: t, part: section.part });
    }
  }
  return sentences;
}

/**
 * Clause breaks: punctuation, and a conjunction that starts a new subject ("…, so I asked", "but i tell
 * him", "and our sales were…"), because a negation earlier in the sentence does not reach past them.
 */
const CLAUSE_BREAK =
  /[,;:()\u2013\u2014]|\s-\s|\b(?:but|although|though|because|cos|until|however|yet|instead)\b|\b(?:and|so|then)\s+(?=(?:i|we|she|he|they)\b)|\b(?:and|so|then)\s+(?=(?:[\w'£]+\s+){1,3}(?:is|are|was|were|has|have|had)\b)/gi;

const NEGATION =
  /\b(?:not|never|no|nor|neither|without|nobody|nothing|didn'?t|don'?t|doesn'?t|wasn'?t|weren'?t|haven'?t|hasn'?t|hadn'?t|couldn'?t|wouldn'?t|won'?t|can'?t|cant|cannot|forgot to|failed to|neglected to|omitted to|refused to|too busy to)\b/gi;
// "not only", "didn't just": the act still happened.
const NOT_A_NEGATION = /^(?:not|never|didn'?t|don'?t|no)\s+(?:only|just|merely|doubt|matter|problem)\b/i;
// Wishes and plans are not things that happened.
const COUNTERFACTUAL =
  /\b(?:should(?:'ve| have)|could(?:'ve| have)|(?:I|we) would(?:'ve| have)(?! to\b)|might have|wish(?:ed)? I(?:'d| had)|if (?:only )?I(?:'d| had)|next time|in future|I(?:'ll| will| would| plan to| intend to| hope to| want to| need to))\b/i;

/** Where the clause holding `pos` begins. */
export function clauseStart(sentence: string, pos: number): number {
  let start = 0;
  for (const m of sentence.matchAll(CLAUSE_BREAK)) {
    if (m.index >= pos) break;
    start = m.index + m[0].length;
  }
  return start;
}

export type Polarity = 'affirmed' | 'negated' | 'counterfactual';

/** Whether the words at `pos` are affirmed, negated ("I didn't ask") or only wished ("I should have asked"). */
export function polarityAt(sentence: string, pos: number): Polarity {
  const lead = sentence.slice(clauseStart(sentence, pos), pos);
  for (const m of lead.matchAll(NEGATION)) {
    if (!NOT_A_NEGATION.test(lead.slice(m.index))) return 'negated';
  }
  // A wish anywhere before the phrase in the sentence covers it ("I should have listened and looked for…").
  return COUNTERFACTUAL.test(sentence.slice(0, pos)) ? 'counterfactual' : 'affirmed';
}

// A cue whose own first words negate it ("I didn't ask", "never suggested", "forgot to ask").
const NEGATED_HEAD = /^(?:(?:i|we)\s+)?(?:[\w']+\s+)?(?:not|never|didn'?t|did not|forgot to|failed to|neglected to)\b/i;

/** Polarity of a whole cue match: negated by what precedes it or by its own opening words. */
export function polarityOfMatch(sentence: string, index: number, match: string): Polarity {
  if (NEGATED_HEAD.test(match)) return 'negated';
  return polarityAt(sentence, index);
}
