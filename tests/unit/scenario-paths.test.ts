import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { debrief } from '../../src/lib/domain/scenario/debrief';
import { applyMove, initialState } from '../../src/lib/domain/scenario/engine';
import type { Move } from '../../src/lib/domain/scenario/moves';
import { parseScenario, type Scenario } from '../../src/lib/domain/scenario/schema';
import type { OfferItem } from '../../src/lib/domain/scenario/schema-parts';
import type { AttemptState } from '../../src/lib/domain/scenario/state';

const dir = join(import.meta.dirname, '../../content/scenarios');
const load = (id: string) => parseScenario(parse(readFileSync(join(dir, `${id}.yaml`), 'utf8')), `${id}.yaml`);

const ending = { record: true, followUp: true };
/**
 * For each scenario, what a trainer would call the best finish, and the most generous offer a learner might
 * reach for. The paths around them (answers to tactics, questions) are built from the scenario itself.
 */
const ROUTES: Record<string, { best: Move[]; giveaway: OfferItem[] }> = {
  'garden-centre-patio-set': { best: [{ type: 'trade', ask: 'thursday-van', concessions: [{ id: 'delivery-assembly' }] }, { type: 'close', ...ending }], giveaway: [{ id: 'discount', fraction: 0.15 }] },
  'boutique-occasion-dress': { best: [{ type: 'trade', ask: 'preview-evening', concessions: [{ id: 'express-alterations' }] }, { type: 'close', ...ending }], giveaway: [{ id: 'discount', fraction: 0.35 }] },
  'electrical-tv-price-match': { best: [{ type: 'trade', ask: 'weekday-evening', concessions: [{ id: 'install' }] }, { type: 'close', ...ending }], giveaway: [{ id: 'match-claimed' }, { id: 'discount', fraction: 0.1 }] },
  'cycle-shop-commuter-bike': { best: [{ type: 'trade', ask: 'helmet-today', concessions: [{ id: 'd-lock' }] }, { type: 'close', ...ending }], giveaway: [{ id: 'discount', fraction: 0.15 }] },
  'grocer-veg-box-complaint': { best: [{ type: 'decline', alternativeIds: ['tuesday-evening'], ...ending }], giveaway: [{ id: 'discount', fraction: 0.5 }, { id: 'replace-box' }] },
  'electrical-washer-out-of-warranty': { best: [{ type: 'decline', alternativeIds: ['repair-tomorrow'], ...ending }], giveaway: [{ id: 'discount', fraction: 0.6 }] },
  'furniture-dining-set': { best: [{ type: 'refer', ...ending }], giveaway: [{ id: 'discount', fraction: 0.15 }] },
  'trade-counter-credit': { best: [{ type: 'refer', ...ending }], giveaway: [{ id: 'discount', fraction: 0.15 }, { id: 'site-delivery' }] },
};

type Style = 'well' | 'rude';
/** Answer a waiting tactic: the first answer that handles it well, or (rude) the one that costs most goodwill. */
function answer(s: Scenario, state: AttemptState, style: Style): Move {
  const beat = s.beats.find((b) => b.id === state.pendingBeat);
  if (!beat) throw new Error('no beat waiting');
  const option = style === 'well' ? beat.options.find((o) => o.recognises === 'well') : [...beat.options].sort((a, b) => a.goodwill - b.goodwill)[0];
  return { type: 'respond', beatId: beat.id, optionId: option?.id ?? '' };
}

/** Play the plan, answering any tactic in the given style; a close interrupted by a tactic is tried again. */
function run(s: Scenario, plan: Move[], style: Style): AttemptState {
  let state = initialState(s, 3);
  const step = (m: Move) => {
    while (!state.ended && state.pendingBeat) state = applyMove(s, state, answer(s, state, style));
    if (!state.ended) state = applyMove(s, state, m);
  };
  for (const m of plan) step(m);
  const last = plan.at(-1);
  for (let i = 0; i < 2 && last?.type === 'close'; i++) step(last);
  while (!state.ended && state.pendingBeat) state = applyMove(s, state, answer(s, state, style));
  return state;
}

/** Every question of this quality, in an order that respects follow-ups (summaries last). */
function questions(s: Scenario, quality: 'good' | 'poor'): Move[] {
  const wanted = s.questions.filter((q) => q.quality === quality).sort((a, b) => Number(a.kind === 'summarising') - Number(b.kind === 'summarising'));
  const asked: string[] = [];
  for (let pass = 0; pass < wanted.length; pass++) {
    for (const q of wanted) if (!asked.includes(q.id) && (q.after === undefined || asked.includes(q.after))) asked.push(q.id);
  }
  return asked.map((questionId) => ({ type: 'ask', questionId }));
}

const expectedOutcome = { deal: 'deal', decline: 'declined-positively', refer: 'referred' } as const;

describe.each(Object.keys(ROUTES))('%s', (id) => {
  const s = load(id);
  const route = ROUTES[id]!;
  const good = run(s, [...questions(s, 'good'), ...route.best], 'well');
  const goodDebrief = debrief(s, good);
  const giveaway = run(s, [{ type: 'offer', concessions: route.giveaway }, { type: 'close' }], 'well');
  const giveawayDebrief = debrief(s, giveaway);

  it('rewards the good path: listen, answer tactics well, find the need and take the best route', () => {
    expect(good.outcome).toBe(expectedOutcome[s.bestRoute]);
    expect(good.needRevealed).toBe(true);
    expect(good.goodwill).toBeGreaterThan(s.customer.goodwill);
    expect(goodDebrief.bestRoute.followed).toBe(true);
    expect(goodDebrief.authority.status).toBe(s.bestRoute === 'refer' ? 'referred-correctly' : 'kept');
    expect(Object.values(goodDebrief.points).map((p) => p.verdict)).toEqual(['evidenced', 'evidenced', 'evidenced', 'evidenced', 'evidenced']);
    expect(goodDebrief.criteriaEvidenced).toEqual(s.criteria);
    expect(goodDebrief.techniquesMissed).toEqual([]);
    expect(goodDebrief.score.total).toBeGreaterThanOrEqual(85);
  });

  it('lets the giveaway win the sale but flags it and scores it lower', () => {
    expect(giveaway.outcome).toBe('deal');
    expect(giveaway.authority).toBe('breached');
    expect(giveawayDebrief.authority.status).toBe('breached');
    expect(giveawayDebrief.economics.profitKept).toBeLessThan(goodDebrief.economics.profitKept);
    expect(giveawayDebrief.points['business-link'].verdict).toBe('missing');
    expect(giveawayDebrief.score.total).toBeLessThan(goodDebrief.score.total - 30);
  });

  it('sinks goodwill on the rude path, and the good offer no longer lands', () => {
    const rude = run(s, [...questions(s, 'poor'), ...route.best], 'rude');
    expect(rude.goodwill).toBeLessThan(s.customer.goodwill);
    expect(rude.repeatProbability).toBeLessThan(s.customer.repeatBaseline);
    if (s.bestRoute === 'deal') expect(rude.outcome).not.toBe('deal');
    expect(debrief(s, rude).score.total).toBeLessThan(goodDebrief.score.total - 30);
  });

  it('flags an offer beyond authority at the move it was made, until a manager is fetched', () => {
    let state = run(s, [{ type: 'offer', concessions: route.giveaway }], 'well');
    const offerSeq = state.transcript.find((t) => t.move === 'offer')?.seq;
    expect(state.offer?.withinAuthority).toBe(false);
    expect(state.authorityFlags).toEqual([offerSeq]);
    state = applyMove(s, state, { type: 'refer' });
    expect(state.authority).toBe('referred');
    const d = debrief(s, state);
    expect(d.authority.status).toBe(s.bestRoute === 'refer' ? 'referred-correctly' : 'referred-unnecessarily');
    expect(d.authority.overLimitAt).toEqual([offerSeq]);
  });
});
