import { expect, test, type Page } from '@playwright/test';
import { criterionIds } from '../../src/lib/domain/criteria';
import { demo, expectAxeClean, hydrated, signIn } from './support/helpers';

async function writeReflection(page: Page, title: string, criteria: string[]) {
  await page.goto('/learn/reflections/new');
  await page.getByLabel('Title').fill(title);
  for (const c of criteria) await page.getByLabel(new RegExp(`^${c} `)).check();
  await page.getByRole('button', { name: 'Start writing' }).click();
  await hydrated(page);
  await page.getByLabel('Situation', { exact: true }).fill('On Saturday a regular customer, Mrs Hughes, asked me to match a rival garden centre’s price of £45 for a patio heater we sell at £55.');
  await page.getByLabel('Task', { exact: true }).fill('I had to keep her business without giving away margin we could not afford, because our policy only matches verified local prices.');
  await page.getByLabel('Action', { exact: true }).fill('I asked her what she needed the heater for and whether she had seen the rival’s offer herself. I checked their website, which showed £52, and explained our policy. I offered free assembly instead, which costs us about £5.');
  await page.getByLabel('Result', { exact: true }).fill('She bought the heater at £55 with free assembly and came back the next week for cushions worth £60. Her feedback card scored us 9 out of 10.');
  await expect(page.getByText(/Saved at|All changes saved/)).toBeVisible({ timeout: 10_000 });
}

test('a learner submits evidence, the assessor decides, the learner resubmits and the assessor accepts', async ({ browser }) => {
  test.setTimeout(240_000);
  const learnerCtx = await browser.newContext();
  const learner = await learnerCtx.newPage();
  await signIn(learner, demo.learner2);
  const title = `Patio heater price match ${Date.now()}`;
  await writeReflection(learner, title, ['P3', 'P4']);

  await learner.goto('/learn/portfolio');
  await expectAxeClean(learner);
  await learner.getByRole('link', { name: `Submit reflection “${title}”` }).click();
  await expectAxeClean(learner);
  await learner.getByRole('button', { name: 'Submit to my assessor' }).click();
  await expect(learner.getByText('Confirm the declaration before you submit.').first()).toBeVisible();
  await learner.getByLabel(/I declare that this is my own work/).check();
  await learner.getByRole('button', { name: 'Submit to my assessor' }).click();
  await expect(learner.getByRole('status')).toContainText('Submitted');
  const evidenceUrl = learner.url();

  const assessorCtx = await browser.newContext();
  const assessor = await assessorCtx.newPage();
  await signIn(assessor, demo.assessor);
  await expectAxeClean(assessor);
  await assessor.getByRole('link', { name: title }).click();
  await expect(assessor.getByRole('heading', { name: 'Platform advice on this reflection' })).toBeVisible();
  await expectAxeClean(assessor);
  const p3 = assessor.locator('form.decision', { has: assessor.getByRole('heading', { name: /^P3:/ }) });
  await p3.getByLabel('Met', { exact: true }).check();
  await p3.getByLabel('Feedback for the learner').fill('You asked before offering and checked the claim: well done.');
  await p3.getByRole('button', { name: 'Record decision on P3' }).click();
  const p4 = assessor.locator('form.decision', { has: assessor.getByRole('heading', { name: /^P4:/ }) });
  await p4.getByLabel('Not yet met').check();
  await p4.getByLabel('Feedback for the learner').fill('Say how you explained the refusal and why the alternative suited her.');
  await p4.getByRole('button', { name: 'Record decision on P4' }).click();
  await expect(assessor.getByRole('status')).toContainText('Every claimed criterion is decided');

  await learner.goto('/notifications');
  await expect(learner.getByRole('link', { name: /P4 on “Patio heater/ }).first()).toBeVisible();
  await expectAxeClean(learner);
  await learner.goto(evidenceUrl);
  await learner.getByLabel(/I declare that this is my own work/).check();
  await learner.getByRole('button', { name: 'Resubmit as version 2' }).click();
  await expect(learner.getByRole('status')).toContainText('Resubmitted');

  await assessor.goto('/assess');
  await assessor.getByRole('link', { name: title }).click();
  const p4again = assessor.locator('form.decision', { has: assessor.getByRole('heading', { name: /^P4:/ }) });
  await p4again.getByLabel('Met', { exact: true }).check();
  await p4again.getByLabel('Feedback for the learner').fill('Now clear: the free assembly alternative and why.');
  await p4again.getByRole('button', { name: 'Record decision on P4' }).click();

  await learner.goto(evidenceUrl);
  const decisions = learner.locator('.decision-list li');
  await expect(decisions).toHaveCount(3);
  // Newest version first; within a version, decisions in the order made.
  await expect(learner.locator('[data-version="2"] [data-criterion="P4"]')).toHaveAttribute('data-outcome', 'met');
  await expect(learner.locator('[data-version="1"] [data-criterion="P3"]')).toHaveAttribute('data-outcome', 'met');
  await expect(learner.locator('[data-version="1"] [data-criterion="P4"]')).toHaveAttribute('data-outcome', 'not-yet');
  await expectAxeClean(learner);
  await learnerCtx.close();
  await assessorCtx.close();
});

test('after all 17 criteria are met the unit is signed off and the portfolio locked', async ({ page, browser }) => {
  test.setTimeout(240_000);
  await signIn(page, demo.assessor);
  await page.goto('/assess/learners/user-learner3');
  await page.getByLabel('Title').fill('A full day observed on the shop floor');
  await page.getByLabel('What you observed').fill('Across a busy Saturday I watched every part of the unit in practice, from the approach to reviewing the register.');
  for (const c of criterionIds) await page.getByLabel(new RegExp(`^${c} `)).check();
  await page.getByLabel(/true account of what I observed/).check();
  await page.getByRole('button', { name: 'Add observation' }).click();
  for (const c of criterionIds) {
    const form = page.locator('form.decision', { has: page.getByRole('heading', { name: new RegExp(`^${c}:`) }) });
    await form.getByLabel('Met', { exact: true }).check();
    await form.getByLabel('Feedback for the learner').fill(`Seen clearly on the day for ${c}.`);
    await form.getByRole('button', { name: `Record decision on ${c}` }).click();
  }
  await page.goto('/assess/learners/user-learner3');
  await expectAxeClean(page);
  await page.getByLabel(/I confirm that I have assessed/).check();
  await page.getByRole('button', { name: 'Sign off SSR.D002' }).click();
  await expect(page.getByRole('status')).toContainText('signed off');

  const learnerContext = await browser.newContext();
  const learnerPage = await learnerContext.newPage();
  await signIn(learnerPage, demo.learner3);
  await learnerPage.goto('/learn/portfolio');
  await expect(learnerPage.getByRole('status')).toContainText('locked');
  await expect(learnerPage.getByRole('heading', { name: 'Add evidence' })).toHaveCount(0);
  await expectAxeClean(learnerPage);
  await learnerContext.close();
});
