/**
 * ASVS V5 (file handling): uploads through the real form (/learn/portfolio/add?kind=file) in Chromium.
 * Files whose name lies about their content, types we do not take, files over the limit and names that
 * try to be paths are refused with a message that says why, and nothing is stored (no upload row, no
 * evidence); so is a good file whose submission is refused (its claims, a form id already used), and a
 * double-clicked submit stores one file. A real PDF is taken, and is then served only as a download
 * (attachment, nosniff, its sniffed type) to those who may see the learner's records, and answered 404
 * to everyone else.
 */
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { client, DEMO_PASSWORD, signInAs, startGoodwill, type Goodwill } from './support/security-server';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const HTML = Buffer.from('<!doctype html><html><body><script>alert(document.cookie)</script></body></html>');
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(1)</script></svg>');
const MB = 1024 * 1024;
const WRONG_TYPE = 'Only PDF, JPEG and PNG files can be uploaded';

let server: Goodwill;
let priya: BrowserContext;

async function signedInContext(browser: Browser, email: string): Promise<BrowserContext> {
  const ctx = await browser.newContext({ baseURL: server.base, acceptDownloads: true });
  const r = await ctx.request.post('/login', { form: { email, password: DEMO_PASSWORD }, headers: { origin: server.base }, maxRedirects: 0 });
  expect(r.status()).toBe(303);
  return ctx;
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(120_000);
  server = await startGoodwill();
  priya = await signedInContext(browser, 'learner@demo.goodwill.test');
});

test.afterAll(async () => {
  await priya?.close();
  await server?.stop();
});

async function stored(): Promise<{ uploads: number; evidence: number }> {
  const sql = server.sql();
  const u = await sql.execute('select count(*) as n from upload');
  const e = await sql.execute('select count(*) as n from evidence_item');
  return { uploads: Number(u.rows[0]!.n), evidence: Number(e.rows[0]!.n) };
}

/** Fills and submits the upload form as a person would; returns the page and the POST's status. */
async function upload(file: { name: string; mimeType: string; buffer: Buffer }, title = 'A document'): Promise<{ page: Page; status: number }> {
  const page = await priya.newPage();
  await page.goto('/learn/portfolio/add?kind=file');
  await page.getByLabel('What is this document or photo?').fill(title);
  await page.locator('#file').setInputFiles(file);
  await page.locator('#claim-P7').check();
  await page.locator('#declaredOwnWork').check();
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().includes('/learn/portfolio/add') && r.request().method() === 'POST'),
    page.getByRole('button', { name: 'Submit to my assessor' }).click(),
  ]);
  await page.waitForLoadState('load');
  return { page, status: response.status() };
}

const refusals: [string, { name: string; mimeType: string; buffer: Buffer }, string][] = [
  ['an HTML page named .pdf', { name: 'letter.pdf', mimeType: 'application/pdf', buffer: HTML }, WRONG_TYPE],
  ['an HTML page named .html', { name: 'page.html', mimeType: 'text/html', buffer: HTML }, WRONG_TYPE],
  ['an SVG image (scripts run in SVG)', { name: 'drawing.svg', mimeType: 'image/svg+xml', buffer: SVG }, WRONG_TYPE],
  ['an SVG named .png', { name: 'drawing.png', mimeType: 'image/png', buffer: SVG }, WRONG_TYPE],
  ['a program named .pdf', { name: 'invoice.pdf', mimeType: 'application/pdf', buffer: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]) }, WRONG_TYPE],
  ['a file just over 10 MB', { name: 'big.pdf', mimeType: 'application/pdf', buffer: Buffer.concat([PDF, Buffer.alloc(10 * MB + 1 - PDF.length, 0x20)]) }, 'That file is over 10 MB'],
  ['an empty file', { name: 'empty.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(0) }, 'Choose a file to upload'],
];

for (const [label, file, message] of refusals) {
  test(`refused: ${label}, with a clear message and nothing stored`, async () => {
    const before = await stored();
    const { page, status } = await upload(file);
    expect(status).toBe(400);
    await expect(page.locator('#file-error')).toContainText(message);
    await expect(page.locator('#file')).toHaveAttribute('aria-invalid', 'true');
    expect(await stored()).toEqual(before);
    await page.close();
  });
}

test('refused: a body over the server limit (12 MB), with a message, before it is read into memory, nothing stored', async () => {
  const before = await stored();
  const { page, status } = await upload({ name: 'huge.pdf', mimeType: 'application/pdf', buffer: Buffer.concat([PDF, Buffer.alloc(12 * MB, 0x20)]) });
  expect(status).toBe(400);
  await expect(page.getByText('may be too large (10 MB at most)')).toBeVisible();
  expect(await stored()).toEqual(before);
  await page.close();
});

// Chromium hands a page only the last part of a chosen file's path, so names with path characters are
// sent as a hand-made multipart request, as an attacker would.
for (const name of ['../../etc/passwd.pdf', '..\\..\\windows\\win.ini.pdf', '/etc/passwd.pdf', '.htaccess.pdf', 'a\u0000b.pdf', 'line\nbreak.pdf']) {
  test(`refused: a file named ${JSON.stringify(name)}, with a clear message and nothing stored`, async () => {
    const ctx = await client(server.base);
    try {
      await signInAs(ctx, server.base, 'learner@demo.goodwill.test');
      const before = await stored();
      const r = await ctx.post('/learn/portfolio/add?kind=file', {
        headers: { origin: server.base },
        multipart: { id: crypto.randomUUID(), title: 'A document', claims: 'P7', declaredOwnWork: 'yes', file: { name, mimeType: 'application/pdf', buffer: PDF } },
      });
      expect(r.status()).toBe(400);
      expect(await r.text()).toContain('That file name cannot be used');
      expect(await stored()).toEqual(before);
    } finally {
      await ctx.dispose();
    }
  });
}

/**
 * Refusals decided after the file itself passed its checks, by the evidence it came with: the blob is
 * stored only with the evidence, so none is left behind with nothing pointing at it.
 */
async function postFile(email: string, fields: { id: string; claims: string }): Promise<{ status: number; text: string }> {
  const ctx = await client(server.base);
  try {
    await signInAs(ctx, server.base, email);
    const r = await ctx.post('/learn/portfolio/add?kind=file', {
      headers: { origin: server.base },
      multipart: { ...fields, title: 'A document', declaredOwnWork: 'yes', file: { name: 'letter.pdf', mimeType: 'application/pdf', buffer: PDF } },
      maxRedirects: 0,
    });
    return { status: r.status(), text: await r.text() };
  } finally {
    await ctx.dispose();
  }
}

test('refused after the file passed: a claim that is no criterion, with a message, and no blob left behind', async () => {
  const before = await stored();
  const r = await postFile('learner@demo.goodwill.test', { id: crypto.randomUUID(), claims: 'P99' });
  expect(r.status).toBe(400);
  expect(r.text).toContain('Tick at least one criterion this evidence shows.');
  expect(await stored()).toEqual(before);
});

test('refused after the file passed: a form id another learner’s evidence already has, and no blob left behind', async () => {
  const id = crypto.randomUUID();
  expect((await postFile('learner2@demo.goodwill.test', { id, claims: 'P7' })).status).toBe(303);
  const before = await stored();
  const r = await postFile('learner@demo.goodwill.test', { id, claims: 'P7' });
  expect(r.status).toBe(400);
  expect(r.text).toContain('That form has expired; reload the page.');
  expect(await stored()).toEqual(before);
});

test('the same form posted twice (a double click) stores one file and one item', async () => {
  const before = await stored();
  const id = crypto.randomUUID();
  expect((await postFile('learner@demo.goodwill.test', { id, claims: 'P7' })).status).toBe(303);
  expect((await postFile('learner@demo.goodwill.test', { id, claims: 'P7' })).status).toBe(303);
  expect(await stored()).toEqual({ uploads: before.uploads + 1, evidence: before.evidence + 1 });
});

test('refused: a PNG named .exe (the extension must match what the file is)', async () => {
  // ASVS 5.0 V5.2.2: the extension must match the content (checkUpload compares them).
  const before = await stored();
  const { page, status } = await upload({ name: 'photo.exe', mimeType: 'application/octet-stream', buffer: PNG });
  expect(status).toBe(400);
  await expect(page.locator('#file-error')).toBeVisible();
  expect(await stored()).toEqual(before);
  await page.close();
});

test('a real PDF is taken, and downloaded only as an attachment, with nosniff, by those who may see it', async ({ browser }) => {
  const before = await stored();
  const { page, status } = await upload({ name: 'thank-you letter.pdf', mimeType: 'application/pdf', buffer: PDF }, 'Thank-you letter');
  expect(status).toBe(303);
  await expect(page).toHaveURL(/\/learn\/portfolio\/evidence\/[^/?]+\?submitted=1$/);
  expect(await stored()).toEqual({ uploads: before.uploads + 1, evidence: before.evidence + 1 });
  const href = await page.getByRole('link', { name: /^Download thank-you letter\.pdf/ }).getAttribute('href');
  expect(href).toMatch(/^\/files\/[0-9a-f-]{36}$/);

  // In the browser, following the link downloads the file; it never opens as a page.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /^Download thank-you letter\.pdf/ }).click()]);
  expect(download.suggestedFilename()).toBe('thank-you letter.pdf');
  await page.close();

  const allowed = ['learner@demo.goodwill.test', 'assessor@demo.goodwill.test', 'manager@demo.goodwill.test', 'admin@demo.goodwill.test'];
  const refused = ['manager@quayside.goodwill.test', 'learner@quayside.goodwill.test', 'learner2@demo.goodwill.test', 'assessor2@demo.goodwill.test'];
  for (const email of [...allowed, ...refused]) {
    const ctx = await client(server.base);
    try {
      await signInAs(ctx, server.base, email);
      const r = await ctx.get(href!);
      if (allowed.includes(email)) {
        expect(r.status(), email).toBe(200);
        const h = r.headers();
        expect(h['content-disposition'], email).toMatch(/^attachment;/);
        expect(h['x-content-type-options']).toBe('nosniff');
        expect(h['content-type']).toBe('application/pdf');
        expect(h['cache-control']).toContain('no-store');
        expect(Buffer.compare(await r.body(), PDF)).toBe(0);
      } else {
        expect(r.status(), email).toBe(404);
        expect(await r.text()).not.toContain('%PDF');
      }
    } finally {
      await ctx.dispose();
    }
  }
  const anonymous = await client(server.base);
  const r = await anonymous.get(href!);
  expect(r.status()).toBe(303);
  expect(r.headers().location).toMatch(/^\/login\?next=/);
  await anonymous.dispose();
  void browser;
});

test('the stored name is only a label: a PNG is served as image/png whatever it was called', async () => {
  const { page, status } = await upload({ name: 'scan.png', mimeType: 'image/png', buffer: PNG }, 'Scan');
  expect(status).toBe(303);
  const href = await page.getByRole('link', { name: /^Download scan\.png/ }).getAttribute('href');
  const r = await priya.request.get(href!);
  expect(r.headers()['content-type']).toBe('image/png');
  expect(r.headers()['content-disposition']).toMatch(/^attachment;/);
  await page.close();
});
