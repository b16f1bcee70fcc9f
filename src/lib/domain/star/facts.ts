/**
 * What each sentence is: part of a specific account or a generality, a list of vocabulary, a place where
 * the customer says what they want. The marking points only credit what the account shows.
 */
import type { Sentence } from './sentences';
import { splitSentences } from './sentences';
import { ANCHORS, CUSTOMER_PRESENCE, CUSTOMER_SAYS, PEOPLE, STAFF_CONTEXT, GENERIC_MARKERS, JARGON, QUANTIFIER_MARKERS, isNarrative, isPast, topicStems } from './lexicon';

export interface SentenceFacts extends Sentence {
  /** The text with curly quotes and apostrophes made straight (same length), for matching; quotes use `text`. */
  norm: string;
  /** The sentence with quoted speech blanked out (same length), for judging the learner's own voice. */
  bare: string;
  narrative: boolean;
  generic: boolean;
  anchored: boolean;
  /** Three or more marking-point terms: vocabulary, not an account. */
  stuffed: boolean;
  /** About the event: told as something that happened, not a habit, belief or list of terms. */
  specific: boolean;
  customerSays: boolean;
  stems: Set<string>;
}

export type Gate = 'ok' | 'off-topic' | 'no-account';

export interface Analysis {
  sentences: SentenceFacts[];
  /** Whether the text holds an account of serving a customer at all; without one nothing earns credit. */
  gate: Gate;
}

/** Blanks "…" and “…” so advice the customer was given in speech is not read as the learner's habit. */
function blankQuotes(text: string): string {
  return text.replace(/["“][^"”]*["”]/g, (q) => ' '.repeat(q.length));
}

const REPORTED_SPEECH = /\b(?:I|i)\s+(?:\w+\s+)?(?:said|explained|told (?:him|her|them)|replied|was like|suggested|proposed)\b/;

const CONCRETE = /["“]|\d|£|\b(?:what|which|whether|how|why) (?:she|he|they|her|his|their)\b/i;

function jargonCount(text: string): number {
  return JARGON.reduce((n, re) => n + (re.test(text) ? 1 : 0), 0);
}

export function normalise(text: string): string {
  return text.replace(/[\u2018\u2019\u02bc]/g, "'").replace(/[\u201c\u201d]/g, '"');
}

function factsOf(s: Sentence): SentenceFacts {
  const norm = normalise(s.text);
  const bare = blankQuotes(norm);
  const quoted = bare !== norm;
  const narrative = isNarrative(bare) || (quoted && isNarrative(norm));
  // What the learner reports saying ("I explained it would cost…, and when you're due…") is speech, not a habit.
  const said = REPORTED_SPEECH.exec(bare);
  const own = said ? bare.slice(0, said.index + said[0].length) : bare;
  const generic = GENERIC_MARKERS.some((re) => re.test(own)) || (!isPast(own) && QUANTIFIER_MARKERS.some((re) => re.test(own)));
  // Naming several techniques without what was actually said, asked for or counted is vocabulary.
  const jargon = jargonCount(norm);
  const stuffed = jargon >= 3 || (jargon >= 2 && !CONCRETE.test(norm));
  return {
    ...s,
    norm,
    bare,
    narrative,
    generic,
    anchored: ANCHORS.some((re) => re.test(norm)),
    stuffed,
    specific: narrative && !generic && !stuffed,
    customerSays: CUSTOMER_SAYS.test(norm),
    stems: topicStems(norm),
  };
}

export function analyse(text: string): Analysis {
  const sentences = splitSentences(text).map(factsOf);
  const told = sentences.filter((s) => s.specific);
  let gate: Gate = 'ok';
  const whole = normalise(text);
  const served = CUSTOMER_PRESENCE.test(whole) || (PEOPLE.test(whole) && !STAFF_CONTEXT.test(whole));
  if (!served) gate = 'off-topic';
  else if (told.length < 2 || !told.some((s) => s.anchored)) gate = 'no-account';
  return { sentences, gate };
}
