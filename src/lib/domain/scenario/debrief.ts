/**
 * The debrief of an attempt (DOMAIN §2): the result in money and goodwill, authority, tactics, techniques,
 * the marking points, the trainer's notes for the moments that mattered, the criteria evidenced and a score.
 * Pure and JSON-serialisable, so it can be stored with the attempt and submitted as evidence.
 */
import type { CriterionId } from '../criteria';
import { formatPercent, formatPounds } from '../special-terms';
import { CRITERION_RULES, POINT_RULES, SCORE_RULES, SCORE_WEIGHTS, TACTIC_ADVICE, type AuthorityStatus, type Facts, type ScorePart, type Verdict } from './debrief-rules';
import { meetsNeed, quoteOffer } from './economics';
import { markingPointIds, tacticLabels, techniqueIds, techniqueLabels, type BestRoute, type MarkingPointId, type Outcome, type TacticId, type TechniqueId } from './ids';
import { applicableTechniques, noteApplies } from './debrief-facts';
import { moodOf, PRECEDENT_SHARE, type Mood } from './rules';
import type { Scenario } from './schema';
import type { AttemptState } from './state';

export interface Debrief {
  scenarioId: string;
  finished: boolean;
  outcome: Outcome | null;
  /** A sale was made: a deal, or a referral where the manager agreed one. */
  deal: boolean;
  headline: string;
  bestRoute: { route: BestRoute; followed: boolean; sentence: string };
  economics: {
    listValue: number;
    fullProfit: number;
    /** Cost to the shop of everything given. */
    valueGivenAway: number;
    /** What it was worth to the customer (their own valuation; cash at face value). */
    valueToCustomer: number;
    cashOff: number;
    tradeGain: number;
    profitKept: number;
    /** Profit ÷ what the customer paid; null without a sale. */
    marginPercent: number | null;
    /** Profit kept ÷ profit at full price; null without a sale. */
    marginKeptShare: number | null;
    concessions: { id: string; label: string; costToShop: number }[];
  };
  goodwill: { start: number; end: number; mood: Mood };
  repeat: { baseline: number; probability: number; futureProfit: number; precedentCost: number; expectedValue: number };
  /** Profit kept today plus expected future profit. */
  relationshipValue: number;
  authority: { status: AuthorityStatus; overLimitAt: number[]; sentence: string };
  tactics: { beatId: string; tactic: TacticId; label: string; handled: 'well' | 'poorly' | 'unanswered' | 'not-faced'; seq: number | null; advice: string }[];
  techniques: { id: TechniqueId; label: string; used: boolean; applicable: boolean }[];
  techniquesUsed: TechniqueId[];
  techniquesMissed: TechniqueId[];
  points: Record<MarkingPointId, { verdict: Verdict; sentence: string }>;
  notes: { text: string; seq: number | null }[];
  criteriaEvidenced: CriterionId[];
  score: { total: number; parts: { id: ScorePart; label: string; points: number; max: number }[] };
}

const ROUTE_WORDS: Readonly<Record<BestRoute, string>> = {
  deal: 'a deal inside your authority, built from what matters to the customer rather than the biggest discount',
  decline: 'a kind, honest no with a workable alternative',
  refer: 'fetching your manager, because what it takes is beyond your authority',
};

function authorityStatus(s: Scenario, state: AttemptState): AuthorityStatus {
  if (state.authority === 'referred') return s.bestRoute === 'refer' ? 'referred-correctly' : 'referred-unnecessarily';
  return state.authority;
}

function routeFollowed(s: Scenario, state: AttemptState): boolean {
  switch (s.bestRoute) {
    case 'deal':
      return state.outcome === 'deal' && state.authority === 'kept';
    case 'decline':
      return state.outcome === 'declined-positively';
    case 'refer':
      return state.outcome === 'referred';
    default: {
      const unknown: never = s.bestRoute;
      throw new Error(`unknown route ${String(unknown)}`);
    }
  }
}

export function debrief(s: Scenario, state: AttemptState): Debrief {
  const sale = state.outcome === 'deal' || (state.outcome === 'referred' && s.referral.managerOffer !== undefined);
  const items = sale ? (state.offer?.items ?? []) : [];
  const quote = quoteOffer(s, items, sale ? (state.offer?.tradeAsk ?? null) : null);
  const chosenAlts = s.alternatives.filter((a) => state.declinedWith?.includes(a.id) && a.workable);
  const altProfit = chosenAlts.reduce((best, a) => Math.max(best, a.profit), 0);
  const profit = sale ? quote.profit : altProfit;
  const precedentCost = sale ? PRECEDENT_SHARE * quote.cashOff : 0;
  const futureProfit = Math.max(0, s.customer.lifetimeValue - precedentCost);
  const expectedRepeat = state.repeatProbability * futureProfit;
  const status = authorityStatus(s, state);
  const followed = routeFollowed(s, state);
  const applicable = applicableTechniques(s, state);
  const used = techniqueIds.filter((t) => state.techniques.includes(t));
  const goodQuestions = state.questionsAsked.filter((id) => s.questions.some((q) => q.id === id && q.quality === 'good' && q.kind !== 'summarising')).length;
  const facts: Facts = {
    customer: s.customer.name,
    finished: state.ended,
    outcome: state.outcome,
    sale,
    goodQuestions,
    poorQuestions: state.questionsAsked.filter((id) => s.questions.some((q) => q.id === id && q.quality === 'poor')).length,
    summarised: state.questionsAsked.some((id) => s.questions.some((q) => q.id === id && q.kind === 'summarising' && q.quality === 'good')),
    needRevealed: state.needRevealed,
    needMet: (sale && meetsNeed(s, items)) || chosenAlts.some((a) => a.meetsNeed),
    authority: status,
    bestRouteFollowed: followed,
    goodwillStart: s.customer.goodwill,
    goodwillEnd: state.goodwill,
    profit,
    fullProfit: quote.fullProfit,
    marginKeptShare: sale ? quote.profit / quote.fullProfit : null,
    repeatProbability: state.repeatProbability,
    expectedRepeatValue: expectedRepeat,
    record: state.record,
    followUp: state.followUp,
    tacticsFaced: state.firedBeats.length,
    tacticsWell: state.responses.filter((r) => r.recognised === 'well').length,
    techniquesUsed: used.filter((t) => applicable.has(t)).length,
    techniquesApplicable: applicable.size,
    verifiedClaims: state.techniques.includes('verify-claims'),
    traded: state.tradesProposed > 0,
  };
  const points = Object.fromEntries(
    markingPointIds.map((id) => {
      const row = POINT_RULES[id].find((r) => r.test(facts));
      return [id, row ? { verdict: row.verdict, sentence: row.say(facts) } : { verdict: 'missing' as const, sentence: '' }];
    }),
  ) as Record<MarkingPointId, { verdict: Verdict; sentence: string }>;
  const parts = (Object.keys(SCORE_WEIGHTS) as ScorePart[]).map((id) => ({ id, label: SCORE_RULES[id].label, points: Math.round(SCORE_WEIGHTS[id] * SCORE_RULES[id].share(facts) * 10) / 10, max: SCORE_WEIGHTS[id] }));

  return {
    scenarioId: s.id,
    finished: state.ended,
    outcome: state.outcome,
    deal: sale,
    headline: headline(s, state, facts),
    bestRoute: { route: s.bestRoute, followed, sentence: `${followed ? 'You took' : 'The best route here was'} ${ROUTE_WORDS[s.bestRoute]}.` },
    economics: {
      listValue: quote.listValue,
      fullProfit: quote.fullProfit,
      valueGivenAway: quote.cost,
      valueToCustomer: sale ? (state.offer?.value ?? 0) : 0,
      cashOff: quote.cashOff,
      tradeGain: quote.tradeGain,
      profitKept: profit,
      marginPercent: sale ? quote.marginAfter : null,
      marginKeptShare: facts.marginKeptShare,
      concessions: quote.items.map((i) => ({ id: i.id, label: i.label, costToShop: i.costToShop })),
    },
    goodwill: { start: s.customer.goodwill, end: state.goodwill, mood: moodOf(state.goodwill) },
    repeat: { baseline: s.customer.repeatBaseline, probability: state.repeatProbability, futureProfit, precedentCost, expectedValue: expectedRepeat },
    relationshipValue: profit + expectedRepeat,
    authority: { status, overLimitAt: [...state.authorityFlags], sentence: authoritySentence(status, state.authorityFlags.length > 0) },
    tactics: s.beats.map((b) => {
      const r = state.responses.find((x) => x.beatId === b.id);
      const handled = r ? r.recognised : state.firedBeats.includes(b.id) ? 'unanswered' : 'not-faced';
      return { beatId: b.id, tactic: b.tactic, label: tacticLabels[b.tactic], handled, seq: r?.seq ?? null, advice: TACTIC_ADVICE[b.tactic] };
    }),
    techniques: techniqueIds.map((id) => ({ id, label: techniqueLabels[id], used: state.techniques.includes(id), applicable: applicable.has(id) })),
    techniquesUsed: used,
    techniquesMissed: techniqueIds.filter((t) => applicable.has(t) && !state.techniques.includes(t)),
    points,
    notes: s.notes.flatMap((n) => {
      const at = noteApplies(s, state, n.trigger, sale);
      return at === false ? [] : [{ text: n.text, seq: at }];
    }),
    criteriaEvidenced: s.criteria.filter((c) => CRITERION_RULES[c]?.(facts) ?? false),
    score: { total: Math.round(parts.reduce((sum, p) => sum + p.points, 0)), parts },
  };
}

function authoritySentence(status: AuthorityStatus, wentOver: boolean): string {
  switch (status) {
    case 'kept':
      return 'You stayed inside your authority throughout.';
    case 'breached':
      return 'You agreed more than your authority allows without fetching a manager.';
    case 'referred-correctly':
      return wentOver ? 'You referred to your manager, which was right — but only after offering more than your limit, which raised expectations.' : 'You referred to your manager at the right point: this needed more than your authority.';
    case 'referred-unnecessarily':
      return 'You fetched your manager for something you could have handled within your own authority.';
    default: {
      const unknown: never = status;
      throw new Error(`unknown authority status ${String(unknown)}`);
    }
  }
}

function headline(s: Scenario, state: AttemptState, f: Facts): string {
  const goodwill = `goodwill ${f.goodwillStart} → ${f.goodwillEnd}`;
  switch (state.outcome) {
    case null:
      return `Not finished yet (${goodwill}).`;
    case 'deal':
      return `Deal agreed: you kept ${formatPounds(f.profit)} of ${formatPounds(f.fullProfit)} profit (${formatPercent(f.marginKeptShare ?? 0)}), ${goodwill}.`;
    case 'declined-positively':
      return `You said no and offered ${s.customer.name} a way forward, ${goodwill}.`;
    case 'referred':
      return s.referral.managerOffer ? `Your manager closed the deal: ${formatPounds(f.profit)} profit kept, ${goodwill}.` : `You referred to your manager, who could not agree it either, ${goodwill}.`;
    case 'walked-away':
      return `${s.customer.name} walked away without buying, ${goodwill}.`;
    default: {
      const unknown: never = state.outcome;
      throw new Error(`unknown outcome ${String(unknown)}`);
    }
  }
}
