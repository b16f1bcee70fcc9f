/** The four STAR parts, in order, with the labels that head them. */
export const starParts = [
  { id: 'situation', label: 'Situation' },
  { id: 'task', label: 'Task' },
  { id: 'action', label: 'Action' },
  { id: 'result', label: 'Result' },
] as const;
export type StarPartId = (typeof starParts)[number]['id'];
export type StarText = Record<StarPartId, string>;

/**
 * The prompt that guides each part. The page hands them to the editor as a prop, so they travel in its
 * HTML rather than in the island's JavaScript.
 */
export const starPrompts: Readonly<StarText> = {
  situation: 'Where were you, who was the customer and what was going on? Name the day, the shop and what they wanted.',
  task: 'What did you need to achieve, and what made it hard (a policy, a price, a deadline)?',
  action: 'What did you do and say? The questions you asked, what you offered or declined, and why.',
  result: 'What happened, with numbers where you have them (sale, margin kept, repeat visit, score), and what you learned.',
};

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
