/**
 * Splitting prose (text with no STAR labels) into the four parts, fetched when the editor may need it
 * rather than with the island: labelled text, which is what the four boxes save, splits without the cue
 * phrases and sentence rules this needs (a file of their own, 1.7 KB gzipped; the island is 0.35 KB
 * smaller for it, after the loader Vite adds for a fetched module). The editor fetches it as soon as
 * free text is on screen or a conflict is shown, so it is there, offline too, when the learner asks
 * for the four parts.
 */
import type { StarText } from './star-parts';

type Splitter = (text: string) => StarText;

let loaded: Splitter | undefined;
let loading: Promise<Splitter> | undefined;

/** The splitter if it has arrived; the editor must not wait for it while the learner may be typing. */
export const proseSplitter = (): Splitter | undefined => loaded;

/** Fetches the splitter once; a failed fetch (offline) is forgotten, so the next call tries again. */
export function loadProseSplitter(): Promise<Splitter> {
  loading ??= import('../../lib/domain/star/structure').then(
    ({ splitStar }) => (loaded = splitStar),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}
