/**
 * The four misconceptions the study guide warns about, as cue phrases. Each found misconception is
 * reported once, with the learner's sentence that shows it. A negated cue ("I didn't just chase the
 * sale") is not a misconception.
 */
import type { SentenceFacts } from './facts';
import { polarityAt } from './sentences';

export const MISCONCEPTION_IDS = ['minimum-standard', 'business-over-empathy', 'sale-over-relationship', 'one-size-fits-all'] as const;
export type MisconceptionId = (typeof MISCONCEPTION_IDS)[number];

interface MisconceptionCue {
  id: MisconceptionId;
  re: RegExp;
  /** False when the cue carries its own negative ("she didn't complain, so…"). */
  negatable: boolean;
}

export const MISCONCEPTION_CUES: readonly MisconceptionCue[] = [
  // Satisfaction read as "met the minimum" or "no complaint".
  { id: 'minimum-standard', re: /\b(?:met|meet|meeting|reached) (?:the|our|my) (?:minimum |basic |service )?(?:standards?|requirements?)\b/i, negatable: true },
  { id: 'minimum-standard', re: /\bdid (?:my|the) job\b|\bdid what (?:was|is|I was) (?:required|asked|expected)\b|\bnothing more\b|\bbare minimum\b|\bjust enough\b|\bjob done\b/i, negatable: true },
  { id: 'minimum-standard', re: /\b(?:she|he|they|nobody|no one) (?:didn'?t|did not|never) complain\w*,? (?:so|which)\b|\bas long as (?:they|the customer|customers|she|he) (?:don'?t|doesn'?t|didn'?t) complain\b|\bno complaints? (?:means|so)\b/i, negatable: false },
  { id: 'minimum-standard', re: /\b(?:satisfied|satisfaction) (?:means|is) (?:meeting|getting|doing|giving them what)\b/i, negatable: true },
  // The organisation's needs pushing empathy out.
  { id: 'business-over-empathy', re: /\bpolicy is policy\b|\brules are rules\b|\bnot my problem\b|\btake it or leave it\b|\b(?:the )?(?:business|company|shop|store)(?:'s)? (?:needs |interests )?(?:come|comes|came) first\b/i, negatable: true },
  { id: 'business-over-empathy', re: /\b(?:she|he|they) (?:just )?(?:had|has|have) to accept (?:it|that)\b|\bfeelings? (?:don'?t|didn'?t|doesn'?t) matter\b|\bnot (?:my|our) (?:job|concern|problem)\b/i, negatable: false },
  { id: 'business-over-empathy', re: /\bI just (?:said no|told (?:her|him|them) (?:no|the (?:policy|rules?)))\b|\b(?:follow|stick to|apply) (?:the|our) (?:rules?|policy) (?:so|because|no matter)\b/i, negatable: true },
  // The immediate sale before the relationship.
  { id: 'sale-over-relationship', re: /\b(?:close|closed|closing) the (?:sale|deal)\b|\bthe sale is what (?:matters|counts)\b|\ba sale'?s a sale\b|\bwhatever it takes to (?:sell|get the sale)\b/i, negatable: true },
  { id: 'sale-over-relationship', re: /\bupsell\w*\b[^.!?]*\b(?:target|commission)\b|\b(?:hit|hitting|reach|reached|got me to) (?:my|our|the) (?:sales )?target\b|\b(?:pushed|talked) (?:her|him|them) into\b/i, negatable: true },
  { id: 'sale-over-relationship', re: /\b(?:doesn'?t|didn'?t|won'?t) matter if (?:she|he|they) (?:come|comes|came) back\b|\bwon'?t see (?:her|him|them) again\b[^.!?]*\bwhatever\b|\bas long as (?:she|he|they) (?:bought|buys|paid|pays)\b/i, negatable: false },
  // One approach for every customer.
  { id: 'one-size-fits-all', re: /\b(?:every|all|each) customers? (?:basically |really |just )?(?:wants?|needs?|likes?) the same\b|\beveryone (?:is|wants|needs) the same\b|\bone size fits all\b/i, negatable: true },
  { id: 'one-size-fits-all', re: /\b(?:treat|treated|treating) (?:every|all|each) (?:customers?|one|body)\b[^.!?]*\bthe same\b|\bsame (?:script|pitch|approach|advice|spiel|way) (?:for|with|to) (?:everyone|everybody|every customer|all customers|all)\b/i, negatable: true },
  { id: 'one-size-fits-all', re: /\b(?:recommend|recommending|recommended|sell|selling|push|pushing|offer|offering) (?:\w+ ){0,4}to (?:everyone|everybody|every customer|all customers)\b/i, negatable: true },
];

export function findMisconceptions(sentences: readonly SentenceFacts[]): { id: MisconceptionId; quote: string }[] {
  const found = new Map<MisconceptionId, { index: number; quote: string }>();
  for (const s of sentences) {
    for (const cue of MISCONCEPTION_CUES) {
      if (found.has(cue.id)) continue;
      const m = cue.re.exec(s.norm);
      if (!m) continue;
      if (cue.negatable && polarityAt(s.norm, m.index) !== 'affirmed') continue;
      found.set(cue.id, { index: s.index, quote: s.text });
    }
  }
  // Reported in the fixed order of MISCONCEPTION_IDS, so the output never depends on cue order.
  return MISCONCEPTION_IDS.flatMap((id) => {
    const f = found.get(id);
    return f ? [{ id, quote: f.quote }] : [];
  });
}
