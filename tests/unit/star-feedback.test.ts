import { describe, expect, it } from 'vitest';
import { MARKING_POINTS, MISCONCEPTION_IDS, POINT_IDS, reviewReflection, splitStar } from '../../src/lib/domain/star-feedback';
import type { PointId, Verdict } from '../../src/lib/domain/star-feedback';
import { splitLabelled } from '../../src/lib/domain/star/sections';

const VERDICTS = ['evidenced', 'partial', 'missing'];
const GRADES = ['present', 'thin', 'missing'];

/** A plain account (a person, a day, a purchase) into which one behaviour is written. */
const account = (middle: string) =>
  `Last Saturday a woman came into our outdoor shop looking for walking boots for a trip to the Lakes. ${middle} She bought a pair and left.`;

const WALKS = 'I asked what kind of walks she did and then asked whether her ankles ever gave her trouble.';

describe('shape matches CONTRACTS §7', () => {
  it.each<[string, string]>([
    ['a full account', account(WALKS)],
    ['an empty string', ''],
    ['a list of vocabulary', 'Active listening, open questions, NPS, retention, personalisation, feedback loop.'],
  ])('%s', (_name, text) => {
    const r = reviewReflection(text);
    expect(Object.keys(r).sort()).toEqual(['misconceptions', 'points', 'star']);
    expect(Object.keys(r.star).sort()).toEqual(['action', 'result', 'situation', 'task']);
    for (const grade of Object.values(r.star)) expect(GRADES).toContain(grade);
    expect(Object.keys(r.points).sort()).toEqual([...POINT_IDS].sort());
    for (const point of Object.values(r.points)) {
      expect(Object.keys(point).sort()).toEqual(['quotes', 'tip', 'verdict']);
      expect(VERDICTS).toContain(point.verdict);
      expect(point.tip.length).toBeGreaterThan(20);
      // Quotes are the learner's own sentences, verbatim.
      for (const q of point.quotes) expect(text).toContain(q);
    }
    for (const mc of r.misconceptions) {
      expect(MISCONCEPTION_IDS).toContain(mc.id);
      expect(text).toContain(mc.quote);
    }
  });

  it('lists the five marking points for the UI, read-only, in contract order', () => {
    expect(MARKING_POINTS.map((mp) => mp.id)).toEqual(['listening', 'policy-conflict', 'personalisation', 'business-link', 'feedback-loop']);
    for (const mp of MARKING_POINTS) {
      expect(mp.title.length).toBeGreaterThan(5);
      expect(mp.credit.length).toBeGreaterThan(20);
    }
    expect(Object.isFrozen(MARKING_POINTS)).toBe(true);
  });
});

describe('negation: a step the account says was not taken earns nothing', () => {
  it.each<[string, PointId, string, Verdict]>([
    ['two questions asked', 'listening', WALKS, 'evidenced'],
    ["didn't ask", 'listening', "I didn't ask what kind of walks she did or whether her ankles ever gave her trouble.", 'missing'],
    ['curly apostrophe', 'listening', 'I didn\u2019t ask what kind of walks she did or whether her ankles ever gave her trouble.', 'missing'],
    ['one question asked', 'listening', 'I asked what kind of walks she did.', 'partial'],
    ['never asked', 'listening', 'I never asked what kind of walks she did.', 'missing'],
    ['without asking', 'listening', 'Without asking what kind of walks she did, I fetched the boots from the back.', 'missing'],
    ['forgot to', 'listening', 'I forgot to ask what kind of walks she did.', 'missing'],
    ['should have', 'listening', 'Looking back, I should have asked what kind of walks she did.', 'missing'],
    ["didn't just (still happened)", 'listening', "I didn't just hand her a box; I asked what kind of walks she did and whether she carried a heavy pack.", 'evidenced'],
    ['tailored pick', 'personalisation', 'She said she has wide feet, so I picked out a wide-fit boot for her.', 'evidenced'],
    ['pick not made', 'personalisation', "I didn't pick out a wide-fit boot, although she had wide feet.", 'missing'],
    ['came back and spent', 'business-link', 'She has come back three times since and spent £240 on kit.', 'evidenced'],
    ["hasn't come back", 'business-link', "She hasn't come back since.", 'missing'],
  ])('%s → %s %s', (_name, point, middle, expected) => {
    const r = reviewReflection(account(middle)).points[point];
    expect(r.verdict).toBe(expected);
    // Credited or discounted, the sentence was read: it is quoted either way, so no case passes by being missed.
    expect(r.quotes).toContain(middle);
  });

  it('quotes the negated sentence and says why it did not count', () => {
    const negated = "I didn't ask what kind of walks she did or whether her ankles ever gave her trouble.";
    const r = reviewReflection(account(negated)).points.listening;
    expect(r.quotes).toEqual([negated]);
    expect(r.tip).not.toBe(reviewReflection(account('She tried on three pairs.')).points.listening.tip);
  });
});

describe('a specific account, not generalities', () => {
  it.each<[string, string, Verdict]>([
    ['habit inside an account', account('I always ask customers lots of questions about their walking.'), 'missing'],
    ['advice inside an account', account('You should ask customers what kind of walks they do.'), 'missing'],
    ['what happened', account(WALKS), 'evidenced'],
  ])('%s → listening %s', (_name, text, expected) => {
    expect(reviewReflection(text).points.listening.verdict).toBe(expected);
  });

  it('gives no credit at all to a reflection made only of generalities', () => {
    const r = reviewReflection(
      'I always give great service. I ask every customer open questions and summarise what they say. You should remember their preferences. ' +
        'Happy customers come back and recommend us, which is good for business. We use feedback to improve.',
    );
    for (const id of POINT_IDS) expect(r.points[id].verdict).toBe('missing');
  });

  it('a habit gets a different tip from silence, so the learner knows what to change', () => {
    const habit = reviewReflection(account('I always ask customers lots of questions about their walking.')).points.listening.tip;
    const silence = reviewReflection(account('She tried on three pairs.')).points.listening.tip;
    expect(habit).not.toBe(silence);
  });
});

describe('keyword stuffing scores nothing', () => {
  it.each<[string, string]>([
    ['a bare list', 'Active listening, open questions, summarising, checking understanding. Policy conflict, justification. Personalisation, tailored recommendations. Repeat sales, NPS, retention, advocacy. Feedback loop, surveys, measurable outcomes.'],
    ['techniques in the past tense', 'A customer needed help. I used active listening and asked open and clarifying questions, then summarised and checked understanding. I resolved the policy conflict and justified my approach. I gave personalised, tailored recommendations. This increased repeat sales, retention and our Net Promoter Score. I used customer feedback to improve with measurable outcomes.'],
    ['terms wrapped round an empty event', 'Yesterday a man came into the shop. Active listening, open questions, rapport. Personalisation, exceeding expectations, remembering preferences. Retention, loyalty, NPS, advocacy. Feedback loop, continuous improvement. He was happy and the business benefited.'],
  ])('%s → every point missing', (_name, text) => {
    const r = reviewReflection(text);
    for (const id of POINT_IDS) {
      expect(r.points[id].verdict).toBe('missing');
      expect(r.points[id].quotes).toEqual([]);
    }
  });
});

describe('STAR structure', () => {
  const guided = [
    '## Situation',
    'On a wet Tuesday in March a regular customer, Mr Bell, came into our bike shop with a puncture he had tried to fix himself.',
    '## Task',
    'I needed to get him back on the road before his shift started at two.',
    '## Action',
    'I asked him when he needed the bike and what tyres he usually rode on, then fitted a new tube and showed him how to check the tyre for glass.',
    '## Result',
    'He was back on the road by half past one, and he has come back twice since for servicing, spending £85.',
  ].join('\n');

  it('splits guided headings into the four parts, verbatim', () => {
    const parts = splitStar(guided);
    expect(parts.situation).toBe('On a wet Tuesday in March a regular customer, Mr Bell, came into our bike shop with a puncture he had tried to fix himself.');
    expect(parts.task).toBe('I needed to get him back on the road before his shift started at two.');
    expect(parts.action.startsWith('I asked him when he needed the bike')).toBe(true);
    expect(parts.result.endsWith('spending £85.')).toBe(true);
  });

  it.each<[string, string, Record<string, string>]>([
    ['all four parts, result measured', guided, { situation: 'present', task: 'present', action: 'present', result: 'present' }],
    ['result with no measure is thin', guided.replace('He was back on the road by half past one, and he has come back twice since for servicing, spending £85.', 'He was very pleased with the help he got that afternoon.'), { result: 'thin' }],
    ['a part left out is missing', guided.replace('## Task\nI needed to get him back on the road before his shift started at two.\n', ''), { task: 'missing', situation: 'present' }],
  ])('%s', (_name, text, expected) => {
    const star = reviewReflection(text).star;
    for (const [part, grade] of Object.entries(expected)) expect(star[part as keyof typeof star]).toBe(grade);
  });

  it.each<[string, string]>([
    ['inline labels on one line', 'Situation: A man came in. Task: Find him a lamp. Action: I asked what room it was for. Result: He bought one.'],
    ['bold labels', '**Situation**\nA man came in.\n**Task**\nFind him a lamp.\n**Action**\nI asked what room it was for.\n**Result**\nHe bought one.'],
    ['bold labels with colons', '**Situation:** A man came in.\n**Task:** Find him a lamp.\n**Action:** I asked what room it was for.\n**Result:** He bought one.'],
  ])('recognises %s', (_name, text) => {
    expect(splitStar(text)).toEqual({ situation: 'A man came in.', task: 'Find him a lamp.', action: 'I asked what room it was for.', result: 'He bought one.' });
    // The STAR editor's island splits labelled text with `splitLabelled` alone.
    expect(splitLabelled(text)).toEqual(splitStar(text));
  });

  it('leaves prose to the sentence rules: splitLabelled finds no labels in it', () => {
    expect(splitLabelled('A man came in. I asked what room it was for. He bought one.')).toBeNull();
    expect(splitLabelled('')).toBeNull();
    expect(splitLabelled(guided)).toEqual(splitStar(guided));
  });

  it('splits free text in order without losing or reordering a sentence', () => {
    const free =
      'Last week an elderly man came into our hardware shop wanting a new kettle. I needed to find one he could lift easily. ' +
      'I asked how heavy his old one had been and showed him two light models. In the end he bought the smaller one and came back two days later for descaler.';
    const parts = splitStar(free);
    expect([parts.situation, parts.task, parts.action, parts.result].filter(Boolean).join(' ')).toBe(free);
    expect(parts.situation.startsWith('Last week')).toBe(true);
    expect(parts.result.startsWith('In the end')).toBe(true);
  });

  it('an empty reflection has every part missing', () => {
    expect(reviewReflection('').star).toEqual({ situation: 'missing', task: 'missing', action: 'missing', result: 'missing' });
  });
});

describe('misconceptions, with the sentence that shows them', () => {
  it.each<[string, string]>([
    ['minimum-standard', 'I met our service standard and she did not complain, so she was satisfied.'],
    ['minimum-standard', 'I did my job and nothing more.'],
    ['business-over-empathy', 'Rules are rules, so I told her she had to accept it.'],
    ['sale-over-relationship', 'I upsold her gaiters and socks because I needed to hit my target.'],
    ['sale-over-relationship', 'I closed the sale before she could change her mind.'],
    ['one-size-fits-all', 'Every customer basically wants the same boot, so I showed her our usual one.'],
  ])('%s', (id, sentence) => {
    expect(reviewReflection(account(sentence)).misconceptions).toContainEqual({ id, quote: sentence });
  });

  it.each<[string, string]>([
    ['a negated chase for the sale', "I didn't push her into buying anything she had not come in for."],
    ['rejecting one size for all', "I don't believe every customer wants the same boot."],
    ['no misconception at all', WALKS],
  ])('finds none in %s', (_name, sentence) => {
    expect(reviewReflection(account(sentence)).misconceptions).toEqual([]);
  });

  it('reports each misconception once, in a fixed order', () => {
    const text = account('I closed the sale quickly. Rules are rules. I closed the deal on the socks too.');
    expect(reviewReflection(text).misconceptions.map((mc) => mc.id)).toEqual(['business-over-empathy', 'sale-over-relationship']);
  });
});

describe('determinism and size', () => {
  const long = Array.from({ length: 25 }, (_, i) => account(`${WALKS} She has come back ${i + 2} times since and spent £${(i + 1) * 10}.`)).join('\n');

  it('the same text always gives the same review, whatever was reviewed in between', () => {
    const text = account(WALKS);
    const first = reviewReflection(text);
    reviewReflection(long);
    expect(reviewReflection(text)).toEqual(first);
  });

  it('handles a 1,000-word reflection and keeps quotes to a readable handful', () => {
    expect(long.split(/\s+/).length).toBeGreaterThan(1000);
    const r = reviewReflection(long);
    expect(r.points.listening.verdict).toBe('evidenced');
    expect(r.points['business-link'].verdict).toBe('evidenced');
    for (const id of POINT_IDS) expect(r.points[id].quotes.length).toBeLessThanOrEqual(5);
  });
});
