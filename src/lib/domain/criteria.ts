/**
 * The seventeen criteria of SSR.D002 in the project's own words. Every place that names a criterion
 * (content, database, URLs, exports) uses these ids and titles.
 */
export const criterionIds = ['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7', 'P8', 'P9', 'K1', 'K2', 'K3', 'K4', 'K5', 'K6', 'K7', 'K8'] as const;
export type CriterionId = (typeof criterionIds)[number];

export interface Criterion {
  id: CriterionId;
  kind: 'performance' | 'knowledge';
  title: string;
  summary: string;
}

/**
 * The titles on their own: the STAR editor's island lists every criterion by title, and keeping the
 * summaries in a table of their own keeps them out of the browser's JavaScript.
 */
export const criterionTitles: Readonly<Record<CriterionId, string>> = {
  P1: 'Choose your customer-relationship approach',
  P2: 'Decide when special terms pay',
  P3: 'Negotiate and keep goodwill',
  P4: 'Say no well and offer alternatives',
  P5: 'Match negotiating authority to ability',
  P6: 'Make authority limits clear',
  P7: 'Record and report special terms',
  P8: 'Monitor what special terms achieve',
  P9: 'Review the approach regularly',
  K1: 'Finding out about customers and competitors',
  K2: 'Benefits, drawbacks and cost of special terms',
  K3: 'Negotiating techniques that keep goodwill',
  K4: 'Customer tactics and how to respond',
  K5: 'Deciding levels of negotiating authority',
  K6: 'Keeping track of special terms',
  K7: 'Measuring satisfaction and effects',
  K8: 'What shapes customer expectations',
};

const summaries: Readonly<Record<CriterionId, string>> = {
  P1: 'Decide how the shop builds relationships with its customers by looking at who they are, what nearby competitors offer and what the brand stands for, so that extra effort goes where it earns loyalty.',
  P2: 'Before offering a discount, free extra or credit, weigh what it does to the margin against the chance of losing the sale without it and the value of the customer coming back.',
  P3: 'Reach agreements that leave the customer feeling well treated while the business keeps its margin, by asking, listening and trading rather than simply giving way.',
  P4: 'When a request cannot be met, explain it kindly and honestly and put a realistic alternative on the table, so the customer leaves with something and comes back.',
  P5: 'Give each member of staff the room to agree special terms that their proven skill justifies, no more and no less, and raise it as they show they can use it.',
  P6: 'Make sure every member of staff knows exactly what they may and may not agree, in plain words they have confirmed, and what to do when a customer asks for more.',
  P7: 'See that everyone who agrees a special term writes it down and tells the manager quickly, so the business knows what it has promised and what it has cost.',
  P8: 'Measure the effect of special terms on satisfaction, sales and profit, giving results time to appear and checking that something else did not cause them.',
  P9: 'Revisit the customer-relationship approach on a schedule and whenever customers, competitors or results change, and record what changed and why.',
  K1: 'Know the ways to learn who your customers are and what competitors are doing, and how to check what you hear, so decisions rest on facts.',
  K2: 'Know what special terms can win and what they can cost, and how to work out their effect on margin, volume and the value of a relationship.',
  K3: 'Know the techniques that protect both the relationship and the business: asking first, finding the need, trading concessions, offering low-cost extras and summarising.',
  K4: 'Recognise the tactics customers use when they negotiate, from anchoring to the walk-away threat, and know a calm response to each.',
  K5: 'Know how to set levels of authority and decide who should hold which, using evidence of skill, experience and what is at stake.',
  K6: 'Know the practical ways to record special terms, from a book at the till to software, and how to choose the one that suits the business.',
  K7: 'Know how to measure customer satisfaction and the effect of special terms fairly, with comparisons, enough data and an honest view of uncertainty.',
  K8: 'Know what raises or lowers what customers expect and how well special terms work, such as competitors, past offers, seasons and reviews, and how to keep an eye on them.',
};

// `@__PURE__`: a bundle that needs only the titles drops the full list and the summaries with it.
export const criteria: readonly Criterion[] = /* @__PURE__ */ criterionIds.map((id): Criterion => ({
  id,
  kind: id.startsWith('P') ? 'performance' : 'knowledge', // P1–P9 are performance, K1–K8 knowledge
  title: criterionTitles[id],
  summary: summaries[id],
}));

const byId = /* @__PURE__ */ new Map(/* @__PURE__ */ criteria.map((c) => [c.id, c]));

export function isCriterionId(value: string): value is CriterionId {
  return byId.has(value as CriterionId);
}

export function criterion(id: CriterionId): Criterion {
  const found = byId.get(id);
  if (!found) throw new Error(`unknown criterion ${id}`);
  return found;
}

/**
 * A set of criteria as one integer: bit i is `criterionIds[i]`. Each learner's met criteria are stored as
 * a mask beside their evidence states, so a manager's home weighs a whole shop against the authority
 * levels with one AND per person and level, not a set and a list each. The order is fixed: migration
 * 0012 wrote the stored masks with it, so a new criterion goes at the end.
 */
export function criteriaMask(ids: Iterable<CriterionId>): number {
  let mask = 0;
  for (const id of ids) {
    const bit = criterionIds.indexOf(id);
    if (bit < 0) throw new Error(`unknown criterion ${id}`);
    mask |= 1 << bit;
  }
  return mask;
}
