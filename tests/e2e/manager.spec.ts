import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { demo, expectAxeClean, signIn } from './support/helpers';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/manager/${name}`, import.meta.url));
/** A datetime-local value in UTC, to the second, as the register's form accepts. */
const utcSeconds = (d: Date) => d.toISOString().slice(0, 19);

async function visit(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expectAxeClean(page);
}

/** The manager logs a loyalty reward they gave, on a past date (the register form, as a person fills it). */
async function logLoyaltyTerm(page: Page, customer: string, agreedAt: string): Promise<void> {
  await page.goto('/manage/register/new');
  await page.getByLabel('Customer or reference').fill(customer);
  await page.getByLabel('List price per unit (£)').fill('60');
  await page.getByLabel('Unit cost to the shop (£)').fill('35');
  await page.getByLabel('Gave loyalty reward').check();
  await page.getByLabel('Reward value to the customer (£)').fill('10');
  await page.getByLabel('Why it was given').fill('Joined the loyalty scheme at the till and was given a welcome reward.');
  await page.getByLabel('When it was agreed (UTC)').fill(agreedAt);
  await page.getByRole('button', { name: 'Log this term' }).click();
  await expect(page.getByRole('status')).toHaveText('Logged.');
}

test('a manager grants authority by override, sees a term beyond it flagged, and measures the effect of terms', async ({ browser }) => {
  test.setTimeout(180_000);
  const stamp = Date.now();
  const learnerName = `Sam Rivera ${stamp}`;
  const customer = `W-${stamp}`;
  // A term is checked against the grant in force when it was agreed, so the learner's term comes after this.
  let grantedAt = 0;
  const managerContext = await browser.newContext();
  const m = await managerContext.newPage();
  await signIn(m, demo.manager);
  await expect(m.getByRole('heading', { level: 1, name: 'Managing your shop' })).toBeVisible();
  await expectAxeClean(m);

  await test.step('a new learner joins the shop', async () => {
    await visit(m, '/manage/staff');
    await m.getByLabel('Their name').fill(learnerName);
    await m.getByLabel('Their email address').fill(`sam-${stamp}@example.test`);
    await m.getByRole('button', { name: 'Create invitation' }).click();
    const link = (await m.locator('.invite-link').innerText()).trim();
    const l = await (await browser.newContext()).newPage();
    await l.goto(link);
    await l.getByLabel('Choose a password').fill('a sensible long password');
    await l.getByLabel('Type it again').fill('a sensible long password');
    await l.getByRole('button', { name: 'Create my account' }).click();
    await expect(l).toHaveURL(/\/learn$/);
    await l.context().close();
  });

  await test.step('granting a level whose criteria are not met is refused, then recorded as an override', async () => {
    await visit(m, '/manage/competence');
    await m.getByRole('link', { name: learnerName }).click();
    await expect(m.getByRole('heading', { level: 1, name: `${learnerName}'s authority` })).toBeVisible();
    await expectAxeClean(m);
    await m.getByLabel('Level to grant').selectOption({ label: 'Up to 5 % or £25' });
    const [refused] = await Promise.all([m.waitForResponse((r) => r.request().method() === 'POST'), m.getByRole('button', { name: 'Grant level' }).click()]);
    expect(refused.status()).toBe(400);
    await expect(m.getByRole('alert')).toContainText('Not granted');
    await expect(m.getByRole('alert')).toContainText('K3');
    await expectAxeClean(m);
    await m.getByLabel('Level to grant').selectOption({ label: 'Up to 5 % or £25' });
    await m.getByLabel('Reason for overriding the criteria').fill('Ran the garden centre tills for a month without a single query; assessment of K3, K4 and P6 is booked.');
    await m.getByRole('button', { name: 'Grant level' }).click();
    await expect(m.getByRole('status')).toContainText('override');
    await expect(m.getByText(`Waiting for ${learnerName} to acknowledge these limits.`)).toBeVisible();
    grantedAt = Date.now();
    await expectAxeClean(m);
    // The home names them among those yet to confirm their limits, with the level they now hold.
    await visit(m, '/manage');
    const waiting = m.locator('section', { has: m.getByRole('heading', { name: 'Waiting for acknowledgement' }) });
    await expect(waiting.getByRole('listitem').filter({ hasText: learnerName })).toContainText(`${learnerName} has not yet confirmed the limits of “Up to 5 % or £25”, given`);
  });

  const learnerContext = await browser.newContext();
  const l = await learnerContext.newPage();
  await test.step('the learner reads their authority and acknowledges it', async () => {
    await signIn(l, `sam-${stamp}@example.test`, 'a sensible long password');
    await visit(l, '/learn/authority');
    await expect(l.getByText('At “Up to 5 % or £25” you may agree discount and free delivery')).toBeVisible();
    await l.getByRole('button', { name: 'I understand my limits' }).click();
    await expect(l.getByRole('status')).toContainText('confirmed your limits');
    await expect(l.getByRole('button', { name: 'I understand my limits' })).toHaveCount(0);
    await expectAxeClean(l);
  });

  await test.step('the learner logs a term beyond their level', async () => {
    await visit(l, '/learn/register/new');
    await l.getByLabel('Customer or reference').fill(customer);
    await l.getByLabel('List price per unit (£)').fill('200');
    await l.getByLabel('Unit cost to the shop (£)').fill('120');
    await l.getByLabel('Gave free delivery').check();
    await l.getByLabel('What the delivery costs the shop (£)').fill('40');
    await l.getByLabel('Why it was given').fill('Customer lives out of our delivery area and would otherwise have bought online.');
    await l.getByLabel('When it was agreed (UTC)').fill(utcSeconds(new Date(grantedAt + 1_000)));
    await l.getByRole('button', { name: 'Log this term' }).click();
    await expect(l.getByRole('status')).toContainText('outside your authority: cost £40.00 is over your £25 limit');
    await expectAxeClean(l);
  });

  await test.step('the manager sees it flagged, with its time to report', async () => {
    await visit(m, '/manage/register');
    const row = m.locator('tr', { hasText: customer });
    await expect(row).toContainText('Outside authority');
    await expect(row).toContainText('cost £40.00 is over your £25 limit');
    // Logged within seconds of agreeing it.
    await expect(row).toContainText('under a minute');
    await expect(m.getByRole('link', { name: new RegExp(`${learnerName} logged a special term for ${customer}`) })).toBeVisible();
    await expect(m.locator('[data-figure="median"]')).not.toBeEmpty();
  });

  await test.step('the manager imports sales and satisfaction', async () => {
    await visit(m, '/manage/effects/data');
    await m.getByLabel('Sales file (CSV)').setInputFiles(fixture('sales.csv'));
    await m.getByRole('button', { name: 'Import sales' }).click();
    await expect(m.locator('[data-import-result="sales"]')).toContainText('Imported 176 rows');
    await m.getByLabel('Satisfaction file (CSV)').setInputFiles(fixture('satisfaction.csv'));
    await m.getByRole('button', { name: 'Import satisfaction' }).click();
    await expect(m.locator('[data-import-result="satisfaction"]')).toContainText('Imported 102 rows');
    await expectAxeClean(m);
  });

  await test.step('free delivery given this month is too early to judge', async () => {
    await visit(m, '/manage/effects');
    await m.getByLabel('Kind of term').selectOption({ label: 'free delivery' });
    await m.getByRole('button', { name: 'Analyse' }).click();
    await expect(m.getByText('Too early to judge.')).toBeVisible();
    await expectAxeClean(m);
  });

  await test.step('loyalty rewards given last March show a result, its interval and the promotion that overlapped', async () => {
    const promotion = `Easter garden sale ${stamp}`;
    await m.goto('/manage/effects/data');
    await m.getByLabel('Event name').fill(promotion);
    await m.getByLabel('Kind of event').selectOption('promotion');
    await m.getByLabel('First day').fill('2025-03-20');
    await m.getByLabel('Last day').fill('2025-03-27');
    await m.getByRole('button', { name: 'Add event' }).click();
    await expect(m.getByRole('cell', { name: promotion, exact: true })).toBeVisible();
    await logLoyaltyTerm(m, 'E-T1', '2025-03-10T11:00');
    await logLoyaltyTerm(m, 'E-T2', '2025-03-12T15:30');
    await expectAxeClean(m);
    await logLoyaltyTerm(m, 'E-T3', '2025-03-14T10:15');
    await m.goto('/manage/effects');
    await m.getByLabel('Kind of term').selectOption({ label: 'loyalty reward' });
    await m.getByRole('button', { name: 'Analyse' }).click();
    await expect(m.getByText('Compared 3 customers who got the term with 8 who did not')).toBeVisible();
    await expect(m.locator('table[data-metric="spend"] tfoot')).toContainText(/95 % interval -?\d+\.\d\d to -?\d+\.\d\d/);
    await expect(m.locator('.confounders')).toContainText(`${promotion} (a promotion, 2025-03-20 to 2025-03-27) overlaps the after window`);
    await expect(m.getByRole('img', { name: /Spend per customer before and after the term: loyalty reward/ })).toBeVisible();
    await expect(m.getByRole('table', { name: /numbers behind the chart/ })).toBeVisible();
    await expectAxeClean(m);
  });

  await learnerContext.close();
  await managerContext.close();
});
