/**
 * ASVS V3.4 (browser security headers), V3.3 (cookies), V14.3 (client-side data) on every kind of
 * response, against servers of its own: a page, a signed-in page, static files, redirects and every
 * kind of error (404, 403 from the permission module, 403 from Astro's and from our origin check, 401
 * JSON, 400, 429). And in production (NODE_ENV=production, where the server never seeds, so the test
 * seeds the database itself first): the `__Host-session` cookie, Secure, and HSTS on every response.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type APIResponse } from '@playwright/test';
import { openDatabase } from '../../db/client';
import { migrateDatabase } from '../../db/migrate';
import { seedDemo } from '../../db/seed';
import { client, DEMO_PASSWORD, ROOT, signInAs, startGoodwill, type Goodwill } from './support/security-server';

type Probe = [label: string, response: APIResponse];

/** One of each kind of response, from a running server. */
async function everyKindOfResponse(server: Goodwill, cookieName: string): Promise<Probe[]> {
  const base = server.base;
  const anonymous = await client(base);
  const learner = await client(base);
  const token = await signInAs(learner, base, 'learner@demo.goodwill.test');
  const asLearner = { headers: { cookie: `${cookieName}=${token}` } };
  const asset = readdirSync(join(ROOT, 'dist/client/_astro')).find((f) => f.endsWith('.js') || f.endsWith('.css'));
  const probes: Probe[] = [
    ['front page', await anonymous.get('/')],
    ['sign-in page', await anonymous.get('/login')],
    ['signed-in page', await learner.get('/learn', asLearner)],
    ['signed-in JSON download', await learner.get('/learn/portfolio/export.json', asLearner)],
    ['static file', await anonymous.get('/favicon.svg')],
    ['built asset', await anonymous.get(`/_astro/${asset}`)],
    ['redirect to sign in', await anonymous.get('/learn')],
    ['404 page', await learner.get('/no-such-page', asLearner)],
    ['404 page, signed out (unknown routes need sign-in)', await anonymous.get('/no-such-page')],
    ['403 page (role)', await learner.get('/manage', asLearner)],
    ['404 for a record', await learner.get('/files/no-such-file', asLearner)],
    ['401 JSON', await anonymous.post('/api/reflections/x', { data: {}, headers: { origin: base } })],
    ['403 from Astro origin check', await anonymous.post('/login', { form: { email: 'x', password: 'y' }, headers: { origin: 'https://evil.example' } })],
    ['403 from our origin check (JSON)', await learner.post('/api/reflections/x', { data: {}, headers: { origin: 'https://evil.example', ...asLearner.headers } })],
    ['400 form', await anonymous.post('/login', { form: {}, headers: { origin: base } })],
    ['health', await anonymous.get('/api/health')],
  ];
  for (let i = 0; i < 5; i++) await anonymous.post('/login', { form: { email: 'throttled@example.test', password: `guess number ${i}` }, headers: { origin: base } });
  probes.push(['429', await anonymous.post('/login', { form: { email: 'throttled@example.test', password: 'guess number 6' }, headers: { origin: base } })]);
  expect(probes.map(([label, r]) => `${label} ${r.status()}`)).toEqual([
    'front page 200',
    'sign-in page 200',
    'signed-in page 200',
    'signed-in JSON download 200',
    'static file 200',
    'built asset 200',
    'redirect to sign in 303',
    '404 page 404',
    '404 page, signed out (unknown routes need sign-in) 303',
    '403 page (role) 403',
    '404 for a record 404',
    '401 JSON 401',
    '403 from Astro origin check 403',
    '403 from our origin check (JSON) 403',
    '400 form 400',
    'health 200',
    '429 429',
  ]);
  return probes;
}

function headerProblems(label: string, r: APIResponse): string[] {
  const problems: string[] = [];
  const all = r.headersArray();
  const csp = all.filter((h) => h.name.toLowerCase() === 'content-security-policy');
  const h = r.headers();
  if (csp.length !== 1) problems.push(`${csp.length} Content-Security-Policy headers`);
  const policy = csp[0]?.value ?? '';
  if (!/(^|;)\s*frame-ancestors 'none'\s*(;|$)/.test(policy)) problems.push("no frame-ancestors 'none'");
  if (h['x-content-type-options'] !== 'nosniff') problems.push('no nosniff');
  if (h['referrer-policy'] !== 'same-origin') problems.push(`Referrer-Policy ${h['referrer-policy']}`);
  if (h['x-frame-options'] !== 'DENY') problems.push('no X-Frame-Options DENY');
  if (h['x-powered-by'] || h.server) problems.push('names its software');
  if (/^text\//i.test(h['content-type'] ?? '') && !/;\s*charset=utf-8/i.test(h['content-type'] ?? '')) problems.push(`text without charset=utf-8: ${h['content-type']}`);
  if ((h['content-type'] ?? '').startsWith('text/html')) {
    // The page policy: scripts only from us or by hash, never inline or eval'd; no plugins; no <base> hijack.
    const script = /(?:^|;)\s*script-src ([^;]*)/.exec(policy)?.[1];
    if (!script) problems.push('HTML without a script-src');
    else if (/'unsafe-inline'|'unsafe-eval'|\*|data:|http:|https:/.test(script)) problems.push(`script-src too open: ${script.slice(0, 80)}`);
    for (const directive of ["default-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'"]) if (!policy.includes(directive)) problems.push(`no ${directive}`);
    if (/'unsafe-inline'/.test(/(?:^|;)\s*style-src ([^;]*)/.exec(policy)?.[1] ?? '')) problems.push("style-src 'unsafe-inline'");
  }
  return problems.map((p) => `${label} (${r.status()}): ${p}`);
}

test.describe('in development and test (NODE_ENV=test)', () => {
  let server: Goodwill;
  test.beforeAll(async () => {
    test.setTimeout(120_000);
    server = await startGoodwill();
  });
  test.afterAll(async () => server?.stop());

  test('every kind of response carries CSP with frame-ancestors, nosniff, Referrer-Policy and X-Frame-Options', async () => {
    const probes = await everyKindOfResponse(server, 'session');
    expect(probes.flatMap(([label, r]) => headerProblems(label, r))).toEqual([]);
    // Not in development: HSTS on plain-HTTP localhost would pin developers' browsers.
    expect(probes.every(([, r]) => !r.headers()['strict-transport-security'])).toBe(true);
  });

  test("a signed-in person's pages are never stored by the browser or a shared cache", async () => {
    const learner = await client(server.base);
    await signInAs(learner, server.base, 'learner@demo.goodwill.test');
    for (const path of ['/learn', '/learn/portfolio', '/account', '/learn/reflections/demo-reflection-bench', '/learn/portfolio/export.json', '/notifications', '/manage', '/no-such-page']) {
      const cacheControl = (await learner.get(path)).headers()['cache-control'] ?? '';
      expect(cacheControl, path).toContain('no-store');
    }
    await learner.dispose();
  });

  test('pages carry no inline <style>, so the policy lists no per-page style hashes and stays short', async () => {
    // Inline styles would each need a hash in style-src, and Astro sends every page the hashes of the
    // whole site's inline styles: 2.6 KB of header on every response. Styles are files instead.
    const pages: [string, string[]][] = [
      ['learner@demo.goodwill.test', ['/learn', '/learn/modules/P2', '/learn/portfolio', '/learn/calculator']],
      ['manager@demo.goodwill.test', ['/manage', '/manage/competence', '/manage/register', '/manage/effects']],
    ];
    for (const [email, paths] of pages) {
      const ctx = await client(server.base);
      await signInAs(ctx, server.base, email);
      for (const path of paths) {
        const r = await ctx.get(path);
        expect(r.status(), path).toBe(200);
        // Astro's own one-line rule for island wrappers is the only inline style, on pages with islands.
        const body = (await r.text()).replace('<style>astro-island,astro-slot,astro-static-slot{display:contents}</style>', '');
        expect(body, path).not.toMatch(/<style[\s>]/);
        const styleSrc = /(?:^|;)\s*style-src ([^;]*)/.exec(r.headers()['content-security-policy'] ?? '')?.[1] ?? '';
        expect(styleSrc.match(/'sha256-/g)?.length ?? 0, `${path}: ${styleSrc}`).toBeLessThanOrEqual(2);
      }
      await ctx.dispose();
    }
  });

  test('the session cookie is HttpOnly, SameSite=Lax, host-only and path /; sign-out clears it', async () => {
    const ctx = await client(server.base);
    const r = await ctx.post('/login', { form: { email: 'learner@demo.goodwill.test', password: DEMO_PASSWORD }, headers: { origin: server.base } });
    const cookie = r.headersArray().find((h) => h.name.toLowerCase() === 'set-cookie')!.value;
    expect(cookie).toMatch(/^session=[a-z2-7]{32};/);
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*SameSite=Lax/i);
    expect(cookie).toMatch(/;\s*Path=\//i);
    expect(cookie).not.toMatch(/;\s*Domain=/i);
    // Set once, at sign-in, with the session's fixed expiry: pages do not send it again.
    const page = await ctx.get('/learn');
    expect(page.status()).toBe(200);
    expect(page.headersArray().some((h) => h.name.toLowerCase() === 'set-cookie')).toBe(false);
    const out = await ctx.post('/logout', { form: {}, headers: { origin: server.base } });
    expect(out.headersArray().find((h) => h.name.toLowerCase() === 'set-cookie')?.value).toMatch(/^session=;.*Max-Age=0/i);
    await ctx.dispose();
  });
});

test.describe('in production (NODE_ENV=production)', () => {
  let server: Goodwill;
  test.beforeAll(async () => {
    test.setTimeout(120_000);
    server = await startGoodwill({
      nodeEnv: 'production',
      // Production never seeds: the test puts the demo accounts into the database before the server starts.
      prepare: async (file) => {
        const open = openDatabase(`file:${file}`);
        await open.ready;
        await migrateDatabase(open.db);
        await seedDemo(open.db, new Date());
        open.client.close();
      },
    });
  });
  test.afterAll(async () => server?.stop());

  test('the session cookie is __Host-session, Secure, HttpOnly, SameSite=Lax, Path=/ and has no Domain', async () => {
    const ctx = await client(server.base);
    const r = await ctx.post('/login', { form: { email: 'learner@demo.goodwill.test', password: DEMO_PASSWORD }, headers: { origin: server.base } });
    expect(r.status()).toBe(303);
    expect(r.headers()['strict-transport-security']).toBe('max-age=63072000; includeSubDomains');
    const cookie = r.headersArray().find((h) => h.name.toLowerCase() === 'set-cookie')!.value;
    expect(cookie).toMatch(/^__Host-session=[a-z2-7]{32};/);
    expect(cookie).toMatch(/;\s*Secure/i);
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*SameSite=Lax/i);
    expect(cookie).toMatch(/;\s*Path=\/(;|$)/i);
    expect(cookie).not.toMatch(/;\s*Domain=/i);
    const token = /^__Host-session=([a-z2-7]{32})/.exec(cookie)![1]!;
    // The prefixed cookie is the one read; the unprefixed name means nothing in production.
    expect((await ctx.get('/learn', { headers: { cookie: `__Host-session=${token}` } })).status()).toBe(200);
    expect((await ctx.get('/learn', { headers: { cookie: `session=${token}` } })).status()).toBe(303);
    const out = await ctx.post('/logout', { form: {}, headers: { origin: server.base, cookie: `__Host-session=${token}` } });
    expect(out.headersArray().find((h) => h.name.toLowerCase() === 'set-cookie')?.value).toMatch(/^__Host-session=;.*Secure/i);
    await ctx.dispose();
  });

  test('HSTS and the other headers are on every kind of response, and no demo password is printed', async () => {
    const probes = await everyKindOfResponse(server, '__Host-session');
    expect(probes.flatMap(([label, r]) => headerProblems(label, r))).toEqual([]);
    expect(probes.filter(([, r]) => r.headers()['strict-transport-security'] !== 'max-age=63072000; includeSubDomains').map(([label]) => label)).toEqual([]);
    expect(server.output()).not.toContain(DEMO_PASSWORD);
    expect(server.output()).not.toContain('Demo sign-ins');
  });
});
