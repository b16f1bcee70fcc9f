/**
 * ASVS V3.2 (unintended content interpretation) and V1.2/1.3 (output encoding, sanitisation) in the
 * browser: the XSS corpus (tests/fixtures/xss-payloads.txt) goes into every field a person writes that
 * is shown back, through the real forms, and every page that shows it is opened in Chromium with a
 * dialog listener, a CSP-violation listener and a look at the DOM. A payload that ran would open a
 * dialog or set window.__xss; one the CSP had to stop would still be caught as a violation; one that
 * survived as markup without running yet (an event handler waiting for a hover) is caught in the DOM.
 *
 * Fields covered: reflection title and body; file evidence title and file name; observation title and
 * text; witness title and text; decision feedback; sample reason; invitation names (and the name of
 * the account made from one); register customer reference, sale reference and reason; approach texts;
 * review notes; authority grant and withdrawal reasons and level names; calendar event names; CSV
 * import rows (their problems are echoed back); shop and account names; and payloads in query strings.
 */
import { expect, test, type Browser, type BrowserContext } from '@playwright/test';
import { loadPayloads } from '../fixtures/xss-payloads';
import { startGoodwill, DEMO_PASSWORD, type Goodwill } from './support/security-server';

const payloads = loadPayloads();
const fitting = (max: number) => payloads.filter((p) => p.trim().length >= 3 && p.length <= max);
/** The corpus cut into pieces that fit a field of `max` characters. */
function chunks(max: number): string[] {
  const out: string[] = [];
  let current = '';
  for (const p of payloads) {
    const next = current ? `${current}\n\n${p}` : p;
    if (next.length > max) {
      out.push(current);
      current = p;
    } else current = next;
  }
  if (current) out.push(current);
  return out;
}

let server: Goodwill;
const people = {
  priya: 'learner@demo.goodwill.test',
  grace: 'assessor@demo.goodwill.test',
  sam: 'assessor2@demo.goodwill.test',
  martin: 'manager@demo.goodwill.test',
  leah: 'learner@quayside.goodwill.test',
  admin: 'admin@demo.goodwill.test',
} as const;
type Who = keyof typeof people | 'anonymous' | 'redeemer';
const contexts = new Map<Who, BrowserContext>();

async function newContext(browser: Browser): Promise<BrowserContext> {
  const ctx = await browser.newContext({ baseURL: server.base });
  await ctx.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
  });
  return ctx;
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(120_000);
  server = await startGoodwill();
  contexts.set('anonymous', await newContext(browser));
  for (const [who, email] of Object.entries(people) as [Who, string][]) {
    const ctx = await newContext(browser);
    const r = await ctx.request.post('/login', { form: { email, password: DEMO_PASSWORD }, headers: { origin: server.base }, maxRedirects: 0 });
    expect(r.status(), `sign-in as ${email}`).toBe(303);
    contexts.set(who, ctx);
  }
});

test.afterAll(async () => {
  for (const ctx of contexts.values()) await ctx.close();
  await server?.stop();
});

const ctxOf = (who: Who) => contexts.get(who)!;

/** A same-origin form post as `who`; the status must be one of `ok`. Returns the response's Location and text. */
async function post(who: Who, path: string, form: Record<string, string | string[]>, ok: number[] = [303]): Promise<{ location: string; text: string }> {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(form)) for (const value of [v].flat()) body.append(k, value);
  const r = await ctxOf(who).request.post(path, { data: body.toString(), headers: { origin: server.base, 'content-type': 'application/x-www-form-urlencoded' }, maxRedirects: 0 });
  const text = await r.text();
  expect(ok, `POST ${path} as ${who} answered ${r.status()}: ${text.slice(0, 300)}`).toContain(r.status());
  return { location: r.headers().location ?? '', text };
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/**
 * Opens `path` as `who` and returns every sign that markup a person wrote became live: dialogs, the
 * __xss flag, CSP violations, event-handler attributes, frames, javascript:/data: URLs, foreign or
 * payload scripts, and server errors.
 */
async function problemsOn(who: Who, path: string): Promise<string[]> {
  const page = await ctxOf(who).newPage();
  const problems: string[] = [];
  page.on('dialog', (d) => {
    problems.push(`dialog (${d.type()}): ${d.message()}`);
    void d.dismiss().catch(() => undefined);
  });
  page.on('console', (m) => {
    if (/content security policy|refused to (execute|load|apply|frame)/i.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  try {
    const response = await page.goto(path, { waitUntil: 'load' });
    if (!response || response.status() >= 500) problems.push(`status ${response?.status()}`);
    // Give error, load, toggle and focus handlers a moment to fire; then hover and focus what is there.
    await page.waitForTimeout(150);
    await page.mouse.move(5, 5);
    await page.keyboard.press('Tab');
    await page.waitForTimeout(100);
    const seen = await page.evaluate(() => {
      const w = window as unknown as { __xss?: unknown; __csp?: string[] };
      const found: string[] = [];
      if (w.__xss !== undefined) found.push('window.__xss was set');
      for (const v of w.__csp ?? []) found.push(`CSP violation: ${v}`);
      for (const el of Array.from(document.querySelectorAll('*'))) {
        for (const a of Array.from(el.attributes)) {
          if (/^on/i.test(a.name)) found.push(`<${el.tagName.toLowerCase()} ${a.name}>`);
          if (['href', 'src', 'action', 'formaction', 'data', 'srcdoc', 'xlink:href'].includes(a.name.toLowerCase())) {
            let protocol = '';
            try {
              protocol = new URL(a.value, location.href).protocol;
            } catch {
              protocol = '';
            }
            if (a.name.toLowerCase() === 'srcdoc' || protocol === 'javascript:' || protocol === 'vbscript:' || (protocol === 'data:' && !/^data:image\/(png|jpeg|gif|webp);/i.test(a.value))) found.push(`<${el.tagName.toLowerCase()} ${a.name}="${a.value.slice(0, 60)}">`);
          }
        }
      }
      for (const tag of ['iframe', 'frame', 'object', 'embed', 'base', 'meta[http-equiv]', 'math', 'template', 'xmp']) {
        const n = document.querySelectorAll(tag).length;
        if (n) found.push(`${n} <${tag}> element(s)`);
      }
      for (const s of Array.from(document.scripts)) {
        if (/alert\(|__xss/.test(s.textContent ?? '') || (s.src && new URL(s.src).origin !== location.origin)) found.push(`script: ${(s.src || s.textContent || '').slice(0, 80)}`);
      }
      return found;
    });
    problems.push(...seen);
  } finally {
    await page.close();
  }
  return problems.map((p) => `${who} ${path}: ${p}`);
}

async function expectNoScriptRan(visits: [Who, string][]): Promise<void> {
  const problems: string[] = [];
  for (const [who, path] of visits) problems.push(...(await problemsOn(who, path)));
  expect(problems, `${visits.length} pages`).toEqual([]);
}

test('a learner writes the corpus: reflection titles and bodies, evidence titles, file names and register entries', async () => {
  test.setTimeout(180_000);
  // Reflections: every payload as a title; the whole corpus as one body, submitted as evidence.
  const reflectionIds: string[] = [];
  for (const title of fitting(120)) {
    const { location } = await post('priya', '/learn/reflections/new', { title, claims: 'P3' });
    reflectionIds.push(location.split('/').pop()!);
  }
  const corpusReflection = reflectionIds[0]!;
  const save = await ctxOf('priya').request.post(`/api/reflections/${corpusReflection}`, { data: { baseVersion: 0, body: payloads.join('\n\n') }, headers: { origin: server.base } });
  expect(save.status(), await save.text()).toBe(200);
  const submitted = await post('priya', `/learn/portfolio/add?kind=reflection&source=${corpusReflection}`, { id: crypto.randomUUID(), claims: 'P3', declaredOwnWork: 'yes' });
  const reflectionEvidence = /\/evidence\/([^/?]+)/.exec(submitted.location)![1]!;

  // Files: every payload as the evidence title; payloads the name check accepts as the file name too.
  for (const title of fitting(120)) {
    const r = await ctxOf('priya').request.post('/learn/portfolio/add?kind=file', {
      headers: { origin: server.base },
      maxRedirects: 0,
      multipart: { id: crypto.randomUUID(), title, claims: 'P7', declaredOwnWork: 'yes', file: { name: `${title.slice(0, 150)}.pdf`, mimeType: 'application/pdf', buffer: PDF } },
    });
    if (r.status() === 400) {
      // Refused for its name (slashes, dots): the same title with a plain file name then.
      expect(await r.text()).toContain('That file name cannot be used');
      const again = await ctxOf('priya').request.post('/learn/portfolio/add?kind=file', {
        headers: { origin: server.base },
        maxRedirects: 0,
        multipart: { id: crypto.randomUUID(), title, claims: 'P7', declaredOwnWork: 'yes', file: { name: 'letter.pdf', mimeType: 'application/pdf', buffer: PDF } },
      });
      expect(again.status()).toBe(303);
    } else expect(r.status()).toBe(303);
  }

  // The register: payloads as customer and sale references, the corpus as reasons. A 50 % discount is
  // outside her authority, so each entry is flagged and reaches the manager's home and notifications.
  const reasons = chunks(2_000);
  const registerIds: string[] = [];
  for (const [i, ref] of fitting(100).entries()) {
    const { location } = await post('priya', '/learn/register/new', {
      id: crypto.randomUUID(),
      customerRef: ref,
      saleReference: ref,
      price: '100',
      unitCost: '40',
      quantity: '1',
      'include.discount': 'on',
      'discount.percent': '50',
      reason: reasons[i % reasons.length]!,
      agreedAt: new Date().toISOString().slice(0, 16),
    });
    registerIds.push(/logged=([^&]+)/.exec(location)![1]!);
  }

  await expectNoScriptRan([
    ['priya', '/learn'],
    ['priya', '/learn/reflections'],
    ['priya', `/learn/reflections/${corpusReflection}`],
    ['priya', `/learn/reflections/${reflectionIds[5]}`],
    ['priya', '/learn/portfolio'],
    ['priya', `/learn/portfolio/evidence/${reflectionEvidence}`],
    ['priya', '/learn/portfolio/print'],
    ['priya', '/learn/register'],
    ['priya', `/learn/register?logged=${registerIds[0]}`],
    ['grace', '/assess'],
    ['grace', `/assess/evidence/${reflectionEvidence}`],
    ['grace', '/assess/learners/user-learner'],
    ['grace', '/assess/learners/user-learner/print'],
    ['grace', '/assess/cohort'],
    ['martin', '/manage'],
    ['martin', '/manage/register'],
    ['martin', '/notifications'],
    ...registerIds.map((id) => ['martin', `/manage/register/${id}`] as [Who, string]),
  ]);
});

test('assessors and managers write the corpus: observations, witness testimony, decision feedback, sampling', async () => {
  test.setTimeout(180_000);
  const text = payloads.join('\n\n');
  const feedback = chunks(5_000);
  // Observations by the assessor: each payload a title, the corpus the text.
  const observations: string[] = [];
  for (const title of fitting(120)) {
    const { location } = await post('grace', '/assess/learners/user-learner?intent=observation', { id: crypto.randomUUID(), title, text, claims: 'P1', declaredOwnWork: 'yes' });
    observations.push(location.split('/').pop()!);
  }
  // Witness testimony by the manager.
  for (const title of fitting(120).slice(0, 10)) {
    await post('martin', '/manage/witness/user-learner', { id: crypto.randomUUID(), title, text, claims: 'P2', declaredOwnWork: 'yes' }, [200]);
  }
  // Decisions with the corpus as feedback, on the first observations.
  for (const [i, piece] of feedback.entries()) {
    await post('grace', `/assess/evidence/${observations[i]}`, { criterion: 'P1', version: '1', outcome: 'not-yet', feedback: piece, follows: '' });
  }
  // Another assessor decides on the other shop's learner with the corpus as feedback; the lead
  // assessor sees those decisions to sample, and samples them with the corpus as reason.
  const { location: leahReflection } = await post('leah', '/learn/reflections/new', { title: 'A day at the counter', claims: 'P3' });
  const leahId = leahReflection.split('/').pop()!;
  expect((await ctxOf('leah').request.post(`/api/reflections/${leahId}`, { data: { baseVersion: 0, body: 'A plain account of my day.' }, headers: { origin: server.base } })).status()).toBe(200);
  const leahEvidence = (await post('leah', `/learn/portfolio/add?kind=reflection&source=${leahId}`, { id: crypto.randomUUID(), claims: ['P3', 'P4'], declaredOwnWork: 'yes' })).location;
  const leahEvidenceId = /\/evidence\/([^/?]+)/.exec(leahEvidence)![1]!;
  await post('sam', `/assess/evidence/${leahEvidenceId}`, { criterion: 'P3', version: '1', outcome: 'met', feedback: feedback[0]!, follows: '' });
  await expectNoScriptRan([['grace', '/assess/sampling']]);
  const decisions = await server.sql().execute({ sql: 'select id from decision where evidence_id = ?', args: [leahEvidenceId] });
  await post('grace', '/assess/sampling', { decisionId: String(decisions.rows[0]!.id), agrees: 'no', reason: chunks(2_000)[0]! });

  await expectNoScriptRan([
    ['priya', '/learn/portfolio'],
    ['priya', `/learn/portfolio/evidence/${observations[0]}`],
    ['priya', `/learn/portfolio/evidence/${observations[1]}`],
    ['priya', '/learn/portfolio/print'],
    ['priya', '/notifications'],
    ['grace', '/assess'],
    ['grace', `/assess/evidence/${observations[0]}`],
    ['grace', `/assess/evidence/${observations[0]}?decided=${encodeURIComponent(payloads[0]!)}`],
    ['grace', '/assess/learners/user-learner'],
    ['grace', '/assess/learners/user-learner/print'],
    ['grace', '/assess/sampling'],
    ['grace', `/assess/evidence/${leahEvidenceId}`],
    ['sam', `/assess/evidence/${leahEvidenceId}`],
    ['sam', '/notifications'],
    ['leah', `/learn/portfolio/evidence/${leahEvidenceId}`],
    ['leah', '/learn/portfolio'],
  ]);
});

test('a manager writes the corpus: invitation names, approach, reviews, authority, events and CSV imports', async () => {
  test.setTimeout(180_000);
  // Invitations: every payload that fits as a name. Each invitation page greets the name.
  const tokens: string[] = [];
  for (const [i, name] of fitting(100).entries()) {
    const { text } = await post('martin', '/manage/staff', { name, email: `xss-${i}@example.test` }, [200]);
    tokens.push(/\/invite\/([a-z2-7]{32})/.exec(text)![1]!);
  }
  // One invitation is redeemed: the payload becomes a person's name, shown across the product.
  const redeemer = await newContext((await ctxOf('anonymous').browser())!);
  contexts.set('redeemer', redeemer);
  const redeemed = await redeemer.request.post(`/invite/${tokens[0]}`, { form: { password: 'a long and unusual passphrase', confirm: 'a long and unusual passphrase' }, headers: { origin: server.base }, maxRedirects: 0 });
  expect(redeemed.status()).toBe(303);

  // The approach, twice (so the earlier version is listed too), and a completed review.
  const long = chunks(5_000);
  const summary = chunks(2_000);
  for (const [i, basedOn] of ['1', '2'].entries()) {
    await post('martin', '/manage/approach?intent=save', { segments: long[0]!, termsBySegment: long[1 % long.length]!, competitorNotes: long[0]!, brandPosition: long[1 % long.length]!, changeSummary: summary[i % summary.length]!, basedOn });
  }
  await post('martin', '/manage/approach/reviews/review-demo-1', { notes: long[0]!, nextDueDate: '' });

  // Authority: a level named by each payload that fits, an override grant and a withdrawal with the corpus as reasons.
  for (const name of fitting(80)) {
    await post('martin', '/manage/authority?intent=add', { name, rank: '5', maxDiscount: '5', maxValue: '10', allowedConcessions: 'discount' });
  }
  const levels = await server.sql().execute({ sql: "select id from authority_level where organisation_id = 'org-harbour-street' and name like '%<%' limit 1", args: [] });
  await post('martin', '/manage/authority/user-learner?intent=grant', { levelId: String(levels.rows[0]!.id), reason: summary[0]! });
  await post('martin', '/manage/authority/user-learner?intent=revoke', { revokeReason: summary[1 % summary.length]! });
  await post('martin', '/manage/authority/user-learner?intent=grant', { levelId: String(levels.rows[0]!.id), reason: summary[2 % summary.length]! });

  // Calendar events named by each payload.
  for (const name of fitting(120)) {
    await post('martin', '/manage/effects/data?intent=event', { name, kind: 'other', startDate: '2026-01-05', endDate: '2026-01-06' });
  }

  const visits: [Who, string][] = [
    ['martin', '/manage'],
    ['martin', '/manage/staff'],
    ['martin', '/manage/approach'],
    ['martin', '/manage/approach/reviews/review-demo-1'],
    ['martin', '/manage/authority'],
    ['martin', '/manage/authority/user-learner'],
    ['martin', '/manage/competence'],
    ['martin', '/manage/effects/data'],
    ['martin', '/manage/register'],
    ['priya', '/learn/authority'],
    ['redeemer', '/learn'],
    ['redeemer', '/account'],
    ['admin', '/admin'],
    ['admin', '/admin/xapi'],
    ...tokens.slice(1).map((t) => ['anonymous', `/invite/${t}`] as [Who, string]),
  ];
  await expectNoScriptRan(visits);

  // CSV imports: rows made of payloads are refused line by line, and the problems are shown back.
  const csv = ['date,customer,amount,cost', ...fitting(100).map((p) => `${JSON.stringify(p)},${JSON.stringify(p)},${JSON.stringify(p)},1`)].join('\n');
  const page = await ctxOf('martin').newPage();
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto('/manage/effects/data');
  await page.locator('#import-sales-file').setInputFiles({ name: '<img src=x onerror=alert(1)>.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByRole('button', { name: 'Import sales' }).click();
  await expect(page.locator('[data-import-result="sales"]')).toBeVisible();
  await page.waitForTimeout(200);
  const flagged = await page.evaluate(() => ((window as unknown as { __xss?: unknown; __csp?: string[] }).__csp ?? []).concat((window as unknown as { __xss?: unknown }).__xss ? ['__xss'] : []));
  await page.close();
  expect([...dialogs, ...flagged]).toEqual([]);
});

test('an administrator writes the corpus: shop and account names', async () => {
  test.setTimeout(180_000);
  for (const [i, name] of fitting(100).entries()) {
    await post('admin', '/admin?intent=organisation', { name, brandImage: 'value' }, [200]);
    if (i % 4 === 0) await post('admin', '/admin?intent=account', { name, email: `xss-assessor-${i}@example.test`, role: 'assessor', organisationId: '', password: 'a long and unusual passphrase' }, [200]);
  }
  await expectNoScriptRan([
    ['admin', '/admin'],
    ['admin', '/admin/xapi'],
  ]);
});

test('payloads in query strings are not reflected as markup', async () => {
  test.setTimeout(180_000);
  const reflected = [payloads[0]!, '"><img src=x onerror=alert(1)>', "'><svg onload=alert(1)>", 'javascript:alert(1)', '</script><script>alert(1)</script>'];
  const visits: [Who, string][] = [];
  for (const raw of reflected) {
    const p = encodeURIComponent(raw);
    visits.push(
      ['anonymous', `/login?next=${p}`],
      ['anonymous', `/?x=${p}`],
      ['priya', `/learn/calculator?price=${p}&unitCost=${p}&discount=${p}`],
      ['priya', `/learn/reflections/new?criterion=${p}&fromAttempt=${p}`],
      ['priya', `/learn/portfolio/add?kind=file&source=${p}`],
      ['priya', `/learn/register?logged=${p}`],
      ['grace', `/assess/sampling?sampled=${p}`],
      ['martin', `/manage/register?staff=${p}&source=${p}&flagged=${p}`],
      ['martin', `/manage/competence?criterion=${p}&state=${p}&ready=${p}`],
      ['martin', `/manage/effects?concessionType=${p}&beforeDays=${p}&afterDays=${p}`],
      ['martin', `/manage/approach?saved=${p}`],
      ['martin', `/manage/authority?saved=${p}`],
      ['martin', `/manage/authority/user-learner?done=${p}`],
    );
  }
  await expectNoScriptRan(visits);
});
