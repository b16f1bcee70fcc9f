/**
 * What the learner's moves sound like, and the customer's stock answers when the scenario gives none of its
 * own. Kept apart from the engine so the wording can be improved without touching the rules.
 */
import { formatPercent, formatPounds } from '../special-terms';
import { basketSale, cashOff } from './economics';
import type { Scenario } from './schema';
import type { TradeAsk } from './schema-conversation';
import type { OfferItem } from './schema-parts';

export const DEFAULT_LINES = {
  accept: ['Right. Yes, that works for me.', 'Fair enough — I can say yes to that.', 'That sounds reasonable. Go on then.'],
  reject: ['Hmm. That doesn’t quite get me there.', 'I was hoping for a bit more than that, honestly.', 'I’m not sure that’s enough to make me decide today.'],
  notReady: ['Hang on — we haven’t agreed anything yet.', 'I’m not ready to say yes to that, sorry.'],
  leave: ['Do you know what, I’ll leave it. Thanks anyway.', 'Forget it. I’ll take my business somewhere else.'],
  declinedBadly: ['So that’s just a no, then. Right.', 'Well, that’s that. Not very helpful, is it?'],
} as const;

export type LineKind = keyof typeof DEFAULT_LINES;

/** The scenario's own lines for this moment if it has them, the stock ones otherwise. */
export function customerLines(s: Scenario, kind: LineKind): readonly string[] {
  const own = kind === 'declinedBadly' ? undefined : s.customer.lines[kind];
  return own && own.length > 0 ? own : DEFAULT_LINES[kind];
}

function joinList(parts: readonly string[]): string {
  if (parts.length <= 1) return parts[0] ?? '';
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1] ?? ''}`;
}

export function describeItem(s: Scenario, item: OfferItem): string {
  const c = s.concessions.find((x) => x.id === item.id);
  if (!c) return item.id;
  if (c.type === 'discount') return `${formatPercent(item.fraction ?? 0)} off (${formatPounds(cashOff(s, item))})`;
  return c.label;
}

export function describeItems(s: Scenario, items: readonly OfferItem[]): string {
  return joinList(items.map((i) => describeItem(s, i)));
}

export function offerLine(s: Scenario, items: readonly OfferItem[]): string {
  if (items.length === 0) return `I can do it at the full price of ${formatPounds(basketSale(s).price)}.`;
  return `I can offer ${describeItems(s, items)}.`;
}

export function tradeLine(s: Scenario, ask: TradeAsk, items: readonly OfferItem[]): string {
  return `If you ${ask.text}, then I can offer ${describeItems(s, items)}.`;
}

export const CLOSE_ATTEMPT = 'Shall we go ahead on that basis?';

/** What recording and following up sound like at each way of ending; a referral records the request, not an agreement. */
const EXTRAS = {
  close: { record: 'I’ll write this in our special-terms record now, so everyone here knows what we agreed.', followUp: 'I’ll be in touch afterwards to check it all went well — and please do tell us how we did.' },
  decline: { record: 'I’ll make a note of what you asked for and what we’ve arranged, so anyone here can pick it up.', followUp: 'I’ll check in with you next week to see whether it’s working, and I’d really like to hear if it isn’t.' },
  refer: { record: 'I’ll note down what you’ve asked for so my manager has the whole picture.', followUp: 'Whatever we decide, I’ll check back with you afterwards — and please tell us how we handled it.' },
} as const;

export function endingExtras(kind: keyof typeof EXTRAS, record: boolean, followUp: boolean): string {
  const parts: string[] = [];
  if (record) parts.push(EXTRAS[kind].record);
  if (followUp) parts.push(EXTRAS[kind].followUp);
  return parts.length ? ` ${parts.join(' ')}` : '';
}

export function summaryLine(s: Scenario, items: readonly OfferItem[], netPrice: number): string {
  const goods = joinList(s.products.map((p) => (p.quantity > 1 ? `${p.quantity} × ${p.name}` : p.name)));
  const cash = items.filter((i) => s.concessions.find((c) => c.id === i.id && (c.type === 'discount' || c.type === 'price-match')));
  const extras = items.filter((i) => !cash.includes(i));
  const withExtras = extras.length ? `, with ${describeItems(s, extras)}` : '';
  return `So, to sum up what we’ve agreed: ${goods} for ${formatPounds(netPrice)}${withExtras}.`;
}

export function declineLine(alternatives: readonly string[]): string {
  if (alternatives.length === 0) return 'I’m sorry, I can’t do that.';
  return `I’m sorry — that isn’t something I can agree, and I’d rather be straight with you than promise it. Here’s what I can do. ${alternatives.join(' ')}`;
}

export const REFER_LINE = 'That’s more than I can agree myself, and I don’t want to promise something I can’t deliver. Let me fetch my manager — it will only take a minute.';
