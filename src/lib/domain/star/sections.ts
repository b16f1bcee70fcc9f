/**
 * The STAR labels a reflection may carry ("## Situation", "**Task**", "Action:") and the sections they
 * cut it into. Kept apart from the sentence rules: splitting labelled text needs only this, so the STAR
 * editor's island carries it and loads the rest only for prose (src/components/reflect/prose-splitter.ts).
 */

export const STAR_PARTS = ['situation', 'task', 'action', 'result'] as const;
export type StarPart = (typeof STAR_PARTS)[number];

export interface Section {
  part: StarPart | null;
  text: string;
}

/** A STAR label: a markdown heading, a bold word or "Word:" at the start of a line or sentence. */
const LABEL =
  /(^|\n|[.!?]["”']?[ \t]+)[ \t]*(?:#{1,6}[ \t]*)?(?:\*\*|__)?(situation|task|actions?|results?|outcome)(?:\*\*|__)?[ \t]*(?:(?:[:\-–—](?:\*\*|__)?|\*\*:)[ \t]*|(?=\r?\n))/gi;

function partOf(word: string): StarPart {
  const w = word.toLowerCase();
  if (w.startsWith('situation')) return 'situation';
  if (w.startsWith('task')) return 'task';
  if (w.startsWith('action')) return 'action';
  return 'result';
}

/** Splits on STAR labels; text before the first label (or all of it, when there are none) has part null. */
export function findSections(text: string): Section[] {
  const marks: { part: StarPart; labelStart: number; bodyStart: number }[] = [];
  for (const m of text.matchAll(LABEL)) {
    const lead = m[1] ?? '';
    marks.push({ part: partOf(m[2] ?? ''), labelStart: m.index + lead.length, bodyStart: m.index + m[0].length });
  }
  const sections: Section[] = [];
  const firstStart = marks[0]?.labelStart ?? text.length;
  const head = text.slice(0, firstStart);
  if (head.trim()) sections.push({ part: null, text: head });
  marks.forEach((mark, i) => {
    const end = marks[i + 1]?.labelStart ?? text.length;
    sections.push({ part: mark.part, text: text.slice(mark.bodyStart, end) });
  });
  return sections;
}

/**
 * The four parts of a text that has STAR labels, cut at them (text before the first label joins the
 * situation); null when it has none, for `splitStar` to split the prose by its sentences.
 */
export function splitLabelled(text: string): Record<StarPart, string> | null {
  const sections = findSections(text.replace(/\r\n?/g, '\n'));
  if (!sections.some((s) => s.part !== null)) return null;
  const parts: Record<StarPart, string[]> = { situation: [], task: [], action: [], result: [] };
  for (const section of sections) {
    const body = section.text.trim();
    if (body) parts[section.part ?? 'situation'].push(body);
  }
  return joinPieces(parts, sections.length > 1 ? '\n\n' : ' ');
}

/** Each part's pieces joined into one text. */
export function joinPieces(parts: Record<StarPart, string[]>, separator: string): Record<StarPart, string> {
  return {
    situation: parts.situation.join(separator),
    task: parts.task.join(separator),
    action: parts.action.join(separator),
    result: parts.result.join(separator),
  };
}
