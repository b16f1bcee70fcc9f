/**
 * ASVS V16.2 / V14.2 (no sensitive data in logs): a whole signed-in story against the real server
 * process (`src/server/start.ts`, stdout and stderr captured), then a search of everything it wrote,
 * and of the audit table, for the secrets that passed through it: every session token (and its
 * SHA-256, the session id in the database), the invitation token, every password used (right, wrong,
 * refused, new), and anything shaped like a cookie or a token.
 */
import { createHash } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { client, DEMO_PASSWORD, signInAs, startGoodwill, type Goodwill } from './support/security-server';

let server: Goodwill;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  server = await startGoodwill();
});

test.afterAll(async () => {
  await server?.stop();
});

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

test('no token, password or session id reaches the server output or the audit log', async () => {
  test.setTimeout(120_000);
  const base = server.base;
  const origin = { origin: base };
  const secrets = new Map<string, string>();
  const keep = (label: string, value: string) => secrets.set(value, label);
  const contexts = [];

  // Everyone signs in; every session token is a secret.
  const tokenOf = async (ctx: Awaited<ReturnType<typeof client>>) => (await ctx.storageState()).cookies.find((c) => c.name === 'session')?.value;
  const manager = await client(base);
  keep('manager session', await signInAs(manager, base, 'manager@demo.goodwill.test'));
  const admin = await client(base);
  keep('admin session', await signInAs(admin, base, 'admin@demo.goodwill.test'));
  const priya = await client(base);
  keep('learner session', await signInAs(priya, base, 'learner@demo.goodwill.test'));
  keep('demo password', DEMO_PASSWORD);
  contexts.push(manager, admin, priya);

  // Wrong and refused passwords are secrets too (a mistyped password is often nearly the real one).
  const anonymous = await client(base);
  contexts.push(anonymous);
  for (const wrong of ['goodwill-demo-2025', 'Correct Horse Battery 1']) {
    keep('wrong password', wrong);
    expect((await anonymous.post('/login', { form: { email: 'learner2@demo.goodwill.test', password: wrong }, headers: origin })).status()).toBe(400);
  }
  expect((await anonymous.post('/login', { form: { email: 'nobody@example.test', password: 'unknown account pw' }, headers: origin })).status()).toBe(400);
  keep('unknown-account password', 'unknown account pw');

  // An invitation: its token travels in the URL, which is exactly what a request log could leak.
  const invited = await manager.post('/manage/staff', { form: { name: 'Logan Test', email: 'logan@example.test' }, headers: origin });
  const inviteToken = /\/invite\/([a-z2-7]{32})/.exec(await invited.text())![1]!;
  keep('invitation token', inviteToken);
  const newcomer = await client(base);
  contexts.push(newcomer);
  expect((await newcomer.get(`/invite/${inviteToken}`)).status()).toBe(200);
  keep('refused password', 'password2024');
  expect((await newcomer.post(`/invite/${inviteToken}`, { form: { password: 'password2024', confirm: 'password2024' }, headers: origin })).status()).toBe(400);
  const firstPassword = 'first chosen passphrase';
  keep('chosen password', firstPassword);
  expect((await newcomer.post(`/invite/${inviteToken}`, { form: { password: firstPassword, confirm: firstPassword }, headers: origin })).status()).toBe(303);
  keep('newcomer session', (await tokenOf(newcomer))!);

  // A password change: current and new passwords, and the fresh session it opens.
  const secondPassword = 'second chosen passphrase';
  keep('new password', secondPassword);
  keep('wrong current password', 'not my current one');
  expect((await newcomer.post('/account', { form: { current: 'not my current one', password: secondPassword, confirm: secondPassword }, headers: origin })).status()).toBe(400);
  expect((await newcomer.post('/account', { form: { current: firstPassword, password: secondPassword, confirm: secondPassword }, headers: origin })).status()).toBe(200);
  keep('session after change', (await tokenOf(newcomer))!);

  // An administrator sets an initial password.
  const initial = 'initial admin passphrase';
  keep('admin-set password', initial);
  expect((await admin.post('/admin?intent=account', { form: { name: 'Ada Two', email: 'ada2@example.test', role: 'assessor', organisationId: '', password: initial }, headers: origin })).status()).toBe(200);

  // Ordinary work: forms, JSON, a download, a 404, a refused cross-site post, a sign-out.
  const created = await priya.post('/learn/reflections/new', { form: { title: 'Logged reflection', claims: 'P3' }, headers: origin });
  const reflectionId = created.headers().location!.split('/').pop()!;
  expect((await priya.post(`/api/reflections/${reflectionId}`, { data: { baseVersion: 0, body: 'Some words.' }, headers: origin })).status()).toBe(200);
  expect((await priya.get('/learn/portfolio/export.json')).status()).toBe(200);
  expect((await priya.get('/learn/no-such-page')).status()).toBe(404);
  expect((await priya.post('/notifications', { form: {}, headers: { origin: 'https://evil.example' } })).status()).toBe(403);
  expect((await priya.get(`/login?next=${encodeURIComponent(`/learn?token=${inviteToken}`)}`)).status()).toBe(303);
  expect((await admin.post('/logout', { form: {}, headers: origin })).status()).toBe(303);
  // A session cookie that is no longer valid is sent again (and must not be echoed into a log).
  const stale = await client(base);
  contexts.push(stale);
  expect((await stale.get('/account', { headers: { cookie: `session=${secrets.size ? [...secrets].find(([, l]) => l === 'admin session')![0] : ''}` } })).status()).toBe(303);

  for (const ctx of contexts) await ctx.dispose();
  await new Promise((r) => setTimeout(r, 300));

  // Every request was logged (one line each, by route pattern) …
  const output = server.output();
  const requestLines = output.split('\n').filter((l) => l.startsWith('{'));
  expect(requestLines.length).toBeGreaterThanOrEqual(15);
  expect.soft(output).toContain('"route":"/invite/[token]"');

  // … and nothing secret was. The start-up banner prints the published demo password on purpose (only
  // when it seeds the demo, never in production), so the search starts after it.
  const served = output.indexOf('Goodwill is serving on');
  const banner = output.slice(served).search(/\n\{/);
  const logged = banner === -1 ? '' : output.slice(served + banner);
  expect(logged.length).toBeGreaterThan(0);
  const auditRows = await server.sql().execute('select action, detail from audit_event');
  const audit = auditRows.rows.map((r) => `${r.action} ${r.detail}`).join('\n');
  expect(audit).toContain('password-changed');

  const leaks: string[] = [];
  for (const [where, text] of [['server output', logged], ['audit log', audit]] as const) {
    for (const [value, label] of secrets) {
      if (text.includes(value)) leaks.push(`${where}: ${label}`);
      if (label.includes('session') && text.includes(sha256(value))) leaks.push(`${where}: ${label} id (its SHA-256)`);
    }
    for (const [label, pattern] of [
      ['a cookie', /(__Host-)?session=/i],
      ['a Cookie or Set-Cookie header', /set-cookie|"cookie"/i],
      ['a token-shaped value (32 base32 characters)', /(?<![a-z2-7])[a-z2-7]{32}(?![a-z2-7])/],
      ['a hash-shaped value (64 hex characters)', /(?<![0-9a-f])[0-9a-f]{64}(?![0-9a-f])/],
      ['a password field', /"?password"?\s*[:=]/i],
    ] as const) {
      if (pattern.test(text)) leaks.push(`${where}: ${label}: ${text.match(pattern)![0]}`);
    }
  }
  expect(secrets.size).toBeGreaterThanOrEqual(14);
  expect(leaks).toEqual([]);
});
