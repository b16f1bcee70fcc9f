/**
 * General behaviours added when the rules were widened to new phrasing (see the README's history): each is
 * checked with short invented sentences, never with fixture texts.
 */
import { describe, expect, it } from 'vitest';
import { reviewReflection } from '../../src/lib/domain/star-feedback';
import type { PointId, Verdict } from '../../src/lib/domain/star-feedback';

const account = (middle: string) =>
  `Last Saturday a woman came into our outdoor shop looking for walking boots for a trip to the Lakes. ${middle} She bought a pair and left.`;

describe('paraphrases are read by what they do, not by fixed words', () => {
  it.each<[string, PointId, string, Verdict]>([
    // Questioning described without "asked", and checking understanding in other words.
    ['found out, then checked understanding', 'listening', 'I found out what the boots were for and checked I had understood that she walks on rock.', 'evidenced'],
    ['a question and what it turned up', 'listening', 'I asked what she needed them for and it turned out she walks mostly on sand.', 'evidenced'],
    ['put it back to her', 'listening', 'I asked what she needed them for. So I put it back to her: she wanted a light boot for dry paths.', 'evidenced'],
    // A rule described without the word policy, or with its verb left out.
    ['not allowed, alternative, reason', 'policy-conflict', "She wanted to return worn boots, but we're not allowed to take worn boots back. I offered to send them for repair instead because she is a regular.", 'evidenced'],
    ['a refusal only', 'policy-conflict', "She wanted a refund without a receipt and I couldn't give one.", 'partial'],
    ['verb left out', 'policy-conflict', "I told her we can't, because the maker sizes them to order.", 'partial'],
    ['the rule stated as a rule', 'policy-conflict', 'The rule is you can only swap unworn boots. I offered her a resole instead, because losing a regular over £20 made no sense.', 'evidenced'],
    ['settled after the alternative', 'policy-conflict', 'The rule is worn boots cannot be returned. I offered a free resole instead. She calmed down and booked the repair.', 'evidenced'],
    ['a charge waived', 'policy-conflict', 'We normally charge £2 for laces but I gave her a pair for free.', 'partial'],
    ['an obligation is not a wish', 'policy-conflict', "We can't take back worn boots, as we would have to bin them, so I offered her a voucher instead because she comes in most weeks.", 'evidenced'],
    ['a clash denied', 'policy-conflict', 'There was no problem with our policies at all.', 'missing'],
    // Steering without a tie to the person is advice that could go to anyone.
    ['pointed out', 'personalisation', 'I pointed out two boots on the sale rail.', 'partial'],
    ['advice for a type of walker', 'personalisation', 'I explained that the leather boot is better if she walks in wet fields.', 'partial'],
  ])('%s → %s %s', (_name, point, middle, expected) => {
    expect(reviewReflection(account(middle)).points[point].verdict).toBe(expected);
  });
});

describe('business results: any business quantity moving, after the event, not a habit or an invitation', () => {
  it.each<[string, string, Verdict]>([
    ['basket grew', 'Her basket went up from one pair to three items.', 'evidenced'],
    ['a negation does not reach a new clause', 'We have not run out since and our takings are up £90 a week.', 'evidenced'],
    ['custom kept from a competitor', 'She said she would have gone to the shop down the road, so we kept her as a customer.', 'partial'],
    ['an invitation is not a return', 'I told her to come back and let me know how they felt.', 'missing'],
    ['a standing habit', 'She usually comes in twice a month.', 'missing'],
    ['a return that followed', 'She has come back twice this month.', 'evidenced'],
  ])('%s → %s', (_name, middle, expected) => {
    expect(reviewReflection(account(middle)).points['business-link'].verdict).toBe(expected);
  });
});

describe('feedback loops told without the word feedback', () => {
  it.each<[string, string, Verdict]>([
    ['slips asking people', 'For a month we left slips on every table asking people what we could do better. We moved the opening time to 8 after reading them. Morning sales went from 40 to 65 a week.', 'evidenced'],
    ['several customers said the same', 'Several customers told us the queue was too long, so we added a second till, and complaints halved in a month.', 'evidenced'],
    ['a figure before the change is not its result', 'She asked for the discount to go from 10% to 20%. We read the comment cards. Later we changed the rota.', 'partial'],
    ['the learner repeating themself is not feedback', 'I kept saying it was the rule.', 'missing'],
    ['a practice changed after one case', 'Since then I keep a spare pair of laces for anyone who needs them.', 'partial'],
  ])('%s → %s', (_name, middle, expected) => {
    expect(reviewReflection(account(middle)).points['feedback-loop'].verdict).toBe(expected);
  });
});

describe('a customer named by role is still a customer', () => {
  it('a tradesperson asking the shop for something is an account, not off-topic', () => {
    const text =
      'In May a plumber we supply, Tom, asked if we would hold his order for a week. I asked what the job was and when he would be back on site. ' +
      'It turned out the house was not ready. I put the order aside with his name on it and he collected it on the Friday.';
    expect(reviewReflection(text).points.listening.verdict).toBe('evidenced');
  });

  it('a skill used with staff only is still not customer questioning', () => {
    expect(reviewReflection(account('I asked my manager what the returns limit was.')).points.listening.verdict).toBe('missing');
  });
});
