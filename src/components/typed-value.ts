/**
 * What a server-rendered text box holds as its island hydrates: whatever someone typed before the
 * island's JavaScript arrived, or else the value the server rendered. The islands give their text boxes
 * `value` and `oninput` rather than `bind:value`, whose code each island would otherwise carry (0.25–0.4
 * KB gzipped), and start their state from this, so early typing is kept as `bind:value` keeps it.
 */
export function typedValue(id: string, rendered: string): string {
  const box = typeof document === 'undefined' ? null : (document.getElementById(id) as HTMLInputElement | HTMLTextAreaElement | null);
  return box && box.value !== box.defaultValue ? box.value : rendered;
}
