// @ts-check
/**
 * Each Svelte island as one self-contained file: the island, its child components, the code it imports
 * and its own copy of the parts of the Svelte runtime it uses. Shared, the runtime is one chunk with
 * every function any island needs, and each island page also pays for the imports and exports that tie
 * its files together; on its own, each island page is about 1 KB smaller gzipped. What it costs: a
 * learner who opens several kinds of island downloads a copy of the runtime with each (about 11–13 KB
 * gzipped), where a shared chunk would have come from the cache.
 *
 * How: in the browser build, every module an island reaches is given the island's name as a query
 * (`runtime.js?island=Calculator`), which makes it a module of its own that only that island imports.
 * The browser renderer (src/components/island-client.ts) imports no Svelte, so each island carries its
 * own `hydrate` and `unmount`, attached to its component.
 */

const ISLAND = /[?&]island=([^&]+)/;
const SVELTE_STYLE = /[?&]svelte&type=style&lang\.css$/;
const COMPONENT = /\.svelte$/;
const SCRIPT = /\.(?:svelte|[cm]?[jt]s)$/;

const cleanId = (/** @type {string} */ id) => id.split('?')[0] ?? id;

/**
 * The island a module belongs to: its query, or, for a component without one, itself. Components are
 * reached without a query only as the build's entries, that is as islands. Islands are named by file
 * name (two of the same name would share their copies, which is harmless but undoes the point).
 * @param {string} id
 */
function islandOf(id) {
  const tagged = ISLAND.exec(id);
  if (tagged) return tagged[1];
  const file = cleanId(id);
  return COMPONENT.test(file) ? file.replace(/^.*[\\/]/, '').replace(COMPONENT, '') : null;
}

/** @returns {import('vite').Plugin[]} */
export function islandBundles() {
  /** Each component compiled for an island, by file: the copy its styles come from. */
  const copies = new Map();
  return [
    {
      name: 'goodwill:island-copies',
      // Before Vite's own resolver, which would otherwise answer first.
      enforce: 'pre',
      apply: 'build',
      applyToEnvironment: (environment) => environment.name === 'client',
      // A part of an island it loads later (import()) then takes what it shares with the island from the
      // island's file, not from a third file of its own (Astro builds with 'exports-only').
      options: (options) => ({ ...options, preserveEntrySignatures: 'allow-extension' }),
      async resolveId(source, importer, options) {
        // Styles keep their own id, the one the server build gives them, so Astro sees the page's CSS
        // once; they are served from the island's copy of their component (see `load`).
        if (!importer || SVELTE_STYLE.test(importer) || SVELTE_STYLE.test(source)) return null;
        const island = islandOf(importer);
        if (!island) return null;
        const resolved = await this.resolve(source, cleanId(importer), { ...options, skipSelf: true });
        if (!resolved || resolved.external || resolved.id.startsWith('\0') || !SCRIPT.test(cleanId(resolved.id))) return resolved;
        const id = `${resolved.id}${resolved.id.includes('?') ? '&' : '?'}island=${island}`;
        if (COMPONENT.test(cleanId(resolved.id))) copies.set(cleanId(resolved.id), id);
        return { ...resolved, id };
      },
      // vite-plugin-svelte serves a component's styles from what it compiled for the component's own id;
      // a component inside an island was compiled as the island's copy, so its styles come from there,
      // served the same way.
      load(id) {
        if (!SVELTE_STYLE.test(id)) return null;
        const copy = copies.get(cleanId(id));
        if (!copy) return null;
        const css = this.getModuleInfo(copy)?.meta.svelte?.css;
        if (!css) throw new Error(`no compiled styles for ${copy}: review src/build/island-bundles.mjs against vite-plugin-svelte`);
        const { hasGlobal, ...rest } = css;
        // Scoped to the component's own id, as vite-plugin-svelte scopes them: Astro matches it against the
        // server build's components (the island's copy would look unrendered there).
        if (hasGlobal === false) rest.meta = { ...rest.meta, vite: { ...rest.meta?.vite, cssScopeTo: [cleanId(id), 'default'] } };
        return { ...rest, moduleType: 'css' };
      },
    },
    {
      name: 'goodwill:island-hydrate',
      // After vite-plugin-svelte has compiled the component.
      enforce: 'post',
      applyToEnvironment: (environment) => environment.name === 'client',
      transform(code, id) {
        if (ISLAND.test(id) || !COMPONENT.test(id)) return null;
        // `export default function X(` in a build, `export default X;` when served with hot reloading.
        const component = (/^export default function (\w+)\(/m.exec(code) ?? /^export default (\w+);$/m.exec(code))?.[1];
        if (!component) throw new Error(`${id} has no default export this can find: review src/build/island-bundles.mjs`);
        const attach = `import { hydrate as $$hydrate, unmount as $$unmount } from 'svelte';\n${component}.hydrate = $$hydrate;\n${component}.unmount = $$unmount;\n`;
        return { code: `${code}\n${attach}`, map: null };
      },
    },
  ];
}
