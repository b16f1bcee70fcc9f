/** The four STAR parts and the prompts that guide each one. */
export const starParts = [
  { id: 'situation', label: 'Situation', prompt: 'Where were you, who was the customer and what was going on? Name the day, the shop and what they wanted.' },
  { id: 'task', label: 'Task', prompt: 'What did you need to achieve, and what made it hard (a policy, a price, a deadline)?' },
  { id: 'action', label: 'Action', prompt: 'What did you do and say? The questions you asked, what you offered or declined, and why.' },
  { id: 'result', label: 'Result', prompt: 'What happened, with numbers where you have them (sale, margin kept, repeat visit, score), and what you learned.' },
] as const;
export type StarPartId = (typeof starParts)[number]['id'];
export type StarText = Record<StarPartId, string>;

/** Joins the guided parts into one markdown text with a heading per part (empty parts left out). */
export function joinParts(parts: StarText): string {
  return starParts
    .filter((p) => parts[p.id].trim())
    .map((p) => `## ${p.label}\n\n${parts[p.id].trim()}`)
    .join('\n\n');
}

export function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/**
 * When two tabs disagree, keeps both rather than choosing: the other tab's text follows the learner's
 * own under a marker, for them to tidy.
 */
export function keepBoth(mine: string, theirs: string): string {
  if (mine.trim() === theirs.trim()) return mine;
  return `${mine.trim()}\n\n---\n\n*From your other tab or device:*\n\n${theirs.trim()}`;
}
