/**
 * Two questions the debrief asks of a scenario and an attempt: which techniques this scenario gives the
 * learner a chance to show, and whether (and at which move) each trainer's note applies.
 */
import { TACTIC_TECHNIQUE } from './rules';
import { lowCostHighValue } from './economics';
import type { TechniqueId } from './ids';
import type { Scenario } from './schema';
import type { NoteTrigger } from './schema-conversation';
import type { AttemptState } from './state';

/**
 * A technique counts as missed only where the attempt offered a chance to use it: a tactic that never came
 * up cannot be met calmly, and trading is beside the point when the right answer is a no or a referral.
 */
export function applicableTechniques(s: Scenario, state: AttemptState): Set<TechniqueId> {
  const faced = s.beats.filter((b) => state.firedBeats.includes(b.id));
  const tagged = new Set<TechniqueId>([...s.questions.flatMap((q) => q.techniques), ...faced.flatMap((b) => b.options.flatMap((o) => o.techniques))]);
  const fromTactics = new Set(faced.map((b) => TACTIC_TECHNIQUE[b.tactic]).filter((t): t is TechniqueId => t !== undefined));
  const cheapWin = s.concessions.some((c) => c.type !== 'discount' && lowCostHighValue(s, { id: c.id }, true));
  const rules: [TechniqueId, boolean][] = [
    ['ask-before-offer', true],
    ['find-need', true],
    ['trade', s.bestRoute === 'deal' && s.tradeAsks.some((t) => t.willing)],
    ['low-cost-high-value', s.bestRoute === 'deal' && cheapWin],
    ['verify-claims', tagged.has('verify-claims') || fromTactics.has('verify-claims')],
    ['stay-calm', tagged.has('stay-calm') || fromTactics.has('stay-calm')],
    ['honest-limits', s.bestRoute !== 'deal' || tagged.has('honest-limits') || fromTactics.has('honest-limits')],
    ['summarise', true],
    ['record', true],
  ];
  return new Set(rules.filter(([, ok]) => ok).map(([t]) => t));
}

function askedAt(s: Scenario, state: AttemptState, questionId: string): number | null {
  const q = s.questions.find((x) => x.id === questionId);
  return state.transcript.find((t) => t.move === 'ask' && t.who === 'learner' && t.text === q?.text)?.seq ?? null;
}

/** false when the note does not apply; otherwise the move it points at (null when it is about the whole attempt). */
export function noteApplies(s: Scenario, state: AttemptState, t: NoteTrigger, sale: boolean): number | null | false {
  const end = state.ended ? state.seq : null;
  switch (t.type) {
    case 'need-missed':
      return state.ended && !state.needRevealed ? (state.firstOfferSeq ?? end) : false;
    case 'offered-before-asking':
      return state.firstOfferSeq !== null && !state.techniques.includes('ask-before-offer') ? state.firstOfferSeq : false;
    case 'question-asked':
      return state.questionsAsked.includes(t.question) ? askedAt(s, state, t.question) : false;
    case 'question-not-asked':
      return state.ended && !state.questionsAsked.includes(t.question) ? (state.firstOfferSeq ?? end) : false;
    case 'option-chosen': {
      const r = state.responses.find((x) => x.beatId === t.beat && x.optionId === t.option);
      return r ? r.seq : false;
    }
    case 'concession-given':
      return sale && state.offer?.items.some((i) => i.id === t.concession) ? state.offer.seq : false;
    case 'authority-breached':
      return state.authorityFlags[0] ?? false;
    case 'outcome':
      return state.outcome === t.outcome ? end : false;
    case 'no-trade':
      return state.ended && state.tradesProposed === 0 ? null : false;
    default: {
      const unknown: never = t;
      throw new Error(`unknown trigger ${String((unknown as { type: unknown }).type)}`);
    }
  }
}
