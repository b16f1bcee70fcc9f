import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { moduleSchema } from '../../src/lib/domain/content/module-schema';
import { criterionIds } from '../../src/lib/domain/criteria';

const dir = join(import.meta.dirname, '../../content/modules');
const files = readdirSync(dir).filter((f) => f.endsWith('.md'));
const SECTIONS = ['What this asks of you', 'How to do it', 'Worked examples', 'What good looks like', 'Common mistakes', 'Related criteria', 'Evidence for your assessor'];

function split(file: string) {
  const text = readFileSync(join(dir, file), 'utf8');
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  if (!match) throw new Error(`${file} has no frontmatter`);
  return { data: parse(match[1]!) as unknown, body: match[2]! };
}
const words = (s: string) => s.split(/\s+/).filter(Boolean).length;

describe('the shipped modules', () => {
  it('there is exactly one per criterion, named after it', () => {
    expect(files.map((f) => f.replace('.md', '')).sort()).toEqual([...criterionIds].sort());
  });

  describe.each(files)('%s', (file) => {
    const { data, body } = split(file);
    it('matches the schema and its file name', () => {
      const r = moduleSchema.safeParse(data);
      expect(r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([]);
      if (r.success) expect(r.data.criterion).toBe(file.replace('.md', ''));
    });
    it('has at least 1,000 words of teaching and an honest reading time', () => {
      const n = words(body);
      expect(n).toBeGreaterThanOrEqual(1000);
      const minutes = (data as { readingMinutes: number }).readingMinutes;
      expect(Math.abs(minutes - Math.max(1, Math.round(n / 200)))).toBeLessThanOrEqual(2);
    });
    it('has the seven sections in order, and no raw HTML or top-level heading', () => {
      const headings = [...body.matchAll(/^## (.+)$/gm)].map((m) => m[1]!.trim());
      expect(headings).toEqual(SECTIONS);
      expect(body).not.toMatch(/^# /m);
      expect(body).not.toMatch(/<[a-z][^>]*>/i);
    });
    it('links only to pages that exist', () => {
      const links = [...body.matchAll(/\]\((\/[^)\s]*)\)/g)].map((m) => m[1]!);
      for (const link of links) expect(link).toMatch(/^\/learn\/(modules\/(P[1-9]|K[1-8])|calculator|scenarios)(#[\w-]+)?$/);
    });
  });
});
