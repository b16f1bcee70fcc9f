import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { expect, type Page } from '@playwright/test';

interface ScenarioFile {
  questions: { id: string; text: string; quality: 'good' | 'poor'; kind: string; after?: string }[];
  beats: { id: string; cue: string; options: { id: string; text: string; recognises: 'well' | 'poorly' }[] }[];
  concessions: { id: string; label: string }[];
  tradeAsks: { id: string; text: string }[];
  alternatives: { id: string; text: string }[];
}

/** A scenario as its author wrote it, so the test plays from the content, not from the page's answers. */
export function scenarioFile(id: string): ScenarioFile {
  return parse(readFileSync(join(import.meta.dirname, '../../../content/scenarios', `${id}.yaml`), 'utf8')) as ScenarioFile;
}

const clean = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Waits until the player has the server's answer to the last move. */
export async function settled(page: Page): Promise<void> {
  await expect(page.locator('.player')).toHaveAttribute('aria-busy', 'false');
}

/** Answers any tactic the customer is using with the answer that handles it well. */
export async function answerTactics(page: Page, s: ScenarioFile): Promise<void> {
  await settled(page);
  for (let i = 0; i < 5; i++) {
    const legend = page.locator('legend', { hasText: 'How do you answer?' });
    if ((await legend.count()) === 0) return;
    const options = s.beats.flatMap((b) => b.options);
    const buttons = page.locator('.moves fieldset button');
    const texts = (await buttons.allInnerTexts()).map(clean);
    const well = options.find((o) => o.recognises === 'well' && texts.includes(clean(o.text)));
    expect(well, `a well-handled answer among ${JSON.stringify(texts)}`).toBeDefined();
    await page.getByRole('button', { name: clean(well!.text), exact: true }).click();
    await settled(page);
  }
}

/** Asks every good question the scenario offers, following their order. */
export async function askGoodQuestions(page: Page, s: ScenarioFile): Promise<void> {
  const good = s.questions.filter((q) => q.quality === 'good').sort((a, b) => Number(a.kind === 'summarising') - Number(b.kind === 'summarising'));
  for (let pass = 0; pass < 3; pass++) {
    for (const q of good) {
      await answerTactics(page, s);
      const button = page.getByRole('button', { name: clean(q.text), exact: true });
      if ((await button.count()) === 1) {
        const before = await page.locator('.transcript li').count();
        await button.click();
        await settled(page);
        await expect(page.locator('.transcript li')).not.toHaveCount(before);
      }
    }
  }
  await answerTactics(page, s);
}
