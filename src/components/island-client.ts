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

export default (element: HTMLElement): Hydrator =>
  async (component, props, slots, { client }) => {
    // Astro removes `ssr` once an island is hydrated; a later call (its props attribute changing) is
    // ignored, as the stock renderer ignores it.
    if (!element.hasAttribute('ssr')) return;
    if (client === 'only' || Object.keys(slots).length > 0) throw new Error('island-client hydrates server-rendered Svelte islands without slots only');
    const app = component.hydrate(component, { target: element, props });
    element.addEventListener('astro:unmount', () => component.unmount(app), { once: true });
  };
