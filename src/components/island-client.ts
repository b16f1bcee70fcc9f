/**
 * The browser half of the Svelte renderer, in place of `@astrojs/svelte/client.js` (see
 * astro.config.mjs). Every island here is rendered on the server and hydrated (`client:load` or
 * `client:visible`), takes plain props and no slots, and lives on a page without view transitions, so
 * this needs only `hydrate` and `unmount`. The stock renderer also wraps slots in snippets, mounts
 * `client:only` islands and keeps the props in a deep `$state` proxy so Astro can re-render an island
 * in place; none of that is used, and leaving it out keeps `mount`, `createRawSnippet` and the proxy
 * of the props out of every island page's JavaScript.
 *
 * It imports no Svelte itself: each island is bundled with its own copy of the runtime and carries
 * that copy's `hydrate` and `unmount` (src/build/island-bundles.mjs).
 */
import type { Component, hydrate, unmount } from 'svelte';

type Island = Component<Record<string, unknown>> & { hydrate: typeof hydrate; unmount: typeof unmount };
type Hydrator = (component: Island, props: Record<string, unknown>, slots: Record<string, string>, options: { client: string }) => Promise<void>;

type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

/**
 * What the person did to the island's form controls while its script was still on the way (a ticked
 * box, a few typed words: seconds on a slow phone). Hydration writes the component's state over some
 * of them (a ticked box comes back unticked) and leaves others showing what the state does not hold
 * (typed words stay on screen but are never saved). So each edit is put back after hydration and
 * announced with the events the control would have fired, for the component's own handlers to take it
 * in. Only edits are replayed: a box whose ticked state differs from the page's, a chosen radio, a field
 * whose text differs, a list whose choice is not the page's.
 */
function editsBeforeHydration(element: HTMLElement): (() => void)[] {
  const edits: (() => void)[] = [];
  for (const control of element.querySelectorAll<Control>('input, textarea, select')) {
    const box = control.type === 'checkbox' || control.type === 'radio';
    const input = control as HTMLInputElement;
    const now = box ? input.checked : control.value;
    const edited = box
      ? // A radio is replayed only where it was chosen: choosing it unchecks the rest of its group.
        now !== input.defaultChecked && (now || control.type === 'checkbox')
      : control instanceof HTMLSelectElement
        ? !control.selectedOptions[0]?.defaultSelected
        : // A chosen file cannot be put back by script (and no island takes one).
          control.type !== 'file' && now !== control.defaultValue;
    if (!edited) continue;
    edits.push(() => {
      if (box) input.checked = now as boolean;
      else control.value = now as string;
      for (const type of ['input', 'change']) control.dispatchEvent(new Event(type, { bubbles: true }));
    });
  }
  return edits;
}

export default (element: HTMLElement): Hydrator =>
  async (component, props, slots, { client }) => {
    // Astro removes `ssr` once an island is hydrated; a later call (its props attribute changing) is
    // ignored, as the stock renderer ignores it.
    if (!element.hasAttribute('ssr')) return;
    if (client === 'only' || Object.keys(slots).length > 0) throw new Error('island-client: server-rendered islands without slots only');
    const replay = editsBeforeHydration(element);
    const app = component.hydrate(component, { target: element, props });
    for (const edit of replay) edit();
    element.addEventListener('astro:unmount', () => component.unmount(app), { once: true });
  };
