/**
 * Cross-field rules for a scenario: every id referred to exists, the tactics listed are the tactics the beats
 * use, and the scenario has what a trainer needs (a need to find, poor questions as well as good, answers
 * that handle each tactic well and badly). Each problem is reported at the path of the field to fix.
 */
import type { z } from 'zod';
import { CRITERION_RULES } from './debrief-rules';
import { itemsProblem } from './items';
import type { ScenarioShape } from './schema';

type Path = (string | number)[];
const CASH = new Set(['discount', 'price-match']);

export function checkScenarioRules(s: ScenarioShape, ctx: z.RefinementCtx): void {
  const issue = (path: Path, message: string) => ctx.addIssue({ code: 'custom', path, message });

  const unique = (list: readonly { id: string }[], path: Path, what: string) =>
    list.forEach((x, i) => {
      if (list.findIndex((y) => y.id === x.id) !== i) issue([...path, i, 'id'], `${what} id "${x.id}" is used twice`);
    });
  unique(s.products, ['products'], 'product');
  unique(s.concessions, ['concessions'], 'concession');
  unique(s.questions, ['questions'], 'question');
  unique(s.beats, ['beats'], 'beat');
  unique(s.tradeAsks, ['tradeAsks'], 'trade ask');
  unique(s.alternatives, ['alternatives'], 'alternative');
  s.beats.forEach((b, i) => unique(b.options, ['beats', i, 'options'], 'option'));

  const twice = <T>(list: readonly T[]) => list.filter((v, i) => list.indexOf(v) !== i);
  for (const c of twice(s.criteria)) issue(['criteria'], `${c} is listed twice`);
  // A scenario may only claim what a finished attempt can show; the debrief has no way to evidence the rest.
  s.criteria.forEach((c, i) => {
    if (!CRITERION_RULES[c]) issue(['criteria', i], `an attempt cannot evidence ${c}; scenarios can claim ${Object.keys(CRITERION_RULES).join(', ')}`);
  });
  for (const t of twice(s.tactics)) issue(['tactics'], `${t} is listed twice`);
  for (const t of twice(s.authority.allowedConcessions)) issue(['authority', 'allowedConcessions'], `${t} is listed twice`);

  // The tactics list is what other tools read (CONTRACTS §6), so it must say exactly what the beats do.
  const used = new Set(s.beats.map((b) => b.tactic));
  for (const t of s.tactics) if (!used.has(t)) issue(['tactics'], `${t} is listed but no beat uses it`);
  s.beats.forEach((b, i) => {
    if (!s.tactics.includes(b.tactic)) issue(['beats', i, 'tactic'], `${b.tactic} is used here but missing from tactics`);
  });

  const products = new Map(s.products.map((p) => [p.id, p]));
  s.concessions.forEach((c, i) => {
    if (c.type !== 'price-match' && c.type !== 'extended-returns') return;
    const p = products.get(c.product);
    if (!p) return issue(['concessions', i, 'product'], `"${c.product}" is not one of the products`);
    if (c.type === 'price-match' && c.matchedPrice >= p.price) issue(['concessions', i, 'matchedPrice'], `a price match must be below the list price £${p.price}`);
    if (c.type === 'extended-returns' && c.recoveryValue > p.unitCost) issue(['concessions', i, 'recoveryValue'], `a returned unit cannot be worth more than its cost £${p.unitCost}`);
  });

  const concessionIds = new Set(s.concessions.map((c) => c.id));
  for (const key of Object.keys(s.customer.values)) {
    if (!concessionIds.has(key)) issue(['customer', 'values', key], `"${key}" is not one of the concessions`);
  }
  s.concessions.forEach((c) => {
    const has = s.customer.values[c.id] !== undefined;
    if (CASH.has(c.type) && has) issue(['customer', 'values', c.id], `a ${c.type} is worth the money it saves, so give it no value here`);
    if (!CASH.has(c.type) && !has) issue(['customer', 'values'], `say what "${c.id}" is worth to the customer`);
  });
  s.customer.need.metBy.forEach((id, i) => {
    if (!concessionIds.has(id)) issue(['customer', 'need', 'metBy', i], `"${id}" is not one of the concessions`);
  });

  const questionIds = new Set(s.questions.map((q) => q.id));
  s.questions.forEach((q, i) => {
    if (q.after === q.id) issue(['questions', i, 'after'], 'a question cannot follow itself');
    else if (q.after !== undefined && !questionIds.has(q.after)) issue(['questions', i, 'after'], `"${q.after}" is not one of the questions`);
  });
  const needs: [boolean, string][] = [
    [s.questions.some((q) => q.revealsNeed), 'at least one question must reveal the need'],
    [s.questions.some((q) => q.kind === 'open' && q.quality === 'good'), 'give at least one good open question'],
    [s.questions.some((q) => q.kind === 'summarising'), 'give at least one summarising question'],
    [s.questions.some((q) => q.quality === 'poor'), 'give at least one poor question (leading or pushy), so there is a mistake to learn from'],
  ];
  for (const [ok, message] of needs) if (!ok) issue(['questions'], message);

  s.beats.forEach((b, i) => {
    if (!b.options.some((o) => o.recognises === 'well')) issue(['beats', i, 'options'], 'give at least one answer that handles the tactic well');
    if (!b.options.some((o) => o.recognises === 'poorly')) issue(['beats', i, 'options'], 'give at least one answer that falls for the tactic');
    b.options.forEach((o, j) => {
      const problem = itemsProblem(s.concessions, o.adds);
      if (problem) issue(['beats', i, 'options', j, 'adds'], problem);
    });
  });

  if (s.referral.managerOffer) {
    const problem = itemsProblem(s.concessions, s.referral.managerOffer);
    if (problem) issue(['referral', 'managerOffer'], problem);
  }
  if (s.referral.managerTrade !== undefined && !s.tradeAsks.some((t) => t.id === s.referral.managerTrade)) {
    issue(['referral', 'managerTrade'], `"${s.referral.managerTrade}" is not one of the trade asks`);
  }
  if (s.bestRoute === 'decline' && !s.alternatives.some((a) => a.workable)) issue(['alternatives'], 'when the best route is a decline, give at least one workable alternative');

  const beatOptions = new Map(s.beats.map((b) => [b.id, new Set(b.options.map((o) => o.id))]));
  s.notes.forEach((n, i) => {
    const at: Path = ['notes', i, 'trigger'];
    const t = n.trigger;
    switch (t.type) {
      case 'question-asked':
      case 'question-not-asked':
        if (!questionIds.has(t.question)) issue([...at, 'question'], `"${t.question}" is not one of the questions`);
        break;
      case 'option-chosen': {
        const options = beatOptions.get(t.beat);
        if (!options) issue([...at, 'beat'], `"${t.beat}" is not one of the beats`);
        else if (!options.has(t.option)) issue([...at, 'option'], `"${t.option}" is not an option of beat "${t.beat}"`);
        break;
      }
      case 'concession-given':
        if (!concessionIds.has(t.concession)) issue([...at, 'concession'], `"${t.concession}" is not one of the concessions`);
        break;
      case 'need-missed':
      case 'offered-before-asking':
      case 'authority-breached':
      case 'outcome':
      case 'no-trade':
        break;
      default: {
        const unknown: never = t;
        issue(at, `unknown trigger ${String((unknown as { type: unknown }).type)}`);
      }
    }
  });
}
