/**
 * Reads the rubric tables against the analysed sentences: finds each element, drops what is negated,
 * wished for, generic or done by someone else, and turns the elements found into a verdict with quotes.
 */
import type { ElementSpec, PointId, PointRubric } from './cues';
import type { Analysis, Gate, SentenceFacts } from './facts';
import type { Polarity } from './sentences';
import { clauseStart, polarityOfMatch } from './sentences';

export type Verdict = 'evidenced' | 'partial' | 'missing';
/** Why a point got its verdict, so the tip can say what to do about it. */
export type Reason = 'credited' | 'negated' | 'general' | 'none' | Exclude<Gate, 'ok'>;

export interface PointOutcome {
  verdict: Verdict;
  quotes: string[];
  reason: Reason;
}

const MAX_QUOTES = 5;
// Numbers that say when, not how many: "two weeks later he came back" has nothing counted, nor a time of 1:52.
const WHEN_NOT_HOW_MANY = /\b(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|a couple of|a few|several) (?:days?|weeks?|fortnights?|months?|years?|hours?|minutes?) (?:later|after(?:wards)?|ago|before|on)\b|\b\d{1,2}:\d{2}\b/gi;
// Someone other than the learner doing the act just before the cue ("the customer asked", "Mrs Dale said").
const OTHER_ACTOR = /^(?:she|he|they|it|customer|man|woman|lady|gentleman|guy|bloke|dad|mum|couple|student|husband|wife|son|daughter|friend|colleague|manager)$/i;
const OTHER_PERSON = /\b(?:she|he|they|customer|regular|man|woman|lady|gentleman|guy|bloke|dad|mum|couple|student|boy|girl)\b/i;
const CLAUSE_SUBJECT = /(?:^|[,;:]\s*|\b(?:and|so|then|but|because|cos|when|after|before|while|until)\s+)(i|we|she|he|they)\b/gi;
// Capitalised sentence openers that are not people.
const NOT_A_NAME = new Set(
  'Then So And But Also Later First Finally Looking Instead After Before When While Once Next Honestly Right Without Rather By On In At Last This That Since Although Because Still Soon Afterwards Eventually'.split(' '),
);

function byLearner(text: string, pos: number): boolean {
  const before = text.slice(0, pos);
  const tail = before.trim().split(/\s+/).slice(-2);
  if (tail.some((w) => /^(?:i|we)$/i.test(w))) return true;
  // A name acts only right before the verb ("Mrs Dale asked"); "I rang Mr Hussain and asked" is still me.
  const last = tail[tail.length - 1] ?? '';
  if (tail.some((w) => OTHER_ACTOR.test(w)) || (/^[A-Z][a-z]+$/.test(last) && !NOT_A_NAME.has(last))) return false;
  // With the learner in the sentence, the nearest subject pronoun decides; without, any other person does.
  if (/\b(?:i|we)\b/i.test(before)) {
    // Only pronouns that start a clause are subjects; "how tall he was" is embedded in the question.
    const subjects = [...before.matchAll(CLAUSE_SUBJECT)];
    const last = subjects[subjects.length - 1]?.[1]?.toLowerCase();
    return last === undefined || last === 'i' || last === 'we';
  }
  return !OTHER_PERSON.test(before);
}

const globalCache = new Map<RegExp, RegExp>();
function globalOf(re: RegExp): RegExp {
  let g = globalCache.get(re);
  if (!g) {
    g = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
    globalCache.set(re, g);
  }
  return g;
}

function inScope(spec: ElementSpec, s: SentenceFacts): boolean {
  switch (spec.scope) {
    case 'specific':
      return s.specific;
    case 'factual':
      return !s.generic;
    case 'any':
      return true;
    default: {
      const unreachable: never = spec.scope;
      return unreachable;
    }
  }
}

/** Every match of `re` in `text`, reusing one compiled global copy (matchAll would clone it per call). */
function allMatches(re: RegExp, text: string): RegExpExecArray[] {
  if (!re.test(text)) return [];
  const g = globalOf(re);
  const out: RegExpExecArray[] = [];
  g.lastIndex = 0;
  for (let m = g.exec(text); m; m = g.exec(text)) {
    out.push(m);
    if (m[0] === '') g.lastIndex++;
  }
  return out;
}

const ECHO_WINDOW = 3;
const SPOKEN_QUESTION = /["“][^"”]*\?["”]/;
// The learner's summary back of what the customer said ("I said back to her, 'So they're in shade…'").
const SUMMARY_BACK = /\b(?:said|read|put|played|repeated|summed) (?:it |that |this )?(?:back|up)\b|\bso (?:you|you're|your|it's|that's|they're)\b[^.!?]*\?/i;

/** The sentence picks up topic words from what the customer said (or what was summarised back) just before. */
function echoes(sentences: readonly SentenceFacts[], s: SentenceFacts): boolean {
  for (let i = Math.max(0, s.index - ECHO_WINDOW); i < s.index; i++) {
    const source = sentences[i];
    if (!source || !(source.customerSays || SPOKEN_QUESTION.test(source.norm) || SUMMARY_BACK.test(source.norm))) continue;
    for (const stem of source.stems) if (s.stems.has(stem)) return true;
  }
  return false;
}

interface ElementFind {
  credited: number[];
  negated: number[];
  general: number[];
}

function findElement(spec: ElementSpec, sentences: readonly SentenceFacts[], found: ReadonlyMap<string, ElementFind>): ElementFind {
  const result: ElementFind = { credited: [], negated: [], general: [] };
  let matches = 0;
  // A background condition only needs to be found once.
  const enough = spec.quoted === false ? 1 : Infinity;
  for (const s of sentences) {
    if (matches >= enough) break;
    if (s.stuffed) continue;
    const scoped = inScope(spec, s);
    // Out of scope, a match only matters to explain a generality ("I always ask…").
    if (!scoped && !s.generic) continue;
    if (spec.near) {
      const anchors = [spec.near.element].flat().flatMap((id) => found.get(id)?.credited ?? []);
      if (!anchors.some((i) => Math.abs(i - s.index) <= spec.near!.within)) continue;
    }
    if (spec.after) {
      const causes = found.get(spec.after)?.credited ?? [];
      if (!causes.some((i) => i <= s.index)) continue;
    }
    if (spec.unless?.some((re) => re.test(s.norm))) continue;
    let tied: boolean | undefined;
    const isTied = () => {
      const also = spec.also ?? [];
      tied ??= also.every((list) => list.some((re) => re.test(s.norm))) ||
        (spec.echo === true && also.slice(1).every((list) => list.some((re) => re.test(s.norm))) && echoes(sentences, s));
      return tied;
    };
    for (const cue of spec.cues) {
      for (const m of allMatches(cue, s.norm)) {
        if (spec.self && !byLearner(s.norm, m.index)) continue;
        if (!scoped) {
          result.general.push(s.index);
          continue;
        }
        const polarity: Polarity = spec.negatable ? polarityOfMatch(s.norm, m.index, m[0]) : 'affirmed';
        if (polarity !== 'affirmed') {
          result.negated.push(s.index);
          continue;
        }
        if (!isTied()) continue;
        // A number counts for a result only in the result's own clause or after it, not in an earlier one.
        if (spec.countedFrom && !spec.countedFrom.test(s.norm.slice(clauseStart(s.norm, m.index)).replace(WHEN_NOT_HOW_MANY, ''))) continue;
        matches++;
        result.credited.push(s.index);
      }
    }
  }
  if (matches < (spec.times ?? 1)) result.credited = [];
  return result;
}

function satisfied(rules: readonly (readonly string[])[], found: ReadonlyMap<string, ElementFind>): string[] {
  const used = new Set<string>();
  for (const rule of rules) {
    if (rule.every((id) => (found.get(id)?.credited.length ?? 0) > 0)) rule.forEach((id) => used.add(id));
  }
  return [...used];
}

function quotesFrom(indexes: Iterable<number>, sentences: readonly SentenceFacts[]): string[] {
  return [...new Set(indexes)]
    .sort((a, b) => a - b)
    .slice(0, MAX_QUOTES)
    .map((i) => sentences[i]!.text);
}

export function judgePoint(rubric: PointRubric, analysis: Analysis): PointOutcome {
  const waived = analysis.gate === 'no-account' && rubric.needsAccount === false;
  if (analysis.gate !== 'ok' && !waived) return { verdict: 'missing', quotes: [], reason: analysis.gate };
  const { sentences } = analysis;
  const found = new Map<string, ElementFind>();
  for (const spec of rubric.elements) found.set(spec.id, findElement(spec, sentences, found));

  const strong = satisfied(rubric.evidenced, found);
  const weak = strong.length ? strong : satisfied(rubric.partial, found);
  if (weak.length) {
    const verdict: Verdict = strong.length ? 'evidenced' : 'partial';
    const quotable = weak.filter((id) => rubric.elements.find((e) => e.id === id)?.quoted !== false);
    return { verdict, quotes: quotesFrom(quotable.flatMap((id) => found.get(id)!.credited), sentences), reason: 'credited' };
  }
  const all = [...found.values()];
  const negated = all.flatMap((f) => f.negated);
  if (negated.length) return { verdict: 'missing', quotes: quotesFrom(negated, sentences), reason: 'negated' };
  return { verdict: 'missing', quotes: [], reason: all.some((f) => f.general.length) ? 'general' : 'none' };
}

export type { PointId };
