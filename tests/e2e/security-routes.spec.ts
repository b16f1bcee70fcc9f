/**
 * The route walk (ASVS V8 authorization, V3.5 CSRF): every route under src/pages, found on disk, asked
 * by every kind of person, GET and POST, against a server of its own.
 *
 * Where the expectation comes from: the area rule is not copied here. For each path the test asks the
 * permission module itself (`routePolicy` + `decide` from src/lib/server/permissions.ts, over
 * `roleCapabilities` in src/lib/domain/capabilities.ts) what it decides for the person, and turns that
 * into a status (sign-in → 303 to /login or 401 for /api, forbidden → 403). Only what a page decides
 * for itself once the area lets someone in (whose record is it? which capability does this action
 * need?) is written in the table (tests/e2e/support/security-route-table.ts), and even that is
 * computed from the same data: `can`, `canSeeLearner` and the assessor assignments read from the
 * server's own database. If a route is added under src/pages without a row in that table, the first
 * test fails and says which.
 */
import { createHash } from 'node:crypto';
import { expect, test, type APIRequestContext, type APIResponse } from '@playwright/test';
import { decide, routePolicy } from '../../src/lib/server/permissions';
import { client, rowCounts, signInAs, startGoodwill, type Goodwill } from './support/security-server';
import { personaIds, personaNames, PRIYA, routesOnDisk, SCENARIO, TABLE, userOf, type Body, type Fixtures, type Persona, type PersonaName, type Probe } from './support/security-route-table';

// ---------------------------------------------------------------------------------------------------
// The walk
// ---------------------------------------------------------------------------------------------------

let server: Goodwill;
let fixtures: Fixtures;
const personas = new Map<PersonaName, Persona>();
const contexts = new Map<PersonaName, APIRequestContext>();

const pathOf = (probe: Probe) => (typeof probe.path === 'string' ? probe.path : probe.path(fixtures));
const pathnameOf = (path: string) => new URL(path, 'http://x').pathname;

/** What the permission module decides for this person on this path, as a status. */
function expected(probe: Probe, p: Persona): number {
  const path = pathOf(probe);
  const pathname = pathnameOf(path);
  const decision = decide(routePolicy(pathname), p.user);
  switch (decision) {
    case 'sign-in':
      return pathname.startsWith('/api/') ? 401 : 303;
    case 'forbidden':
      return 403;
    case 'allow':
      return probe.allowed(p);
  }
}

async function send(ctx: APIRequestContext, method: 'GET' | 'POST', path: string, body?: Body, origin?: string | null): Promise<APIResponse> {
  if (method === 'GET') return ctx.get(path);
  const headers: Record<string, string> = origin ? { origin } : {};
  if (body && 'json' in body) return ctx.post(path, { data: JSON.stringify(body.json), headers: { ...headers, 'content-type': 'application/json' } });
  return ctx.post(path, { form: body?.form ?? {}, headers });
}

function describeMismatch(rows: string[]): string {
  return rows.length ? `\n${rows.join('\n')}` : '';
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  server = await startGoodwill();
  const assigned = await server.sql().execute({ sql: 'select assessor_id from assessor_assignment where learner_id = ?', args: [PRIYA.id] });
  const assessorsOfPriya = new Set(assigned.rows.map((r) => String(r.assessor_id)));
  for (const name of personaNames) {
    const user = userOf(personaIds[name]);
    personas.set(name, { name, user, assignedToPriya: user ? assessorsOfPriya.has(user.id) : false });
    const ctx = await client(server.base);
    if (user) await signInAs(ctx, server.base, user.email);
    contexts.set(name, ctx);
  }
  const base = server.base;
  const priya = contexts.get('learner')!;
  // Priya's records the walk asks for: an open check attempt, a negotiation, an uploaded file.
  const check = await priya.post('/learn/modules/K1/check', { form: {}, headers: { origin: base } });
  const checkAttempt = /\/check\/([^/?#]+)$/.exec(check.headers().location ?? '')?.[1];
  const scenario = await priya.post(`/learn/scenarios/${SCENARIO}`, { form: {}, headers: { origin: base } });
  const scenarioAttempt = /\/attempts\/([^/?#]+)$/.exec(scenario.headers().location ?? '')?.[1];
  const upload = await priya.post('/learn/portfolio/add?kind=file', {
    headers: { origin: base },
    multipart: {
      id: crypto.randomUUID(),
      title: 'Thank-you letter',
      claims: 'P3',
      declaredOwnWork: 'yes',
      file: { name: 'letter.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n') },
    },
  });
  expect(upload.status(), await upload.text()).toBe(303);
  const uploads = await server.sql().execute({ sql: 'select id from upload where learner_id = ?', args: [PRIYA.id] });
  // The manager invites someone: the walk asks for the invitation page with a live token.
  const invite = await contexts.get('manager')!.post('/manage/staff', { form: { name: 'Walk Invitee', email: 'walk-invitee@example.test' }, headers: { origin: base } });
  const inviteToken = /\/invite\/([a-z2-7]{32})/.exec(await invite.text())?.[1];
  expect(checkAttempt && scenarioAttempt && uploads.rows.length === 1 && inviteToken, 'fixtures created').toBeTruthy();
  fixtures = { checkAttempt: checkAttempt!, scenarioAttempt: scenarioAttempt!, uploadId: String(uploads.rows[0]!.id), inviteToken: inviteToken! };
});

test.afterAll(async () => {
  for (const ctx of contexts.values()) await ctx.dispose();
  await server?.stop();
});

test('every route under src/pages is in the table, and every row is a route', () => {
  const disk = routesOnDisk();
  const missing = disk.filter((r) => !(r.route in TABLE)).map((r) => `${r.route} (${r.file}) has no row in the route walk`);
  const stale = Object.keys(TABLE).filter((route) => !disk.some((r) => r.route === route)).map((route) => `${route} is in the table but not under src/pages`);
  const unposted = disk.filter((r) => r.handlesPost && r.route !== '/logout' && !TABLE[r.route]?.post).map((r) => `${r.route} handles POST but its row has no post probe`);
  expect([...missing, ...stale, ...unposted]).toEqual([]);
  expect(disk.length).toBeGreaterThan(40);
});

test('GET: every route answers every person as the permission module decides', async () => {
  test.setTimeout(120_000);
  const wrong: string[] = [];
  let asked = 0;
  for (const [route, spec] of Object.entries(TABLE)) {
    for (const name of personaNames) {
      const p = personas.get(name)!;
      const path = pathOf(spec.get);
      const want = expected(spec.get, p);
      const r = await send(contexts.get(name)!, 'GET', path);
      asked++;
      const location = r.headers().location ?? '';
      if (r.status() !== want) wrong.push(`GET ${path} as ${name}: expected ${want}, got ${r.status()} ${location}`);
      else if (want === 303 && decide(routePolicy(pathnameOf(path)), p.user) === 'sign-in' && !location.startsWith('/login?next=')) wrong.push(`GET ${path} as ${name}: redirected to ${location}, not to sign in`);
      void route;
    }
  }
  expect(wrong, `of ${asked} requests:${describeMismatch(wrong)}`).toEqual([]);
});

test('POST (same origin): every state-changing route answers every person as the permission module decides', async () => {
  test.setTimeout(120_000);
  const wrong: string[] = [];
  for (const [, spec] of Object.entries(TABLE)) {
    if (!spec.post) continue;
    for (const name of personaNames) {
      const p = personas.get(name)!;
      const path = pathOf(spec.post);
      const want = expected(spec.post, p);
      const r = await send(contexts.get(name)!, 'POST', path, spec.post.body, server.base);
      if (r.status() !== want) wrong.push(`POST ${path} as ${name}: expected ${want}, got ${r.status()} ${r.headers().location ?? ''}`);
    }
  }
  expect(wrong, describeMismatch(wrong)).toEqual([]);
});

test('POST without an Origin, or from another origin, is refused 403 on every state-changing route', async () => {
  test.setTimeout(120_000);
  const wrong: string[] = [];
  const posts = Object.entries(TABLE).filter(([, s]) => s.post);
  for (const [, spec] of posts) {
    const post = spec.post!;
    const path = pathOf(post);
    const ctx = contexts.get(post.poster)!;
    // The same person with the same body and the right Origin is let through (so a 403 below is the
    // origin check, not the permission check).
    const same = await send(ctx, 'POST', path, post.body, server.base);
    if (same.status() === 403) wrong.push(`POST ${path} as ${post.poster} with our Origin was refused: the poster is wrong`);
    for (const origin of [null, 'https://evil.example', `${server.base}.evil.example`, 'null']) {
      const r = await send(ctx, 'POST', path, post.body, origin);
      if (r.status() !== 403) wrong.push(`POST ${path} as ${post.poster} with Origin ${origin ?? '(none)'}: expected 403, got ${r.status()}`);
    }
  }
  expect(posts.length).toBeGreaterThan(25);
  expect(wrong, describeMismatch(wrong)).toEqual([]);
});

test('sign-out is a same-origin POST: refused without Origin (session kept), accepted with it (session ended)', async () => {
  const base = server.base;
  for (const name of personaNames) {
    const p = personas.get(name)!;
    const ctx = await client(base);
    try {
      if (!p.user) {
        const r = await ctx.post('/logout', { form: {}, headers: { origin: base } });
        expect(r.status()).toBe(303);
        expect(r.headers().location).toMatch(/^\/login\?next=/);
        continue;
      }
      await signInAs(ctx, base, p.user.email);
      expect((await ctx.post('/logout', { form: {} })).status(), `${name}: sign-out without Origin`).toBe(403);
      expect((await ctx.post('/logout', { form: {}, headers: { origin: 'https://evil.example' } })).status()).toBe(403);
      expect((await ctx.get('/account')).status(), `${name}: still signed in after refused sign-outs`).toBe(200);
      const out = await ctx.post('/logout', { form: {}, headers: { origin: base } });
      expect(out.status()).toBe(303);
      expect(out.headers().location).toBe('/login');
      expect((await ctx.get('/account')).status(), `${name}: signed out`).toBe(303);
    } finally {
      await ctx.dispose();
    }
  }
});

test("another shop's manager gets only their own shop's register in the CSV export", async () => {
  const demo = await (await contexts.get('manager')!.get('/manage/register/export.csv')).text();
  const other = await (await contexts.get('quaysideManager')!.get('/manage/register/export.csv')).text();
  expect(demo).toContain('C-1003');
  expect(other).not.toContain('C-1003');
  expect(other).not.toContain('Priya');
});

test('a forged record id in a query or form does not reach another shop', async () => {
  const base = server.base;
  const q = contexts.get('quaysideManager')!;
  // The register filter ignores a staff id that is not in the manager's own shop.
  const filtered = await (await q.get(`/manage/register?staff=${PRIYA.id}`)).text();
  expect(filtered).not.toContain('C-1003');
  // Witness testimony for another shop's learner, however well formed, is refused before it is read.
  const r = await q.post(`/manage/witness/${PRIYA.id}`, {
    headers: { origin: base },
    form: { id: crypto.randomUUID(), title: 'Forged', text: 'Forged testimony from another shop.', claims: 'P1', declaredOwnWork: 'yes' },
  });
  expect(r.status()).toBe(404);
  const rows = await server.sql().execute({ sql: "select count(*) as n from evidence_item where title = 'Forged'", args: [] });
  expect(Number(rows.rows[0]!.n)).toBe(0);
});

test('past the page checks, the services refuse what is not the person\'s to change (forged ids, well-formed bodies)', async () => {
  const base = server.base;
  const sql = server.sql();
  const n = async (query: string, args: string[] = []) => Number((await sql.execute({ sql: query, args })).rows[0]!.n);
  const post = (who: PersonaName, path: string, form: Record<string, string>) => contexts.get(who)!.post(path, { form, headers: { origin: base } });

  // An administrator may read a learner's evidence (assess:learners) but not decide on it or sign it off.
  const decisions = await n('select count(*) as n from decision');
  const decided = await post('admin', '/assess/evidence/demo-evidence-bench', { criterion: 'P3', version: '1', outcome: 'met', feedback: 'Looks fine to an administrator.', follows: '' });
  expect(decided.status()).toBe(400);
  expect(await n('select count(*) as n from decision')).toBe(decisions);
  const signed = await post('admin', `/assess/learners/${PRIYA.id}?intent=sign-off`, { declaredOwnWork: 'yes' });
  expect(signed.status()).toBe(400);
  expect(await n('select count(*) as n from sign_off')).toBe(0);
  const observed = await post('admin', `/assess/learners/${PRIYA.id}?intent=observation`, { id: crypto.randomUUID(), title: 'Admin observation', text: 'Seen by an administrator.', claims: 'P1', declaredOwnWork: 'yes' });
  expect(observed.status()).toBe(400);
  expect(await n("select count(*) as n from evidence_item where title = 'Admin observation'")).toBe(0);

  // Another shop's manager, naming this shop's records by id in an otherwise valid form.
  const level = String((await sql.execute("select id, lock_version from authority_level where organisation_id = 'org-harbour-street' and archived_at is null limit 1")).rows[0]!.id);
  const lock = String((await sql.execute({ sql: 'select lock_version from authority_level where id = ?', args: [level] })).rows[0]!.lock_version);
  expect((await post('quaysideManager', `/manage/authority?intent=archive&level=${encodeURIComponent(level)}`, { lockVersion: lock })).status()).toBe(404);
  expect(await n('select count(*) as n from authority_level where id = ? and archived_at is null', [level])).toBe(1);
  expect((await post('quaysideManager', `/manage/authority?intent=update&level=${encodeURIComponent(level)}`, { lockVersion: lock, name: 'Taken over', rank: '1', maxDiscount: '5', maxValue: '25', allowedConcessions: 'discount' })).status()).toBe(404);
  expect(await n("select count(*) as n from authority_level where name = 'Taken over'")).toBe(0);
  expect((await post('quaysideManager', '/manage/effects/data?intent=remove', { eventId: 'event-demo-spring' })).status()).toBe(404);
  expect(await n("select count(*) as n from calendar_event where id = 'event-demo-spring'")).toBe(1);
  expect((await post('quaysideManager', '/manage/authority/user-quayside-learner?intent=grant', { levelId: level, reason: 'Borrowing another shop\'s level.' })).status()).toBe(404);
  expect(await n("select count(*) as n from authority_grant where staff_id = 'user-quayside-learner'")).toBe(0);

  // A learner acknowledging another learner's grant.
  expect((await post('learner2', '/learn/authority', { grantId: 'grant-demo-learner-basic' })).status()).toBe(409);
  expect(await n("select count(*) as n from authority_acknowledgement where staff_id = 'user-learner2'")).toBe(0);

  // A learner submitting another learner's reflection as their own evidence.
  const before = await n('select count(*) as n from evidence_item');
  const stolen = await post('learner2', '/learn/portfolio/add?kind=reflection&source=demo-reflection-bench', { id: crypto.randomUUID(), claims: 'P3', declaredOwnWork: 'yes' });
  expect(stolen.status()).toBe(404);
  expect(await n('select count(*) as n from evidence_item')).toBe(before);

  // The lead assessor cannot sample a decision of their own.
  const own = String((await sql.execute("select id from decision where assessor_id = 'user-assessor' limit 1")).rows[0]!.id);
  expect((await post('assessor', '/assess/sampling', { decisionId: own, agrees: 'yes', reason: 'Agreeing with myself.' })).status()).toBe(400);
  expect(await n('select count(*) as n from quality_sample where decision_id = ?', [own])).toBe(0);
});

test('GET changes nothing: every route as every person leaves every table as it was', async () => {
  test.setTimeout(120_000);
  const before = await tableDigests(server);
  for (const [, spec] of Object.entries(TABLE)) {
    for (const name of personaNames) await send(contexts.get(name)!, 'GET', pathOf(spec.get));
  }
  const after = await tableDigests(server);
  // The badge signing key is made on first use (GET /api/badges/issuer may be that use): one row, once.
  if ((before.issuer_key?.count ?? 0) === 0 && after.issuer_key?.count === 1) delete after.issuer_key, delete before.issuer_key;
  expect(Object.keys(before).length).toBeGreaterThan(20);
  expect(after).toEqual(before);
});

/** Per table: its row count and a digest of its rows (sessions: count only, their activity time moves). */
async function tableDigests(s: Goodwill): Promise<Record<string, { count: number; digest: string }>> {
  const sql = s.sql();
  const out: Record<string, { count: number; digest: string }> = {};
  for (const [name, count] of Object.entries(await rowCounts(sql))) {
    const rows = name === 'session' ? [] : (await sql.execute(`select * from "${name}"`)).rows.map((r) => JSON.stringify(r, (_k, v) => (typeof v === 'bigint' ? String(v) : v instanceof ArrayBuffer ? Buffer.from(v).toString('base64') : v)));
    out[name] = { count, digest: createHash('sha256').update(rows.sort().join('\n')).digest('hex') };
  }
  return out;
}
