import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { notification, registerEntry } from '../../db/schema';
import { parseCsv } from '../../src/lib/domain/csv';
import { reportingTimes } from '../../src/lib/domain/reporting-times';
import type { Concession } from '../../src/lib/domain/special-terms';
import type { SessionUser } from '../../src/lib/server/auth/session';
import { grantLevel, revokeAuthority } from '../../src/lib/server/management/grants';
import { findEntry, logTerm, REGISTER_PAGE, reportingFigures, shopRegister, shopRegisterPage, type TermInput } from '../../src/lib/server/management/register';
import { registerCsv } from '../../src/lib/server/management/register-export';
import { DEMO_ORG, levelId, newLearner, OTHER_ORG, sessionUser } from './management-helpers';
import { useTestDatabase } from './support/test-db';

const database = useTestDatabase({ seed: true });
const granted = new Date('2026-04-01T09:00:00Z');
const revoked = new Date('2026-04-10T09:00:00Z');
const now = new Date('2026-04-20T12:00:00Z');
const hoursAfter = (d: Date, h: number) => new Date(d.getTime() + h * 3_600_000);

let learner: SessionUser;
let manager: SessionUser;

beforeAll(async () => {
  manager = await sessionUser('user-manager');
  learner = await newLearner(DEMO_ORG, 'Register Learner');
  // "Up to 5 % or £25": discount and free delivery. Never acknowledged: it still sets the limit.
  const g = await grantLevel(manager, { staffId: learner.id, levelId: levelId(DEMO_ORG, 'basic'), reason: 'Covering the tills this month.' }, granted);
  if (g.type !== 'granted') throw new Error('grant failed');
  await revokeAuthority(manager, { staffId: learner.id, reason: 'Withdrawn after a review of the register.' }, revoked);
});

const term = (over: Partial<TermInput> & { concessions: Concession[] }): TermInput => ({
  customerRef: 'C-9001',
  sale: { price: 500, unitCost: 300, quantity: 1 },
  reason: 'Customer asked for a better price.',
  referred: false,
  agreedAt: hoursAfter(granted, 24),
  ...over,
});

describe('a logged term is checked against the authority in force when it was agreed', () => {
  it.each([
    ['exactly at both limits (5 % of £500 = £25)', term({ concessions: [{ type: 'discount', fraction: 0.05 }] }), true, []],
    ['just over the discount limit', term({ concessions: [{ type: 'discount', fraction: 0.0502 }] }), false, [/discount 5.02 % is over your 5 % limit/, /cost £25.10 is over your £25 limit/]],
    ['inside the percentage, over the pounds', term({ concessions: [{ type: 'discount', fraction: 0.04 }], sale: { price: 1000, unitCost: 600, quantity: 1 } }), false, [/cost £40.00 is over your £25 limit/]],
    ['a concession the level does not allow', term({ concessions: [{ type: 'bundle-item', unitCost: 5, quantity: 1 }] }), false, [/free bundled item is not a concession your level allows/]],
    ['over the limit but referred to a manager', term({ concessions: [{ type: 'discount', fraction: 0.1 }], referred: true }), true, [/discount 10 % is over your 5 % limit/, /cost £50.00 is over your £25 limit/]],
    ['agreed before the grant was made (a later grant does not apply)', term({ concessions: [{ type: 'discount', fraction: 0.01 }], agreedAt: hoursAfter(granted, -1) }), false, [/no negotiating authority/]],
    ['agreed after the revocation', term({ concessions: [{ type: 'discount', fraction: 0.01 }], agreedAt: hoursAfter(revoked, 1) }), false, [/no negotiating authority/]],
    ['agreed before the revocation but logged after it', term({ concessions: [{ type: 'discount', fraction: 0.05 }], agreedAt: hoursAfter(revoked, -1) }), true, []],
  ] as const)('%s', async (_name, input, within, reasons) => {
    const r = await logTerm(learner, input, now);
    if (r.type !== 'logged') throw new Error(JSON.stringify(r.errors));
    expect(r.entry.withinAuthority).toBe(within);
    expect(r.entry.flagReasons).toHaveLength(reasons.length);
    reasons.forEach((pattern, i) => expect(r.entry.flagReasons[i]).toMatch(pattern));
    expect(r.entry.referred).toBe(input.referred);
    // The cost is computed, never typed.
    expect(r.entry.cost).toBeGreaterThan(0);
    const stored = await findEntry(DEMO_ORG, r.entry.id);
    expect(stored?.entry.withinAuthority).toBe(within);
  });

  it('links the entry to the grant in force, and to none when there was none', async () => {
    const inside = await logTerm(learner, term({ concessions: [{ type: 'free-delivery', deliveryCost: 8 }] }), now);
    const before = await logTerm(learner, term({ concessions: [{ type: 'free-delivery', deliveryCost: 8 }], agreedAt: hoursAfter(granted, -2) }), now);
    if (inside.type !== 'logged' || before.type !== 'logged') throw new Error('expected entries');
    expect(inside.entry.grantId).not.toBeNull();
    expect(before.entry.grantId).toBeNull();
  });
});

describe('terms that cannot be right are refused with a reason', () => {
  it.each([
    ['agreed in the future', term({ concessions: [{ type: 'discount', fraction: 0.05 }], agreedAt: hoursAfter(now, 1) }), 'agreedAt', /in the future/],
    ['a price of nothing', term({ concessions: [{ type: 'discount', fraction: 0.05 }], sale: { price: 0, unitCost: 0, quantity: 1 } }), 'price', /more than £0/],
    ['a negative quantity', term({ concessions: [{ type: 'discount', fraction: 0.05 }], sale: { price: 50, unitCost: 20, quantity: -1 } }), 'quantity', /whole number, 1 or more/],
    ['concessions worth more than the sale', term({ concessions: [{ type: 'bundle-item', unitCost: 80, quantity: 1 }], sale: { price: 50, unitCost: 20, quantity: 1 } }), 'concessions', /more than the whole sale is worth \(£50.00\)/],
    ['a price match above the price', term({ concessions: [{ type: 'price-match', matchedPrice: 600 }] }), 'concessions', /do not add up/],
    ['nothing given', term({ concessions: [] }), 'concessions', /at least one/],
  ] as const)('%s', async (_name, input, field, pattern) => {
    const count = (await database.current().db.select().from(registerEntry)).length;
    const r = await logTerm(learner, input, now);
    expect(r.type).toBe('invalid');
    if (r.type === 'invalid') expect(r.errors[field]).toMatch(pattern);
    expect((await database.current().db.select().from(registerEntry)).length).toBe(count);
  });
});

describe('reporting to the manager', () => {
  it('notifies the shop’s manager in-app with a link to the entry, saying when it is outside authority', async () => {
    const r = await logTerm(learner, term({ customerRef: 'C-NOTIFY', concessions: [{ type: 'discount', fraction: 0.2 }] }), now);
    if (r.type !== 'logged') throw new Error('expected an entry');
    const notes = await database.current().db.select().from(notification).where(eq(notification.link, `/manage/register/${r.entry.id}`));
    expect(notes.map((n) => n.userId)).toEqual(['user-manager']);
    expect(notes[0]?.text).toMatch(/C-NOTIFY.*outside their authority/);
  });

  it('logs a form posted twice once', async () => {
    const id = '5a1d8d0e-5a0b-4b7e-9b7c-0b7c5a1d8d0e';
    const a = await logTerm(learner, term({ id, concessions: [{ type: 'discount', fraction: 0.01 }] }), now);
    const b = await logTerm(learner, term({ id, concessions: [{ type: 'discount', fraction: 0.01 }] }), hoursAfter(now, 1));
    expect(a.type === 'logged' && b.type === 'logged' && a.entry.reportedAt.getTime() === b.entry.reportedAt.getTime()).toBe(true);
    expect((await database.current().db.select().from(registerEntry).where(eq(registerEntry.id, id))).length).toBe(1);
  });

  it('measures the time from agreement to report: median and share within 24 hours', async () => {
    const person = await newLearner(DEMO_ORG, 'Timing Learner');
    const reportedAt = new Date('2026-04-20T12:00:00Z');
    // Reported 1 hour, 2 hours, 23 h 59 m, 24 h and 50 hours after agreeing.
    for (const hours of [1, 2, 23 + 59 / 60, 24, 50]) {
      const r = await logTerm(person, term({ concessions: [{ type: 'discount', fraction: 0.01 }], agreedAt: hoursAfter(reportedAt, -hours) }), reportedAt);
      expect(r.type).toBe('logged');
    }
    const figures = await reportingFigures(DEMO_ORG, person.id);
    expect(figures.count).toBe(5);
    expect(figures.medianMs).toBe((23 * 60 + 59) * 60_000);
    expect(figures.withinDayShare).toBeCloseTo(4 / 5, 12);
  });

  it('an even number of terms has the middle two averaged, and the shop’s figures match the domain’s arithmetic', async () => {
    const person = await newLearner(DEMO_ORG, 'Even Timing Learner');
    const reportedAt = new Date('2026-04-20T12:00:00Z');
    for (const hours of [30, 2, 10, 1]) {
      const r = await logTerm(person, term({ concessions: [{ type: 'discount', fraction: 0.01 }], agreedAt: hoursAfter(reportedAt, -hours) }), reportedAt);
      expect(r.type).toBe('logged');
    }
    // Sorted 1, 2, 10, 30 hours: the median is (2 + 10) / 2 = 6 hours; three of four within a day.
    expect(await reportingFigures(DEMO_ORG, person.id)).toEqual({ count: 4, medianMs: 6 * 3_600_000, withinDayShare: 0.75 });
    const real = await database.current().db.select().from(registerEntry).where(and(eq(registerEntry.organisationId, DEMO_ORG), eq(registerEntry.source, 'shop')));
    expect(real.length).toBeGreaterThan(9);
    expect(await reportingFigures(DEMO_ORG)).toEqual(reportingTimes(real));
  });

  it('exports the register as RFC 4180 CSV with formula-looking text made safe', async () => {
    await logTerm(learner, term({ customerRef: '=HYPERLINK("http://evil.example","x")', reason: 'Said "match it", then @mentioned us, online', concessions: [{ type: 'discount', fraction: 0.02 }] }), now);
    const csv = registerCsv(await shopRegister(DEMO_ORG, { staffId: learner.id }));
    expect(csv.endsWith('\r\n')).toBe(true);
    const parsed = parseCsv(csv);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const [header, ...rows] = parsed.records.map((r) => r.fields);
    expect(header?.slice(0, 5)).toEqual(['agreed_at_utc', 'reported_at_utc', 'hours_to_report', 'staff', 'customer']);
    const evil = rows.find((r) => r[4]?.includes('HYPERLINK'));
    expect(evil?.[4]).toBe(`'=HYPERLINK("http://evil.example","x")`);
    expect(evil?.[11]).toBe('Said "match it", then @mentioned us, online');
    expect(rows.every((r) => r.length === header?.length)).toBe(true);
  });
});

describe('practice terms', () => {
  it('keep the scenario’s verdict, never notify the manager and never count in the reporting figures', async () => {
    const person = await newLearner(DEMO_ORG, 'Practice Learner');
    const r = await logTerm(person, { ...term({ concessions: [{ type: 'discount', fraction: 0.1 }] }), practice: { attemptId: 'attempt-1', within: false, reasons: ['discount 10 % is over your 5 % limit'] } }, now);
    if (r.type !== 'logged') throw new Error('expected an entry');
    expect(r.entry).toMatchObject({ source: 'practice', scenarioAttemptId: 'attempt-1', withinAuthority: false, grantId: null });
    const notes = await database.current().db.select().from(notification).where(eq(notification.link, `/manage/register/${r.entry.id}`));
    expect(notes).toHaveLength(0);
    expect((await reportingFigures(DEMO_ORG, person.id)).count).toBe(0);
    expect((await shopRegister(DEMO_ORG, { staffId: person.id })).length).toBe(0);
    expect((await shopRegister(DEMO_ORG, { staffId: person.id, source: 'practice' })).length).toBe(1);
  });
});

describe('shop boundaries', () => {
  it("another shop's manager cannot see an entry or find it in their register", async () => {
    const r = await logTerm(learner, term({ concessions: [{ type: 'discount', fraction: 0.01 }] }), now);
    if (r.type !== 'logged') throw new Error('expected an entry');
    expect(await findEntry(OTHER_ORG, r.entry.id)).toBeUndefined();
    expect((await shopRegister(OTHER_ORG)).some((e) => e.entry.id === r.entry.id)).toBe(false);
    expect(await findEntry(DEMO_ORG, r.entry.id)).toBeDefined();
  });

  it('keeps register entries append-only in the database', async () => {
    await expect(database.current().client.execute("update register_entry set within_authority = 1")).rejects.toThrow(/append-only/);
  });
});

describe('the register page by page', () => {
  it('pages through every entry newest first, with the count and cost of them all, and reads any page number sensibly', async () => {
    const person = await newLearner(DEMO_ORG, 'Busy Seller');
    // More than two pages of one person's terms, some agreed at the same moment (ties keep a fixed order).
    const many = 2 * REGISTER_PAGE + 7;
    for (let i = 0; i < many; i++) {
      const r = await logTerm(person, term({ customerRef: `C-${1000 + i}`, concessions: [{ type: 'free-delivery', deliveryCost: 5 + (i % 7) }], agreedAt: hoursAfter(granted, Math.floor(i / 3)) }), now);
      expect(r.type).toBe('logged');
    }
    const filter = { staffId: person.id };
    const all = await shopRegister(DEMO_ORG, filter);
    expect(all).toHaveLength(many);

    const pages = await Promise.all([1, 2, 3].map((n) => shopRegisterPage(DEMO_ORG, filter, n)));
    expect(pages.map((p) => p.entries.length)).toEqual([REGISTER_PAGE, REGISTER_PAGE, 7]);
    expect(pages.flatMap((p) => p.entries.map((e) => e.entry.id))).toEqual(all.map((e) => e.entry.id));
    for (const p of pages) {
      expect(p).toMatchObject({ total: many, pages: 3 });
      expect(p.totalCost).toBeCloseTo(all.reduce((sum, e) => sum + e.entry.cost, 0), 6);
    }
    const agreed = all.map((e) => e.entry.agreedAt.getTime());
    expect(agreed).toEqual([...agreed].sort((a, b) => b - a));

    expect((await shopRegisterPage(DEMO_ORG, filter, 0)).page).toBe(1);
    expect((await shopRegisterPage(DEMO_ORG, filter, Number('abc'))).page).toBe(1);
    const beyond = await shopRegisterPage(DEMO_ORG, filter, 99);
    expect(beyond.page).toBe(3);
    expect(beyond.entries.map((e) => e.entry.id)).toEqual(pages[2]!.entries.map((e) => e.entry.id));
  });

  it('is one empty page for a filter nothing matches', async () => {
    const nobody = await newLearner(DEMO_ORG, 'No Terms Yet');
    expect(await shopRegisterPage(DEMO_ORG, { staffId: nobody.id }, 1)).toEqual({ entries: [], total: 0, totalCost: 0, page: 1, pages: 1 });
  });
});
