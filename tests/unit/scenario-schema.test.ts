import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseScenario, scenarioSchema } from '../../src/lib/domain/scenario/schema';

/** A real scenario, broken one field at a time. Fields are reached by index, so the table reads as the YAML does. */
const FILE = 'garden-centre-patio-set.yaml';
/** A loosely typed view of parsed YAML, so the table can break it on purpose. */
type Raw = Record<string, any>;
const source = parse(readFileSync(join(import.meta.dirname, '../../content/scenarios', FILE), 'utf8')) as Raw;
const fresh = (): Raw => structuredClone(source);
const at = (list: Raw[], id: string) => {
  const found = list.find((x) => x.id === id);
  if (!found) throw new Error(`fixture has no ${id}`);
  return found;
};

const broken: [string, string, (s: Raw) => void, RegExp][] = [
  ['an id that is not kebab-case', 'id', (s) => void (s.id = 'Garden Centre'), /lowercase-kebab/],
  ['an unknown criterion', 'criteria.0', (s) => void (s.criteria = ['P10']), /P1–P9 or K1–K8/],
  ['a criterion no attempt can show', 'criteria.1', (s) => void (s.criteria = ['P2', 'P9']), /cannot evidence P9/],
  ['an unknown tactic', 'tactics.2', (s) => void s.tactics.push('guilt-trip'), /one of anchoring/],
  ['a tactic listed that no beat uses', 'tactics', (s) => void s.tactics.push('deadline'), /deadline is listed but no beat uses it/],
  ['a beat whose tactic is not listed', 'beats.1.tactic', (s) => void (s.tactics = ['loyalty-appeal']), /nibble is used here but missing from tactics/],
  ['an unknown brand image', 'shop.brandImage', (s) => void (s.shop.brandImage = 'luxury'), /value, mid-market or premium/],
  ['an unknown customer profile', 'customer.profile', (s) => void (s.customer.profile = 'vip'), /new, regular, trade, high-value, unhappy/],
  ['a discount limit of 100 %', 'authority.maxDiscount', (s) => void (s.authority.maxDiscount = 1), /below 1/],
  ['a free price', 'products.0.price', (s) => void (s.products[0].price = 0), /above 0/],
  ['starting goodwill over 100', 'customer.goodwill', (s) => void (s.customer.goodwill = 120), /0–100/],
  ['an unknown concession type', 'concessions.1.type', (s) => void (s.concessions[1].type = 'voucher'), /a concession type is one of/],
  ['a need met by a concession that does not exist', 'customer.need.metBy.0', (s) => void (s.customer.need.metBy = ['valet']), /"valet" is not one of the concessions/],
  ['a non-cash concession with no value to the customer', 'customer.values', (s) => void delete s.customer.values.cover, /say what "cover" is worth/],
  ['a value put on a discount', 'customer.values.discount', (s) => void (s.customer.values.discount = 30), /worth the money it saves/],
  ['a value for a concession that does not exist', 'customer.values.valet', (s) => void (s.customer.values.valet = 5), /not one of the concessions/],
  ['a question id used twice', 'questions.1.id', (s) => void (s.questions[1].id = 'plans'), /"plans" is used twice/],
  ['a follow-up to a question that does not exist', 'questions.5.after', (s) => void (at(s.questions, 'summary').after = 'nowhere'), /"nowhere" is not one of the questions/],
  ['no poor question', 'questions', (s) => void s.questions.forEach((q: Raw) => (q.quality = 'good')), /at least one poor question/],
  ['no summarising question', 'questions', (s) => void (at(s.questions, 'summary').kind = 'clarifying'), /summarising question/],
  ['no question that reveals the need', 'questions', (s) => void (at(s.questions, 'getting-it-home').revealsNeed = false), /reveal the need/],
  ['a beat with no poor answer', 'beats.0.options', (s) => void (s.beats[0].options = s.beats[0].options.filter((o: Raw) => o.recognises === 'well')), /falls for the tactic/],
  ['a goodwill change out of range', 'beats.0.options.0.goodwill', (s) => void (s.beats[0].options[0].goodwill = 50), /at most 40/],
  ['an answer that gives away an unknown concession', 'beats.1.options.1.adds', (s) => void (s.beats[1].options[1].adds = [{ id: 'parasol' }]), /"parasol" is not one of this scenario's concessions/],
  ['an answer that gives a discount beyond the scenario', 'beats.0.options.1.adds', (s) => void (s.beats[0].options[1].adds = [{ id: 'discount', fraction: 0.3 }]), /at most 0.15/],
  ['a fraction on something that is not a discount', 'referral.managerOffer', (s) => void (s.referral.managerOffer = [{ id: 'cover', fraction: 0.1 }]), /takes no fraction/],
  ['a manager trade that does not exist', 'referral.managerTrade', (s) => void (s.referral.managerTrade = 'sing-a-song'), /not one of the trade asks/],
  ['a decline as best route with no workable alternative', 'alternatives', (s) => void ((s.bestRoute = 'decline'), s.alternatives.forEach((a: Raw) => (a.workable = false))), /workable alternative/],
  ['a note about a question that does not exist', 'notes.0.trigger.question', (s) => void (s.notes[0].trigger = { type: 'question-not-asked', question: 'ghost' }), /"ghost" is not one of the questions/],
  ['a note about an answer that does not exist', 'notes.1.trigger.option', (s) => void (s.notes[1].trigger = { type: 'option-chosen', beat: 'twelve-years', option: 'shrug' }), /not an option of beat/],
  ['a note with an unknown trigger', 'notes.0.trigger.type', (s) => void (s.notes[0].trigger = { type: 'whenever' }), /a note trigger type is one of/],
  ['a price match for a product that does not exist', 'concessions.5.product', (s) => void s.concessions.push({ id: 'match', type: 'price-match', label: 'a price match', product: 'gazebo', matchedPrice: 700 }), /"gazebo" is not one of the products/],
  ['a price match above the list price', 'concessions.5.matchedPrice', (s) => void s.concessions.push({ id: 'match', type: 'price-match', label: 'a price match', product: 'patio-set', matchedPrice: 800 }), /below the list price/],
];

describe('scenarioSchema', () => {
  it('accepts the scenario the table breaks', () => {
    expect(scenarioSchema.safeParse(fresh()).success).toBe(true);
  });

  it.each(broken)('rejects %s, naming %s', (_what, path, breakIt, message) => {
    const raw = fresh();
    breakIt(raw);
    const result = scenarioSchema.safeParse(raw);
    expect(result.success).toBe(false);
    const issues = result.success ? [] : result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    expect(issues.filter((i) => i.path === path).map((i) => i.message)).toEqual(expect.arrayContaining([expect.stringMatching(message)]));
  });

  it('fills in the defaults an author may leave out', () => {
    const raw = fresh();
    delete raw.tradeAsks;
    delete raw.concessions[0].step;
    delete raw.customer.leavesAt;
    const s = scenarioSchema.parse(raw);
    expect(s.tradeAsks).toEqual([]);
    expect(s.concessions[0]).toMatchObject({ type: 'discount', step: 0.01 });
    expect(s.customer.leavesAt).toBe(15);
    expect(s.questions[0]).toMatchObject({ revealsNeed: false, walkAwayShift: 0, techniques: [] });
  });
});

describe('parseScenario', () => {
  it('returns the scenario when the id matches the file name', () => {
    expect(parseScenario(fresh(), `content/scenarios/${FILE}`).id).toBe('garden-centre-patio-set');
  });

  it('names the file and each bad field', () => {
    const raw = fresh();
    raw.shop.brandImage = 'luxury';
    raw.customer.goodwill = -1;
    expect(() => parseScenario(raw, FILE)).toThrow(new RegExp(`^${FILE}: .*shop\\.brandImage: .*customer\\.goodwill: `));
  });

  it('refuses an id that differs from the file name', () => {
    expect(() => parseScenario(fresh(), 'patio.yaml')).toThrow('patio.yaml: id: must equal the file name "patio" (got "garden-centre-patio-set")');
  });

  it('names the top level when the file is not an object at all', () => {
    expect(() => parseScenario('just text', FILE)).toThrow(`${FILE}: (top level):`);
  });
});
