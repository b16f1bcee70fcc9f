import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'goodwill-demo-2026';
export const demo = {
  learner: 'learner@demo.goodwill.test',
  learner2: 'learner2@demo.goodwill.test',
  /** Not a published demo sign-in: a learner for tests that lock a portfolio. */
  learner3: 'learner3@demo.goodwill.test',
  assessor: 'assessor@demo.goodwill.test',
  /** Not a published demo sign-in: used only where ending all of a person's sessions must not disturb another test. */
  assessor2: 'assessor2@demo.goodwill.test',
  manager: 'manager@demo.goodwill.test',
  admin: 'admin@demo.goodwill.test',
} as const;

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

/** WCAG 2.2 AA as axe checks it: no violation of any kind on the page as it stands. */
export async function expectAxeClean(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** Waits until every island on the page has hydrated, so typing reaches the component, not bare HTML. */
export async function hydrated(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('astro-island[ssr]'));
}

/**
 * Holds back an island's script (`/_astro/<Component>.*.js`), as a slow phone would, until the returned
 * function is called: the page is then server-rendered HTML a person can already use.
 */
export async function holdIslandScript(page: Page, component: string): Promise<() => void> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(`**/_astro/${component}.*.js`, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}
