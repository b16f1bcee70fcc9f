import { expect, test } from '@playwright/test';
import { demo, expectAxeClean, holdIslandScript, hydrated, signIn } from './support/helpers';
import { answerTactics, askGoodQuestions, scenarioFile } from './support/scenarios';

test.describe.configure({ timeout: 90_000 });

test('a learner negotiates the patio set to a deal by trading delivery, and reads the debrief', async ({ page }) => {
  const s = scenarioFile('garden-centre-patio-set');
  await signIn(page, demo.learner);
  await page.goto('/learn/scenarios');
  await expectAxeClean(page);
  await page.getByRole('link', { name: /patio set/ }).click();
  await expectAxeClean(page);
  await page.getByRole('button', { name: 'Start the conversation' }).click();
  await hydrated(page);
  await expect(page.getByRole('log', { name: 'Conversation' })).toBeVisible();
  await expectAxeClean(page);
  await askGoodQuestions(page, s);

  // A reload resumes where the conversation stands.
  const said = await page.locator('.transcript li').count();
  await page.reload();
  await hydrated(page);
  await expect(page.locator('.transcript li')).toHaveCount(said);

  await page.getByText('Make an offer').click();
  const delivery = s.concessions.find((c) => c.id === 'delivery-assembly')!;
  await page.getByLabel(new RegExp(delivery.label.slice(0, 30))).check();
  await expect(page.locator('.live')).toContainText('This offer costs the shop £');
  await page.getByLabel('What you ask in return').selectOption('thursday-van');
  await page.getByRole('button', { name: 'Offer it as a trade' }).click();
  await answerTactics(page, s);
  for (let i = 0; i < 3 && (await page.getByRole('heading', { name: 'Debrief' }).count()) === 0; i++) {
    await page.getByLabel('Record what was agreed in the register').check();
    await page.getByLabel('Invite feedback or arrange a follow-up').check();
    await page.getByRole('button', { name: 'Close and summarise the deal' }).click();
    await answerTactics(page, s);
  }
  const debrief = page.locator('.debrief');
  await expect(debrief).toHaveAttribute('data-outcome', 'deal');
  await expect(debrief).toContainText('Profit kept');
  await expect(debrief).toContainText('Against the marking points');
  await expectAxeClean(page);
  await expect(page.getByRole('link', { name: 'Reflect on this negotiation' })).toBeVisible();
});

test('a learner declines the veg-box request kindly with an alternative', async ({ page }) => {
  const s = scenarioFile('grocer-veg-box-complaint');
  await signIn(page, demo.learner);
  await page.goto('/learn/scenarios/grocer-veg-box-complaint');
  await page.getByRole('button', { name: 'Start the conversation' }).click();
  await hydrated(page);
  await askGoodQuestions(page, s);
  await page.getByText('Say no, kindly, with alternatives').click();
  const alternative = s.alternatives.find((a) => a.id === 'tuesday-evening')!;
  await page.getByLabel(alternative.text.replace(/\s+/g, ' ').trim().slice(0, 40)).check();
  await page.getByLabel('Record what was agreed in the register').check();
  await page.getByLabel('Invite feedback or arrange a follow-up').check();
  await page.getByRole('button', { name: 'Decline with these alternatives' }).click();
  await answerTactics(page, s);
  await expect(page.locator('.debrief')).toHaveAttribute('data-outcome', 'declined-positively');
  await expectAxeClean(page);
});

test('boxes ticked before the player has loaded stay ticked and count', async ({ page }) => {
  const s = scenarioFile('grocer-veg-box-complaint');
  const alternative = page.getByLabel(s.alternatives.find((a) => a.id === 'tuesday-evening')!.text.replace(/\s+/g, ' ').trim().slice(0, 40));
  const ticks = [alternative, page.getByLabel('Record what was agreed in the register'), page.getByLabel('Invite feedback or arrange a follow-up')];
  await signIn(page, demo.learner);
  await page.goto('/learn/scenarios/grocer-veg-box-complaint');
  await page.getByRole('button', { name: 'Start the conversation' }).click();
  await hydrated(page);
  await askGoodQuestions(page, s);
  // The page is opened again with the player's script held back, as on a slow phone, while the learner
  // works on what the server sent.
  const release = await holdIslandScript(page, 'Player');
  await page.reload();
  await expect(page.locator('astro-island[ssr]')).toHaveCount(1);
  await page.getByText('Say no, kindly, with alternatives').click();
  for (const box of ticks) await box.check();
  await expect(page.getByRole('button', { name: 'Decline with no alternative' })).toBeVisible();

  release();
  await hydrated(page);
  // The ticks survive hydration and the player took them into its state: its button names the
  // alternative, and the decline it sends carries all three, as the same moves made after loading do.
  for (const box of ticks) await expect(box).toBeChecked();
  await page.getByRole('button', { name: 'Decline with these alternatives' }).click();
  await answerTactics(page, s);
  await expect(page.locator('.debrief')).toHaveAttribute('data-outcome', 'declined-positively');
});

test('a forged move is refused with 400 and changes nothing', async ({ page }) => {
  await signIn(page, demo.learner);
  await page.goto('/learn/scenarios/furniture-dining-set');
  await page.getByRole('button', { name: 'Start the conversation' }).click();
  await hydrated(page);
  const id = page.url().split('/').pop()!;
  const origin = new URL(page.url()).origin;
  const forged = await page.request.post(`/api/scenario-attempts/${id}`, { data: { seq: 0, move: { type: 'offer', concessions: [{ id: 'free-yacht' }] } }, headers: { origin } });
  expect(forged.status()).toBe(400);
  const stale = await page.request.post(`/api/scenario-attempts/${id}`, { data: { seq: 7, move: { type: 'refer' } }, headers: { origin } });
  expect(stale.status()).toBe(409);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Your move' })).toBeVisible();
});
