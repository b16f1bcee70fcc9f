/**
 * General behaviours added after heldout-d was read for development (see the fixtures README's history).
 * Each is checked with short invented sentences in a setting of their own (a hat shop), never with
 * fixture texts.
 */
import { describe, expect, it } from 'vitest';
import { reviewReflection } from '../../src/lib/domain/star-feedback';
import type { PointId } from '../../src/lib/domain/star-feedback';
import { verdictIn, type Row } from './support/star-rows';

const hats = (middle: string) =>
  `On Saturday a woman came into our hat shop looking for something to wear to her son's wedding in June. ${middle} She left happy.`;

const check = verdictIn(hats);

describe('listening: who is asking', () => {
  it.each<Row>([
    ['"she asked me for…" is the customer asking, even with a wh-word after it', 'She asked me for "something that will stay on when it is windy".', 'missing'],
    ['a name before "and" is the one I rang, not the one asking', 'I rang Mrs Okafor and asked her what colour the outfit was.', 'partial'],
    ['a name right before the verb is still the one asking', 'Mrs Okafor asked what colour suited her.', 'missing'],
  ])('%s → %s', check('listening'));
});

describe('personalisation: done for her, or for the shop', () => {
  it.each<Row>([
    ['saving her something (the -ing form)', 'Since then I have been saving her the last of each new season\'s fascinators to try first.', 'evidenced'],
    ['her fit written on her record', 'I measured her head and wrote it on her customer card for next time.', 'evidenced'],
    ['a plan written for her', 'I wrote her a little plan for steaming the brim before the day.', 'evidenced'],
    ['lent to her so she could try it at home', 'I lent her a sample band so she could see it against her dress at home.', 'evidenced'],
    ['shown a few hats, with nothing tying them to her', 'I showed her three of our summer hats.', 'partial'],
    ['shown the best-seller', 'I showed her our best-selling boater.', 'missing'],
    ['shown the returns notice is not a recommendation', 'I showed her the notice about returns by the till.', 'missing'],
    ['sold for the weekly target, not for her', 'She said she liked straw, so I sold her the felt hat because it counted towards our weekly target.', 'missing'],
    ['the head office number is a referral, not tailoring', 'She asked for the manager, so I gave her the head office number.', 'missing'],
  ])('%s → %s', check('personalisation'));
});

describe('business-link: a number that counts, not one that says when', () => {
  it.each<Row>([
    ['"two weeks later" is when she came back, not how much', 'Two weeks later she came back for a matching bag.', 'partial'],
    ['a count after the return still counts', 'Two weeks later she came back and spent £85 on a matching bag.', 'evidenced'],
    ['coming back to cancel is not a good outcome', 'Three weeks later she came back asking if she could cancel the order.', 'missing'],
  ])('%s → %s', check('business-link'));
});

describe('feedback-loop: follow-up calls, a practice "now", and results that "have fallen"', () => {
  it('calls to every customer, a change, and a fall given as "have fallen" make a loop', () => {
    const text =
      'Last spring we started phoning every customer a week after collection to ask whether the hat fitted on the day. ' +
      'The calls kept turning up loose brims, so we added a second fitting to every bridal order. ' +
      'Since then alteration requests have fallen from 12 a month to 4.';
    expect(reviewReflection(text).points['feedback-loop'].verdict).toBe('evidenced');
  });

  it('a check-in call on one customer, then "we now…", with a measured fall', () => {
    const middle =
      'I rang her a week later to check how it had looked on the day, and she said trying it with the dress was what decided her. ' +
      'We now lend a sample band on every bridal order, and in the two months since, exchanges have fallen from 6 to 2.';
    expect(reviewReflection(hats(middle)).points['feedback-loop'].verdict).toBe('evidenced');
  });

  it('a call with nothing changed after it is only partial', () => {
    const middle = 'I rang her a week later to check how it had looked on the day.';
    expect(reviewReflection(hats(middle)).points['feedback-loop'].verdict).toBe('partial');
  });
});

describe('the new cues stay negation-safe', () => {
  it.each<[string, PointId, string]>([
    ['nothing saved for her', 'personalisation', "I haven't been saving her anything."],
    ['no plan written', 'personalisation', "I didn't write her a plan or anything."],
    ['nothing lent', 'personalisation', 'I never lent her a sample band.'],
  ])('%s', (_name, point, middle) => {
    expect(reviewReflection(hats(middle)).points[point].verdict).toBe('missing');
  });
});
