// @ts-check
/**
 * Three changes to Astro's own server code, each removing work Astro repeats on every request although
 * its answer cannot change under a running server. Astro is pinned to an exact version; each patch names
 * the text it replaces and the build stops when that text is gone, so an upgrade is reviewed here rather
 * than silently losing the saving.
 */

/**
 * A transform of one module of Astro's: `original` (a string, or a global regex) is replaced wherever it
 * occurs, and must occur `occurrences` times ('some': at least once).
 * @param {{ name: string, file: string, matches: (id: string) => boolean, skip?: (code: string) => boolean, original: string | RegExp, occurrences: number | 'some', replacement: string, prelude?: string, enforce?: 'pre' }} patch
 * @returns {import('vite').Plugin}
 */
function sourcePatch({ name, file, matches, skip, original, occurrences, replacement, prelude = '', enforce }) {
  return {
    name: `goodwill:${name}`,
    enforce,
    transform(code, id) {
      if (!matches(id.replaceAll('\\', '/')) || skip?.(code)) return null;
      const found = typeof original === 'string' ? code.split(original).length - 1 : (code.match(original) ?? []).length;
      if (occurrences === 'some' ? found === 0 : found !== occurrences) {
        throw new Error(`${file} changed (${found} matches where ${occurrences} were expected): review the ${name} patch in src/build/astro-server-patches.mjs`);
      }
      const patched = typeof original === 'string' ? code.replaceAll(original, replacement) : code.replace(original, replacement);
      return { code: prelude + patched, map: null };
    },
  };
}

/**
 * With CSP on, Astro hashes every stylesheet and inline script of a page again on each server-rendered
 * request (WebCrypto, an async job per hash: a tenth of a signed-in page's CPU). The hash is a pure
 * function of the text, which comes from the build, so this remembers it (a bounded number of texts).
 */
const rememberCspDigests = sourcePatch({
  name: 'remember-csp-digests',
  enforce: 'pre',
  file: 'astro/dist/core/encryption.js',
  matches: (id) => id.endsWith('/astro/dist/core/encryption.js'),
  original: 'async function generateCspDigest(data, algorithm) {',
  occurrences: 1,
  replacement: [
    'const cspDigests = new Map();',
    'function generateCspDigest(data, algorithm) {',
    '  const key = `${algorithm}:${data}`;',
    '  let digest = cspDigests.get(key);',
    '  if (digest === undefined) {',
    '    digest = computeCspDigest(data, algorithm);',
    '    if (cspDigests.size < 2000) cspDigests.set(key, digest);',
    '  }',
    '  return digest;',
    '}',
    'async function computeCspDigest(data, algorithm) {',
  ].join('\n'),
});

/**
 * Astro finds a page's module with `() => import('./chunks/….mjs')` on every request. The module is
 * loaded once, but each import() still runs module resolution, and under tsx (which `npm start` uses
 * for the server's TypeScript) that means tsx's resolve hook and file-system checks per request. This
 * keeps each page's import promise after the first call (and forgets a failed one).
 */
const rememberPageModules = sourcePatch({
  name: 'remember-page-modules',
  file: 'virtual:astro:pages',
  matches: (id) => id === '\0virtual:astro:pages',
  // An environment without pages (prerendering, when nothing is prerendered) has nothing to cache.
  skip: (code) => !code.includes('import('),
  original: /= \(\) => import\(("[^"]+")\);/g,
  occurrences: 'some',
  replacement: '= once(() => import($1));',
  prelude: [
    'const once = (load) => {',
    '  let loaded;',
    '  return () => (loaded ??= load().catch((error) => { loaded = undefined; throw error; }));',
    '};',
    '',
  ].join('\n'),
});

/**
 * Astro gives each request's web `Request` an abort signal tied to the socket, so a page could stop work
 * when the browser goes away. No page of ours reads `request.signal`, and pages are rendered whole, not
 * streamed. The signal is not free: undici links it to a controller of its own, a weak reference and a
 * FinalizationRegistry entry, which outlive the request until a garbage collection finds them, and in an
 * A/B run of the manager's home the server spent 3–15 % less CPU per request without it. The request
 * body of a post still ends with the socket; only the unused signal goes.
 */
const dropRequestSignal = sourcePatch({
  name: 'drop-request-signal',
  file: 'astro/dist/core/app/node.js',
  matches: (id) => id.endsWith('/astro/dist/core/app/node.js'),
  original: 'headers: makeRequestHeaders(req),\n    signal: controller.signal\n',
  occurrences: 2,
  replacement: 'headers: makeRequestHeaders(req)\n',
});

/** @returns {import('vite').Plugin[]} */
export function astroServerPatches() {
  return [rememberCspDigests, rememberPageModules, dropRequestSignal];
}
