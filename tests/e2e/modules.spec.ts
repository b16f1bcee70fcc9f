import { expect, test, type Page } from '@playwright/test';
import { demo, expectAxeClean, holdIslandScript, hydrated, signIn } from './support/helpers';
import { rightAnswers } from './support/content';

/** Ticks the right answers for every question on the attempt page, by reading which questions were drawn. */
async function answerCorrectly(page: Page, criterion: string) {
  const answers = rightAnswers(criterion);
  const names = await page.locator('fieldset.question input').evaluateAll((els) => [...new Set(els.map((e) => (e as HTMLInputElement).name))]);
  expect(names).toHaveLength(5);
  for (const name of names) {
    const qid = name.slice(2);
    for (const option of answers.get(qid) ?? []) await page.locator(`input[name="${name}"][value="${option}"]`).check();
  }
}

test('a learner reads a module, marks it read and passes its check with JavaScript; the map changes', async ({ page }) => {
  await signIn(page, demo.learner2);
  await page.goto('/learn');
  await expect(page.locator('[data-criterion="K6"]')).toHaveAttribute('data-stage', 'not-started');
  await page.goto('/learn/modules/K6');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Contents' })).toBeVisible();
  expect(await page.locator('script[src], script[type="module"]').count()).toBe(0);
  await expectAxeClean(page);
  await page.getByRole('button', { name: 'Mark as read' }).click();
  await expect(page.getByText('You have marked this module as read.')).toBeVisible();

  await page.getByRole('link', { name: 'Take the knowledge check' }).click();
  await page.getByRole('button', { name: 'Start the check' }).click();
  await expect(page.locator('astro-island')).toHaveCount(1);
  await page.waitForFunction(() => !document.querySelector('astro-island[ssr]'));
  await expectAxeClean(page);
  await answerCorrectly(page, 'K6');
  await page.getByRole('button', { name: 'Submit answers' }).click();
  await expect(page.getByRole('status')).toContainText('You scored 100 %: passed');
  await expect(page.locator('.explanation').first()).toBeVisible();
  await expectAxeClean(page);

  await page.goto('/learn');
  await expect(page.locator('[data-criterion="K6"]')).toHaveAttribute('data-stage', 'checked');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the check works as a plain form, tells of unanswered questions, and records a pass', async ({ page }) => {
    await signIn(page, demo.learner2);
    await page.goto('/learn/modules/K7/check');
    await page.getByRole('button', { name: /Start the check|Carry on/ }).click();
    await page.getByRole('button', { name: 'Submit answers' }).click();
    await expect(page.getByText('Answer this question before you submit.').first()).toBeVisible();
    await answerCorrectly(page, 'K7');
    await page.getByRole('button', { name: 'Submit answers' }).click();
    await expect(page.getByRole('status')).toContainText('passed');
    // axe runs as script in the page, so it is run on the same pages in the test with JavaScript.
    await page.goto('/learn');
    await expect(page.locator('[data-criterion="K7"]')).toHaveAttribute('data-stage', 'checked');
  });
});

test('a tampered check submission gets 400 and stores nothing; an unknown criterion is 404', async ({ page }) => {
  await signIn(page, demo.learner2);
  await page.goto('/learn/modules/K8/check');
  await page.getByRole('button', { name: /Start the check|Carry on/ }).click();
  const attemptUrl = page.url();
  const response = await page.request.post(attemptUrl, { form: { 'q-not-a-question': 'a' }, headers: { origin: new URL(attemptUrl).origin } });
  expect(response.status()).toBe(400);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Submit answers' })).toBeVisible();
  const missing = await page.goto('/learn/modules/P10');
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole('link', { name: 'Back to your home page' })).toBeVisible();
});

test('figures typed into the calculator before it has loaded are worked out once it has', async ({ page }) => {
  await signIn(page, demo.learner);
  const release = await holdIslandScript(page, 'Calculator');
  await page.goto('/learn/calculator');
  await expect(page.locator('astro-island[ssr]')).toHaveCount(1);
  // The page opens at £200 list price and £120 cost; a quarter off leaves 200 × 0.75 − 120 = £30.
  const discount = page.getByRole('textbox', { name: 'Discount (%)' });
  await discount.fill('25');
  release();
  await hydrated(page);
  await expect(discount).toHaveValue('25');
  await expect(page.getByRole('row', { name: /Profit on this sale/ }).getByRole('cell').nth(1)).toHaveText('£30.00');
  // The calculator's own handler ran: it keeps the figures in the address for sharing.
  await expect(page).toHaveURL(/[?&]discount=25\b/);
});
