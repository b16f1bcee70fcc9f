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

export const criteria: readonly Criterion[] = [
  { id: 'P1', kind: 'performance', title: 'Choose your customer-relationship approach', summary: 'Decide how the shop builds relationships with its customers by looking at who they are, what nearby competitors offer and what the brand stands for, so that extra effort goes where it earns loyalty.' },
  { id: 'P2', kind: 'performance', title: 'Decide when special terms pay', summary: 'Before offering a discount, free extra or credit, weigh what it does to the margin against the chance of losing the sale without it and the value of the customer coming back.' },
  { id: 'P3', kind: 'performance', title: 'Negotiate and keep goodwill', summary: 'Reach agreements that leave the customer feeling well treated while the business keeps its margin, by asking, listening and trading rather than simply giving way.' },
  { id: 'P4', kind: 'performance', title: 'Say no well and offer alternatives', summary: 'When a request cannot be met, explain it kindly and honestly and put a realistic alternative on the table, so the customer leaves with something and comes back.' },
  { id: 'P5', kind: 'performance', title: 'Match negotiating authority to ability', summary: 'Give each member of staff the room to agree special terms that their proven skill justifies, no more and no less, and raise it as they show they can use it.' },
  { id: 'P6', kind: 'performance', title: 'Make authority limits clear', summary: 'Make sure every member of staff knows exactly what they may and may not agree, in plain words they have confirmed, and what to do when a customer asks for more.' },
  { id: 'P7', kind: 'performance', title: 'Record and report special terms', summary: 'See that everyone who agrees a special term writes it down and tells the manager quickly, so the business knows what it has promised and what it has cost.' },
  { id: 'P8', kind: 'performance', title: 'Monitor what special terms achieve', summary: 'Measure the effect of special terms on satisfaction, sales and profit, giving results time to appear and checking that something else did not cause them.' },
  { id: 'P9', kind: 'performance', title: 'Review the approach regularly', summary: 'Revisit the customer-relationship approach on a schedule and whenever customers, competitors or results change, and record what changed and why.' },
  { id: 'K1', kind: 'knowledge', title: 'Finding out about customers and competitors', summary: 'Know the ways to learn who your customers are and what competitors are doing, and how to check what you hear, so decisions rest on facts.' },
  { id: 'K2', kind: 'knowledge', title: 'Benefits, drawbacks and cost of special terms', summary: 'Know what special terms can win and what they can cost, and how to work out their effect on margin, volume and the value of a relationship.' },
  { id: 'K3', kind: 'knowledge', title: 'Negotiating techniques that keep goodwill', summary: 'Know the techniques that protect both the relationship and the business: asking first, finding the need, trading concessions, offering low-cost extras and summarising.' },
  { id: 'K4', kind: 'knowledge', title: 'Customer tactics and how to respond', summary: 'Recognise the tactics customers use when they negotiate, from anchoring to the walk-away threat, and know a calm response to each.' },
  { id: 'K5', kind: 'knowledge', title: 'Deciding levels of negotiating authority', summary: 'Know how to set levels of authority and decide who should hold which, using evidence of skill, experience and what is at stake.' },
  { id: 'K6', kind: 'knowledge', title: 'Keeping track of special terms', summary: 'Know the practical ways to record special terms, from a book at the till to software, and how to choose the one that suits the business.' },
  { id: 'K7', kind: 'knowledge', title: 'Measuring satisfaction and effects', summary: 'Know how to measure customer satisfaction and the effect of special terms fairly, with comparisons, enough data and an honest view of uncertainty.' },
  { id: 'K8', kind: 'knowledge', title: 'What shapes customer expectations', summary: 'Know what raises or lowers what customers expect and how well special terms work, such as competitors, past offers, seasons and reviews, and how to keep an eye on them.' },
];

const byId = new Map(criteria.map((c) => [c.id, c]));

export function isCriterionId(value: string): value is CriterionId {
  return byId.has(value as CriterionId);
}

export function criterion(id: CriterionId): Criterion {
  const found = byId.get(id);
  if (!found) throw new Error(`unknown criterion ${id}`);
  return found;
}
