/**
 * The administrator's directory, held to the records: a page of people found by name or email (with
 * `%` and `_` matched as typed), the role filter, paging that stops at the last page, people per shop,
 * learners per assessor, and a learner found by email (only a learner).
 */
import { describe, expect, it, beforeAll } from 'vitest';
import { assessorAssignment, user } from '../../db/schema';
import { assessorLoads, learnerByEmail, PEOPLE_PAGE_SIZE, peoplePage, peopleSearchHref, readPeopleQuery, shopHeadcounts } from '../../src/lib/server/accounts/directory';
import { DEMO_ORG } from '../../db/seed';
import { useTestDatabase } from './support/test-db';

const database = useTestDatabase({ seed: true });
const t0 = new Date('2026-10-01T09:00:00Z');

beforeAll(async () => {
  // Enough people for several pages, with names that test the search: a literal % and _ among them.
  const extra = Array.from({ length: 2 * PEOPLE_PAGE_SIZE + 7 }, (_, i) => ({
    id: `dir-${i}`,
    email: `dir-${i}@directory.test`,
    name: i === 0 ? 'Percy 100% Sure' : i === 1 ? 'Under_Score' : `Directory Person ${String(i).padStart(3, '0')}`,
    role: 'learner' as const,
    organisationId: DEMO_ORG.id,
    passwordHash: 'not-a-real-hash',
    createdAt: t0,
  }));
  await database.current().db.insert(user).values(extra);
});

describe('the administrator’s directory', () => {
  it('pages through everyone by name, and stops at the last page', async () => {
    const everyone = (await database.current().db.select().from(user)).sort((a, b) => (a.name === b.name ? (a.id < b.id ? -1 : 1) : a.name < b.name ? -1 : 1));
    const pages = Math.ceil(everyone.length / PEOPLE_PAGE_SIZE);
    const seen: string[] = [];
    for (let page = 1; page <= pages; page++) {
      const found = await peoplePage({ q: '', role: null, page });
      expect([found.total, found.page, found.pages]).toEqual([everyone.length, page, pages]);
      seen.push(...found.people.map((p) => p.id));
    }
    expect(seen).toEqual(everyone.map((p) => p.id));
    // A page past the end shows the last page.
    expect((await peoplePage({ q: '', role: null, page: pages + 5 })).page).toBe(pages);
  });

  it('finds people by part of a name or email, case aside, with % and _ taken literally', async () => {
    expect((await peoplePage({ q: 'priya', role: null, page: 1 })).people.map((p) => p.email)).toEqual(['learner@demo.goodwill.test']);
    expect((await peoplePage({ q: 'DIR-10@', role: null, page: 1 })).people.map((p) => p.id)).toEqual(['dir-10']);
    expect((await peoplePage({ q: '100%', role: null, page: 1 })).people.map((p) => p.id)).toEqual(['dir-0']);
    expect((await peoplePage({ q: '%', role: null, page: 1 })).people.map((p) => p.id)).toEqual(['dir-0']);
    expect((await peoplePage({ q: 'r_s', role: null, page: 1 })).people.map((p) => p.id)).toEqual(['dir-1']);
    expect((await peoplePage({ q: 'no one is called this', role: null, page: 1 })).total).toBe(0);
  });

  it('filters by role', async () => {
    const assessors = (await database.current().db.select().from(user)).filter((u) => u.role === 'assessor');
    const found = await peoplePage({ q: '', role: 'assessor', page: 1 });
    expect(found.total).toBe(assessors.length);
    expect(found.people.every((p) => p.role === 'assessor')).toBe(true);
  });

  it('reads an unusable address as the defaults', () => {
    expect(readPeopleQuery(new URLSearchParams('q=%20Priya%20&role=chef&page=-3'))).toEqual({ q: 'Priya', role: null, page: 1 });
    expect(readPeopleQuery(new URLSearchParams(`q=${'x'.repeat(200)}&role=assessor&page=2`))).toEqual({ q: '', role: 'assessor', page: 2 });
  });

  it('links to another page of the same search, and reads the link back as that search', () => {
    const query = { q: 'Sam & co', role: 'assessor' as const, page: 1 };
    const href = peopleSearchHref('/admin', query, 3, 'people-heading');
    expect(href).toBe('/admin?q=Sam+%26+co&role=assessor&page=3#people-heading');
    expect(readPeopleQuery(new URL(href, 'http://x').searchParams)).toEqual({ ...query, page: 3 });
    expect(peopleSearchHref('/admin', { q: '', role: null, page: 4 }, 1, 'people-heading')).toBe('/admin#people-heading');
  });

  it('counts people per shop and learners per assessor as the records do', async () => {
    const d = database.current().db;
    const [people, assignments] = await Promise.all([d.select().from(user), d.select().from(assessorAssignment)]);
    const perShop = new Map<string, number>();
    for (const p of people) if (p.organisationId) perShop.set(p.organisationId, (perShop.get(p.organisationId) ?? 0) + 1);
    expect(await shopHeadcounts()).toEqual(perShop);
    const loads = await assessorLoads();
    expect(loads.map((a) => a.id).sort()).toEqual(people.filter((p) => p.role === 'assessor').map((p) => p.id).sort());
    for (const a of loads) expect(a.learners, a.name).toBe(assignments.filter((x) => x.assessorId === a.id).length);
  });

  it('finds a learner by email, and nobody else', async () => {
    expect((await learnerByEmail('learner@demo.goodwill.test'))?.id).toBe('user-learner');
    expect(await learnerByEmail('assessor@demo.goodwill.test')).toBeUndefined();
    expect(await learnerByEmail('nobody@demo.goodwill.test')).toBeUndefined();
  });
});
