/**
 * General behaviours added after heldout-c was read for development (see the README's history). Each is
 * checked with short invented sentences in a setting of their own, never with fixture texts.
 */
import { describe, expect, it } from 'vitest';
import { reviewReflection } from '../../src/lib/domain/star-feedback';
import type { PointId } from '../../src/lib/domain/star-feedback';
import { verdictIn, type Row } from './support/star-rows';

const deli = (middle: string) =>
  `Last Tuesday an older man came into our deli looking for cheese for his daughter's engagement party. ${middle} He paid and went home.`;

const check = verdictIn(deli);

describe('listening: questioning a customer, not a crowd or the team', () => {
  it.each<Row>([
    ['the storyteller present "turns out"', 'He was chatting away and turns out the party is for forty people.', 'partial'],
    ['drawing the customer out', 'I got him talking about the party first.', 'partial'],
    ['a relative "which" is not a second question', 'I asked what he liked, then gave him the brie, which is what we sell most of.', 'partial'],
    ['a real second question still counts', 'I asked what he liked, and which wines they would be drinking.', 'evidenced'],
    ['questions put to a crowd are feedback, not listening', 'That week we were asking customers at the till what cheeses we should stock.', 'missing'],
  ])('%s → %s', check('listening'));

  it('an account about the team, where "people" are staff, is not about serving customers', () => {
    const text =
      'Last month I had to fix the staff rota because the team felt it was unfair. I asked people what had gone wrong and summed up ' +
      'what they said at the team meeting. Sickness absence fell from 9 shifts to 3 in the next month.';
    const r = reviewReflection(text);
    for (const point of ['listening', 'business-link', 'feedback-loop'] as const) expect(r.points[point].verdict).toBe('missing');
  });
});

describe('policy-conflict: a rule described in the shop\'s own words', () => {
  it.each<Row>([
    ['"we don\'t do…" right after his request, alternative and reason', 'He asked if he could pay next week. We don\'t do credit, so I said no, but I could hold the cheese until Friday because he has shopped with us for ten years.', 'evidenced'],
    ['"we don\'t do…" with no request is not a clash', 'We don\'t do loyalty cards here and never have.', 'missing'],
    ['a guarantee with conditions', 'He wanted his money back for a cheese he bought in May. Our freshness promise only applies with a receipt and he had lost his.', 'partial'],
    ['the rule given as its own reason', 'He wanted a discount on the whole wheel. I told him rules are rules and I couldn\'t discount it, but I offered a smaller wheel.', 'partial'],
    ['his reason for asking is not my justification', 'He then asked if we\'d take £5 off because the market was cheaper. We don\'t price match the market, but I offered him a free jar of chutney.', 'partial'],
    ['a clash said not to have happened', 'No policy issue came up at all.', 'missing'],
    ['a habit told with "sometimes"', 'Sometimes customers get annoyed when we can\'t cut a wheel in half, but I just tell them it\'s the rules.', 'missing'],
  ])('%s → %s', check('policy-conflict'));
});

describe('personalisation: what was done for this person', () => {
  it.each<Row>([
    ['his name on something kept for him', 'I kept a wedge of stilton back with his name on it for Saturday.', 'evidenced'],
    ['knowing how he likes it', 'Over the years I\'ve learned how he likes his ham sliced, so I did it thin.', 'evidenced'],
    ['arranged around his circumstances', 'I booked the platter collection around his shifts at the hospital.', 'evidenced'],
    ['steering without a tie to him', 'I steered him to the olive counter.', 'partial'],
    ['a notes card written for him', 'I scribbled serving quantities on a card for him.', 'partial'],
    ['"a regular customer" is only a description', 'A regular customer in the queue behind him coughed.', 'missing'],
  ])('%s → %s', check('personalisation'));

  it('a record of many customers\' preferences is a practice, not one person', () => {
    const text = `${deli('I asked what he liked.')} I have also started keeping a list of which regulars like which cheeses.`;
    expect(reviewReflection(text).points.personalisation.verdict).toBe('partial');
  });

  it('a pick that echoes the learner\'s summary back counts as tied to him', () => {
    const middle =
      'I asked how many guests and what they liked. I said back to him, "So forty guests, mostly mild tastes?" and he nodded. ' +
      'I recommended two mild cheddars and a soft goat\'s cheese for forty.';
    expect(reviewReflection(deli(middle)).points.personalisation.verdict).toBe('evidenced');
  });
});

describe('business-link: a number near a customer outcome', () => {
  it.each<Row>([
    ['spend since, with the number before "since"', 'He has spent about £200 with us since.', 'evidenced'],
    ['a referral counted', 'He has sent two friends in since then.', 'evidenced'],
    ['standing spend given as a range', 'He spends roughly £40 to £50 a week with us, so keeping him mattered.', 'evidenced'],
    ['a number in an earlier clause is not the result', 'He left a £10 deposit, and it was still there when he came back for it.', 'partial'],
    ['paperwork coming back is not a customer coming back', 'On Monday I read the comment cards that had come back.', 'missing'],
    ['a "no." that ends a sentence is not an abbreviation', 'He thanked me for not just saying no. In May he came back and spent £50 on the party cheeses.', 'evidenced'],
  ])('%s → %s', check('business-link'));
});

describe('feedback-loop: a change after one case, and vocabulary without an event', () => {
  it.each<Row>([
    ['a change proposed off the back of the case', 'Off the back of it I suggested we ask about allergies whenever someone orders a platter.', 'partial'],
    ['technique names are not a mechanism', 'I used feedback mechanisms such as surveys to continuously improve service.', 'missing'],
  ])('%s → %s', check('feedback-loop'));
});

describe('the new cues stay negation-safe', () => {
  it.each<[string, PointId, string]>([
    ['no name on anything', 'personalisation', "I didn't keep anything back with his name on it."],
    ['nothing arranged around him', 'personalisation', 'I never booked anything around his shifts.'],
    ['no spend since', 'business-link', "He hasn't spent anything with us since."],
    ['not drawn out', 'listening', "I didn't get him talking at all."],
  ])('%s', (_name, point, middle) => {
    expect(reviewReflection(deli(middle)).points[point].verdict).toBe('missing');
  });
});
