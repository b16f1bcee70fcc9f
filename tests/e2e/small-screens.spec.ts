import { expect, test } from '@playwright/test';
import { demo, expectAxeClean, signIn } from './support/helpers';

/** The pages each role works in most, visited at the width of a small phone. */
const pages: Record<keyof typeof demo, string[]> = {
  learner: ['/learn', '/learn/modules', '/learn/modules/K4', '/learn/modules/P2', '/learn/calculator', '/learn/scenarios', '/learn/reflections', '/learn/portfolio', '/learn/portfolio/print', '/learn/authority', '/learn/register', '/notifications', '/account'],
  learner2: [],
  learner3: [],
  assessor2: [],
  assessor: ['/assess', '/assess/cohort', '/assess/sampling', '/assess/learners/user-learner', '/assess/evidence/demo-evidence-bench'],
  manager: ['/manage', '/manage/staff', '/manage/competence', '/manage/authority', '/manage/register', '/manage/effects', '/manage/approach'],
  admin: ['/admin', '/admin/xapi'],
};

for (const [role, paths] of Object.entries(pages).filter(([, p]) => p.length)) {
  test(`${role}: every main page fits a 360 px screen and is axe clean`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: 360, height: 780 });
    await signIn(page, demo[role as keyof typeof demo]);
    for (const path of paths) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${path} scrolls sideways by ${overflow}px`).toBeLessThanOrEqual(0);
      await expectAxeClean(page);
    }
  });
}
