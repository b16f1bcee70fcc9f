/**
 * The pieces of the scenario format that describe the customer and the conversation: their hidden need and
 * walk-away point, the questions, the tactic beats, trades, alternatives, the manager, and the trainer's
 * notes. Every field carries a doc comment for content authors.
 */
import { z } from 'zod';
import { beatTimings, outcomes, profiles, questionKinds, tacticIds } from './ids';
import { fraction, goodwillEffect, kebabId, offerItemSchema, pounds, techniques, text } from './schema-parts';

export const needSchema = z.object({
  /** What the customer really needs, for the debrief: "the set assembled before her grandchildren visit". */
  summary: text(10, 'the need summary'),
  /** Concessions that meet the need (ids from `concessions`). */
  metBy: z.array(kebabId),
  /** Extra value, in pounds, the customer sees in an offer that meets the need once they have told you about it: being listened to is worth something. */
  boost: pounds('the need boost'),
});

const linePool = z.array(text(2, 'a line')).min(1, 'give at least one line');

export const customerSchema = z.object({
  /** The customer's first name, or how staff would refer to them. */
  name: text(2, 'the customer name'),
  /** Which kind of customer: new, regular, trade, high-value or unhappy. */
  profile: z.enum(profiles, { message: `profile is one of ${profiles.join(', ')}` }),
  /** What the learner can see and knows before they speak: who they are, why they are here, their mood. */
  intro: text(30, 'the customer intro'),
  /** The first thing they say. */
  openingLine: text(10, 'the opening line'),
  /** The need behind the request, revealed only by good questions. */
  need: needSchema,
  /** Hidden: the value in pounds an offer must reach before they say yes (at their starting mood). */
  walkAway: pounds('walkAway'),
  /** Hidden: what each non-cash concession is worth to them, in pounds, by concession id. Discounts and price matches are worth the money they save. */
  values: z.record(z.string(), pounds('a concession value')),
  /** Pounds of offer value one point of goodwill is worth to them: a warmer customer needs less to say yes. */
  goodwillWorth: pounds('goodwillWorth'),
  /** Profit the shop can expect from their future business if they come back, in pounds. */
  lifetimeValue: pounds('lifetimeValue'),
  /** Chance they come back, at their starting mood, if nothing else happens. */
  repeatBaseline: fraction('repeatBaseline'),
  /** Their mood on arrival, 0–100. */
  goodwill: z.number().int('goodwill is a whole number').min(0, 'goodwill is 0–100').max(100, 'goodwill is 0–100'),
  /** They walk out if goodwill falls to this or below. */
  leavesAt: z.number().int().min(0).max(100).default(15),
  /** Optional lines in their own voice; the engine has plain defaults and picks among them with the seed. */
  lines: z
    .object({
      /** Said when an offer is good enough. */
      accept: linePool.optional(),
      /** Said when an offer falls short. */
      reject: linePool.optional(),
      /** Said when the learner tries to close before anything is agreed. */
      notReady: linePool.optional(),
      /** Said when they walk out. */
      leave: linePool.optional(),
    })
    .default({}),
});

export const questionSchema = z.object({
  /** Unique among the questions. */
  id: kebabId,
  /** open (what, how, tell me), clarifying (checking a detail), or summarising (saying back what you heard). */
  kind: z.enum(questionKinds, { message: 'kind is open, clarifying or summarising' }),
  /** What the learner asks, word for word. */
  text: text(5, 'the question text'),
  /** What the customer says back. */
  reply: text(2, 'the reply'),
  /** good, or poor (leading, pushy, closed when it should be open); poor questions do not count as listening. */
  quality: z.enum(['good', 'poor'], { message: 'quality is good or poor' }),
  /** Whether the reply tells the learner the hidden need. */
  revealsNeed: z.boolean().default(false),
  /** How the question changes the customer's mood. */
  goodwill: goodwillEffect,
  /** Pounds added to (or, negative, taken off) the customer's walk-away point by what this question brings out. */
  walkAwayShift: z.number().default(0),
  /** Only available after this question has been asked (a follow-up). */
  after: kebabId.optional(),
  /** Techniques this question shows, beyond what its kind implies (e.g. verify-claims). */
  techniques: techniques.default([]),
});
export type Question = z.infer<typeof questionSchema>;

export const responseOptionSchema = z.object({
  /** Unique within the beat. */
  id: kebabId,
  /** What the learner says. */
  text: text(5, 'the response text'),
  /** Whether this answer recognises the tactic and handles it well, or falls for it. */
  recognises: z.enum(['well', 'poorly'], { message: 'recognises is well or poorly' }),
  /** What the customer says back. */
  reply: text(2, 'the reply'),
  /** How the answer changes the customer's mood. */
  goodwill: goodwillEffect,
  /** Pounds added to (or taken off) the walk-away point: giving ground to an anchor raises it; checking a claim can lower it. */
  walkAwayShift: z.number().default(0),
  /** Concessions this answer gives away on the spot, added to the current offer (a nibble conceded). */
  adds: z.array(offerItemSchema).default([]),
  /** Techniques the answer shows (stay-calm, verify-claims, honest-limits…), beyond what recognising the tactic implies. */
  techniques: techniques.default([]),
});

export const beatSchema = z.object({
  /** Unique among the beats. */
  id: kebabId,
  /** The tactic the customer is using (CONTRACTS §5 ids). */
  tactic: z.enum(tacticIds, { message: `tactic is one of ${tacticIds.join(', ')}` }),
  /** start: right after the opening line; after-first-offer: in reply to the first offer; after-rejected-offer: the first time an offer falls short; before-close: when the learner first tries to close a deal. */
  when: z.enum(beatTimings, { message: `when is one of ${beatTimings.join(', ')}` }),
  /** What the customer says or does that carries the tactic. */
  cue: text(5, 'the cue'),
  /** The answers the learner can choose from; at least one handles it well and one poorly. */
  options: z.array(responseOptionSchema).min(2, 'a beat needs at least two response options'),
});
export type Beat = z.infer<typeof beatSchema>;

export const tradeAskSchema = z.object({
  /** Unique among the trade asks. */
  id: kebabId,
  /** What the learner asks in return, written to follow "If you …": "collect it from the yard yourself". */
  text: text(5, 'the trade ask'),
  /** What the customer says to being asked. */
  reply: text(2, 'the reply'),
  /** Whether they are willing; if not, the trade falls through whatever is offered. */
  willing: z.boolean({ message: 'say whether the customer is willing (true or false)' }),
  /** What agreeing costs them, in pounds of value, taken off what the offer is worth to them. */
  customerCost: pounds('customerCost'),
  /** What the shop gains, in pounds of profit (a saved delivery, a bigger order, cash today). */
  shopValue: pounds('shopValue'),
  /** How being asked changes their mood. */
  goodwill: goodwillEffect,
});
export type TradeAsk = z.infer<typeof tradeAskSchema>;

export const alternativeSchema = z.object({
  /** Unique among the alternatives. */
  id: kebabId,
  /** What the learner offers instead, as a full sentence in their voice. */
  text: text(10, 'the alternative'),
  /** What the customer says to it. */
  reply: text(2, 'the reply'),
  /** Whether it is a realistic alternative this customer could take up; a decline with none ends with them walking away. */
  workable: z.boolean({ message: 'say whether the alternative is workable (true or false)' }),
  /** Whether it meets the hidden need. */
  meetsNeed: z.boolean().default(false),
  /** Profit to the shop if they take it up, in pounds. */
  profit: z.number().default(0),
  /** How hearing it changes their mood. */
  goodwill: goodwillEffect,
});
export type Alternative = z.infer<typeof alternativeSchema>;

export const referralSchema = z.object({
  /** What the manager says when fetched. Whether fetching them was right is `bestRoute: refer`. */
  managerSays: text(10, 'what the manager says'),
  /** How being referred changes the customer's mood (waiting costs a little; being taken seriously can gain). */
  goodwill: goodwillEffect,
  /** What the manager agrees, which may go beyond the learner's authority; leave out if the manager also says no. */
  managerOffer: z.array(offerItemSchema).optional(),
  /** The trade the manager asks in return, if any (an id from `tradeAsks`). */
  managerTrade: kebabId.optional(),
});

const trigger = z.discriminatedUnion(
  'type',
  [
    /** The need was never found. */
    z.object({ type: z.literal('need-missed') }),
    /** The first offer came before any good question. */
    z.object({ type: z.literal('offered-before-asking') }),
    z.object({
      /** This question was asked. */
      type: z.literal('question-asked'),
      /** The question's id. */
      question: kebabId,
    }),
    z.object({
      /** This question was never asked. */
      type: z.literal('question-not-asked'),
      /** The question's id. */
      question: kebabId,
    }),
    z.object({
      /** This answer was chosen to a beat. */
      type: z.literal('option-chosen'),
      /** The beat's id. */
      beat: kebabId,
      /** The answer's id within the beat. */
      option: kebabId,
    }),
    z.object({
      /** This concession was in the final offer of a sale. */
      type: z.literal('concession-given'),
      /** The concession's id. */
      concession: kebabId,
    }),
    /** An offer went beyond the learner's authority. */
    z.object({ type: z.literal('authority-breached') }),
    z.object({
      /** The attempt ended this way. */
      type: z.literal('outcome'),
      /** deal, declined-positively, referred or walked-away. */
      outcome: z.enum(outcomes),
    }),
    /** No trade was ever proposed. */
    z.object({ type: z.literal('no-trade') }),
  ],
  { message: 'a note trigger type is one of need-missed, offered-before-asking, question-asked, question-not-asked, option-chosen, concession-given, authority-breached, outcome, no-trade' },
);
export type NoteTrigger = z.infer<typeof trigger>;

export const noteSchema = z.object({
  /** When the note applies. */
  trigger,
  /** What the trainer would say about that moment: "Here, asking when the party is would have shown…". */
  text: text(20, 'the note'),
});
