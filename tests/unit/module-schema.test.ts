import { describe, expect, it } from 'vitest';
import { moduleSchema } from '../../src/lib/domain/content/module-schema';

const option = (id: string, correct: boolean) => ({ id, text: `Option ${id}`, correct, explanation: 'Because this is how it works in a shop.' });
const question = (id: string, type: string, rights = 1) => ({
  id,
  type,
  prompt: 'A customer asks for a discount. What now?',
  options: ['a', 'b', 'c', 'd'].map((o, i) => option(o, i < rights)),
});
const valid = () => ({
  criterion: 'K2',
  title: 'Benefits and drawbacks of special terms',
  summary: 'What special terms win, what they cost and how to work it out.',
  readingMinutes: 6,
  related: ['P2', 'K3'],
  outcomes: ['Work out margin after a discount', 'Explain precedent', 'Compare expected values'],
  check: [
    question('s1', 'single'),
    question('s2', 'single'),
    question('s3', 'single'),
    question('m1', 'multiple', 2),
    question('m2', 'multiple', 3),
    question('c1', 'scenario'),
    question('c2', 'scenario'),
    question('c3', 'scenario'),
  ],
});

type Mutation = (m: ReturnType<typeof valid>) => void;
const broken: [string, Mutation, string, RegExp][] = [
  ['an unknown criterion', (m) => void (m.criterion = 'P10'), 'criterion', /P1–P9 or K1–K8/],
  ['a missing title', (m) => void delete (m as Partial<typeof m>).title, 'title', /./],
  ['a long summary', (m) => void (m.summary = 'x'.repeat(301)), 'summary', /300 characters/],
  ['fractional reading minutes', (m) => void (m.readingMinutes = 2.5), 'readingMinutes', /whole number/],
  ['relating to itself', (m) => void m.related.push('K2'), 'related', /itself/],
  ['too few outcomes', (m) => void (m.outcomes = ['Only one outcome here']), 'outcomes', /at least 3/],
  ['too few questions', (m) => void m.check.pop(), 'check', /at least 8 questions/],
  ['too few scenario questions', (m) => void (m.check = m.check.map((q) => (q.type === 'scenario' ? { ...q, type: 'single' } : q))), 'check', /2 scenario/],
  ['a single question with two right answers', (m) => void (m.check[0] = question('s1', 'single', 2)), 'check.0.options', /exactly one correct/],
  ['a multiple question with one right answer', (m) => void (m.check[3] = question('m1', 'multiple', 1)), 'check.3.options', /at least two correct/],
  ['a multiple question with no wrong answer', (m) => void (m.check[3] = question('m1', 'multiple', 4)), 'check.3.options', /one wrong/],
  ['an option without explanation', (m) => void (m.check[1]!.options[0]!.explanation = ''), 'check.1.options.0.explanation', /explanation/],
  ['options out of order', (m) => void (m.check[2]!.options[0]!.id = 'd'), 'check.2.options', /in order/],
  ['a duplicated question id', (m) => void (m.check[4]!.id = 's1'), 'check.4.id', /used twice/],
  ['a question id in capitals', (m) => void (m.check[4]!.id = 'Bad Id'), 'check.4.id', /kebab/],
];

describe('moduleSchema', () => {
  it('accepts a valid module', () => {
    expect(moduleSchema.safeParse(valid()).success).toBe(true);
  });
  it.each(broken)('rejects %s, naming the field', (_label, mutate, path, message) => {
    const m = valid();
    mutate(m);
    const r = moduleSchema.safeParse(m);
    expect(r.success).toBe(false);
    if (r.success) return;
    const issue = r.error.issues.find((i) => i.path.join('.') === path);
    expect(issue, `an issue at ${path}; got ${JSON.stringify(r.error.issues.map((i) => i.path.join('.')))}`).toBeDefined();
    expect(issue!.message).toMatch(message);
  });
});
