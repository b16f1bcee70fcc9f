import { expect, test } from '@playwright/test';
import { demo, expectAxeClean, signIn } from './support/helpers';

test.describe('signing in and the role homes', () => {
  test('the front page and sign-in page are accessible', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: 'Goodwill' })).toBeVisible();
    await expectAxeClean(page);
    await page.goto('/login');
    await expectAxeClean(page);
  });

  test('the demo learner signs in, sees all 17 criteria, and signs out', async ({ page }) => {
    await signIn(page, demo.learner);
    await expect(page).toHaveURL(/\/learn$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Your learning' })).toBeVisible();
    const cards = page.locator('[data-criterion]');
    await expect(cards).toHaveCount(17);
    for (const id of ['P1', 'P5', 'P9', 'K1', 'K8']) await expect(page.locator(`[data-criterion="${id}"]`)).toContainText(id);
    // The seeded learner has read P1, so its state is not "not started".
    await expect(page.locator('[data-criterion="P1"]')).toHaveAttribute('data-stage', 'read');
    await expect(page.getByRole('heading', { name: 'Your next step' })).toBeVisible();
    await expectAxeClean(page);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/login$/);
    await page.goto('/learn');
    await expect(page).toHaveURL(/\/login\?next=%2Flearn/);
  });

  const homes = [
    ['assessor', demo.assessor, /\/assess$/, 'Your learners'],
    ['manager', demo.manager, /\/manage$/, 'Managing your shop'],
    ['admin', demo.admin, /\/admin$/, 'Administration'],
  ] as const;
  for (const [role, email, url, heading] of homes) {
    test(`the ${role} lands on their home, which is accessible`, async ({ page }) => {
      await signIn(page, email);
      await expect(page).toHaveURL(url);
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
      await expectAxeClean(page);
    });
  }

  test('a wrong password and an unknown email get the same message and status 400', async ({ page }) => {
    const messages: string[] = [];
    const attempts: [string, string][] = [
      [demo.learner2, 'wrong-password-here'],
      ['nobody-here@demo.goodwill.test', 'wrong-password-here'],
    ];
    for (const [email, password] of attempts) {
      await page.goto('/login');
      await page.getByLabel('Email address').fill(email);
      await page.getByLabel('Password').fill(password);
      const [response] = await Promise.all([page.waitForResponse((r) => r.url().includes('/login') && r.request().method() === 'POST'), page.getByRole('button', { name: 'Sign in' }).click()]);
      expect(response.status()).toBe(400);
      messages.push(await page.getByRole('alert').innerText());
    }
    expect(messages[0]).toBe(messages[1]);
    await expectAxeClean(page);
  });

  test('an empty sign-in form re-renders with field messages', async ({ page }) => {
    await page.goto('/login');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByText('Enter your email address.').first()).toBeVisible();
    await expect(page.getByLabel('Email address')).toHaveAttribute('aria-invalid', 'true');
  });
});

test.describe('permissions in the browser', () => {
  test('a learner gets 403 in the assessor, manager and admin areas', async ({ page }) => {
    await signIn(page, demo.learner);
    for (const path of ['/assess', '/manage', '/admin']) {
      const response = await page.goto(path);
      expect(response?.status()).toBe(403);
      await expect(page.getByRole('heading', { name: 'This page is not for your role' })).toBeVisible();
    }
    await expectAxeClean(page);
  });

  test("an assessor sees an assigned learner's map but not another assessor's learner", async ({ page }) => {
    await signIn(page, demo.assessor);
    await page.getByRole('link', { name: 'Priya Shah' }).click();
    await expect(page.locator('.progress-map [data-criterion]')).toHaveCount(17);
    await expectAxeClean(page);
    const other = await page.goto('/assess/learners/user-quayside-learner');
    expect(other?.status()).toBe(404);
  });

  test('sign-out is POST only: a GET to /logout leaves the session alone', async ({ page }) => {
    await signIn(page, demo.learner2);
    const response = await page.request.get('/logout', { maxRedirects: 0 });
    expect(response.status()).toBeGreaterThanOrEqual(400);
    await page.goto('/learn');
    await expect(page).toHaveURL(/\/learn$/);
  });

  test('a cross-site form post is refused', async ({ request }) => {
    const response = await request.post('/login', { form: { email: demo.learner, password: 'x' }, headers: { origin: 'https://evil.example' }, maxRedirects: 0 });
    expect(response.status()).toBe(403);
  });

  test('security headers are on pages and static files alike', async ({ request }) => {
    for (const path of ['/login', '/favicon.svg']) {
      const response = await request.get(path);
      const headers = response.headers();
      expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['referrer-policy']).toBe('same-origin');
    }
    const csp = (await request.get('/login')).headers()['content-security-policy'] ?? '';
    expect(csp).toMatch(/script-src [^;]*'sha256-/);
    expect(csp).not.toContain("'unsafe-inline'");
  });

  test('the session cookie is HttpOnly and SameSite=Lax', async ({ page, context }) => {
    await signIn(page, demo.learner2);
    const cookie = (await context.cookies()).find((c) => c.name === 'session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
  });

  test('health answers for load balancers', async ({ request }) => {
    const response = await request.get('/api/health');
    expect(response.status()).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok' });
  });
});

test.describe('keyboard and small screens', () => {
  test('sign in with the keyboard alone, then reach the main content by the skip link', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto('/login');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
    await page.getByLabel('Email address').focus();
    await page.keyboard.type(demo.learner);
    await page.keyboard.press('Tab');
    await page.keyboard.type('goodwill-demo-2026');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/learn$/);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAxeClean(page);
  });
});

test.describe('staff and accounts', () => {
  test('a manager invites a member of staff, who joins once; the link cannot be reused', async ({ page, browser }) => {
    await signIn(page, demo.manager);
    await page.goto('/manage/staff');
    await expect(page.getByRole('heading', { level: 1, name: "Your shop's staff" })).toBeVisible();
    const email = `new-starter-${Date.now()}@example.test`;
    await page.getByLabel('Their name').fill('New Starter');
    await page.getByLabel('Their email address').fill(email);
    await page.getByRole('button', { name: 'Create invitation' }).click();
    const link = (await page.locator('.invite-link').innerText()).trim();
    expect(link).toMatch(/\/invite\/[a-z2-7]{32}$/);
    await expectAxeClean(page);

    const guest = await browser.newContext();
    const newcomer = await guest.newPage();
    await newcomer.goto(link);
    await expect(newcomer.getByRole('heading', { level: 1 })).toContainText('Harbour Street Home & Garden');
    await expectAxeClean(newcomer);
    await newcomer.getByLabel('Choose a password').fill('short');
    await newcomer.getByLabel('Type it again').fill('short');
    await newcomer.getByRole('button', { name: 'Create my account' }).click();
    await expect(newcomer.getByText('Use at least 12 characters.').first()).toBeVisible();
    await newcomer.getByLabel('Choose a password').fill('a sensible long password');
    await newcomer.getByLabel('Type it again').fill('a sensible long password');
    await newcomer.getByRole('button', { name: 'Create my account' }).click();
    await expect(newcomer).toHaveURL(/\/learn$/);
    await guest.close();

    const again = await browser.newContext();
    const second = await again.newPage();
    const response = await second.goto(link);
    expect(response?.status()).toBe(410);
    await expect(second.getByText('already been used')).toBeVisible();
    await again.close();

    await page.reload();
    await expect(page.getByRole('cell', { name: email }).first()).toBeVisible();
  });

  test('an admin adds a shop and an assessor, with field errors first', async ({ page }) => {
    await signIn(page, demo.admin);
    await page.getByRole('button', { name: 'Add shop' }).click();
    await expect(page.getByText('Enter a name.').first()).toBeVisible();
    const shop = `Corner Grocer ${Date.now()}`;
    await page.getByLabel('Shop name').fill(shop);
    await page.getByRole('button', { name: 'Add shop' }).click();
    await expect(page.getByRole('status')).toContainText(shop);
    await expect(page.getByRole('cell', { name: shop })).toBeVisible();
    await expectAxeClean(page);
  });

  test('an admin finds people by name and assigns a learner by email, with field errors first', async ({ page }) => {
    await signIn(page, demo.admin);
    await page.getByLabel('Name or email').fill('priya');
    await page.getByRole('button', { name: 'Find' }).click();
    await expect(page).toHaveURL(/[?&]q=priya/);
    await expect(page.getByText('1 person.')).toBeVisible();
    await expect(page.getByRole('cell', { name: 'Priya Shah', exact: true })).toBeVisible();
    await expect(page.getByRole('cell', { name: 'Tom Ellis', exact: true })).toHaveCount(0);

    await page.getByLabel('Assessor', { exact: true }).selectOption({ label: 'Grace Okafor' });
    const email = page.getByLabel("Learner's email address");
    for (const notALearner of ['nobody@demo.goodwill.test', 'assessor2@demo.goodwill.test']) {
      await email.fill(notALearner);
      await page.getByRole('button', { name: 'Assign', exact: true }).click();
      await expect(page.getByText('No learner has that email address.').first()).toBeVisible();
      await expect(page.getByLabel("Learner's email address")).toHaveAttribute('aria-invalid', 'true');
    }
    // Priya is the demo assessor's learner already: the page says so and assigns nothing twice.
    await page.getByLabel("Learner's email address").fill('learner@demo.goodwill.test');
    await page.getByRole('button', { name: 'Assign', exact: true }).click();
    await expect(page.getByRole('status')).toContainText('Priya Shah was already assigned to that assessor.');
    await expectAxeClean(page);
  });

  test('an admin disables and enables someone found by a search, and stays on that search', async ({ page }) => {
    await signIn(page, demo.admin);
    const name = `Temporary Assessor ${Date.now()}`;
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByLabel('Email address', { exact: true }).fill(`temp-${Date.now()}@example.test`);
    await page.getByLabel('Initial password').fill('a long and unusual passphrase');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByRole('status')).toContainText(name);

    await page.getByLabel('Name or email').fill(name);
    await page.getByRole('button', { name: 'Find' }).click();
    await expect(page.getByText('1 person.')).toBeVisible();
    await page.getByRole('button', { name: `Disable ${name}` }).click();
    await expect(page.getByRole('status')).toContainText('Account disabled');
    await expect(page).toHaveURL(/[?&]q=Temporary/);
    await expect(page.getByText('1 person.')).toBeVisible();
    await page.getByRole('button', { name: `Enable ${name}` }).click();
    await expect(page.getByRole('status')).toContainText('Account enabled');
    await expect(page.getByRole('button', { name: `Disable ${name}` })).toBeVisible();
  });

  test('sign out everywhere ends the other device too', async ({ browser }) => {
    // The second assessor: no other spec on this shared server signs in as them, so ending all their
    // sessions cannot sign another test out half-way (it once did, with the shared second learner).
    const a = await browser.newContext();
    const b = await browser.newContext();
    const pa = await a.newPage();
    const pb = await b.newPage();
    await signIn(pa, demo.assessor2);
    await signIn(pb, demo.assessor2);
    await pa.goto('/account');
    await expectAxeClean(pa);
    await pa.getByRole('button', { name: 'Sign out everywhere' }).click();
    await pb.goto('/assess');
    await expect(pb).toHaveURL(/\/login/);
    await a.close();
    await b.close();
  });
});
