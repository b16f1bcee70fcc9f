// @ts-check
import { defineConfig } from 'astro/config';
import node from '@astrojs/node';
import svelte from '@astrojs/svelte';
import { fileURLToPath } from 'node:url';
import { islandBundles } from './src/build/island-bundles.mjs';
import { terserPass } from './src/build/terser-pass.mjs';

/**
 * Svelte islands, with our own browser renderer (src/components/island-client.ts: hydrate only) in place
 * of the stock one, each island bundled on its own with the runtime it uses (src/build/island-bundles.mjs),
 * and no `window.__svelte` version marker: all three cut bytes from every island page.
 */
/** @returns {import('astro').AstroIntegration} */
function svelteIslands() {
  const integration = svelte({ compilerOptions: { discloseVersion: false } });
  const setup = integration.hooks['astro:config:setup'];
  if (!setup) throw new Error('@astrojs/svelte has no astro:config:setup hook to wrap');
  const clientEntrypoint = fileURLToPath(new URL('./src/components/island-client.ts', import.meta.url));
  return {
    ...integration,
    hooks: {
      ...integration.hooks,
      'astro:config:setup': (params) => setup({ ...params, addRenderer: (renderer) => params.addRenderer({ ...renderer, clientEntrypoint }) }),
    },
  };
}

/**
 * With CSP on, Astro hashes every stylesheet and inline script of a page again on each server-rendered
 * request (WebCrypto, an async job per hash: a tenth of a signed-in page's CPU). The hash is a pure
 * function of the text, which comes from the build, so this remembers it (a bounded number of texts).
 * Astro is pinned to an exact version; if its code changes shape the build stops here rather than
 * silently losing the cache.
 */
function rememberCspDigests() {
  const original = 'async function generateCspDigest(data, algorithm) {';
  return {
    name: 'goodwill:remember-csp-digests',
    enforce: /** @type {const} */ ('pre'),
    /** @param {string} code @param {string} id */
    transform(code, id) {
      if (!id.replaceAll('\\', '/').endsWith('/astro/dist/core/encryption.js')) return null;
      if (!code.includes(original)) throw new Error('astro/dist/core/encryption.js changed: review the CSP digest cache in astro.config.mjs');
      const cached = [
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
      ].join('\n');
      return { code: code.replace(original, cached), map: null };
    },
  };
}

/**
 * Astro finds a page's module with `() => import('./chunks/….mjs')` on every request. The module is
 * loaded once, but each import() still runs module resolution, and under tsx (which `npm start` uses
 * for the server's TypeScript) that means tsx's resolve hook and file-system checks per request. This
 * keeps each page's import promise after the first call (and forgets a failed one).
 */
function rememberPageModules() {
  const pattern = /= \(\) => import\(("[^"]+")\);/g;
  return {
    name: 'goodwill:remember-page-modules',
    /** @param {string} code @param {string} id */
    transform(code, id) {
      if (id !== '\0virtual:astro:pages') return null;
      // An environment without pages (prerendering, when nothing is prerendered) has nothing to cache.
      if (!code.includes('import(')) return null;
      if (!code.match(pattern)) throw new Error('virtual:astro:pages changed: review the page-module cache in astro.config.mjs');
      const once = [
        'const once = (load) => {',
        '  let loaded;',
        '  return () => (loaded ??= load().catch((error) => { loaded = undefined; throw error; }));',
        '};',
      ].join('\n');
      return { code: `${once}\n${code.replace(pattern, '= once(() => import($1));')}`, map: null };
    },
  };
}

// The public origin behind a TLS proxy: Astro's origin check compares a form post's Origin with it.
const origin = process.env.ORIGIN ? new URL(process.env.ORIGIN) : null;

export default defineConfig({
  output: 'server',
  // Middleware mode: our own server (src/server/serve.mjs) serves static files, sets headers for every
  // response and shuts down gracefully, which the standalone server does not.
  // Bodies over 11 MB (a 10 MB upload plus the form around it) are cut off before they are buffered.
  // Pages are rendered whole, then sent with a Content-Length: every page awaits its data before its
  // first byte anyway, and Astro's streaming path (an async iterable read through a web stream, chunk
  // by chunk) cost a signed-in page more CPU than the rendering it streamed.
  adapter: node({ mode: 'middleware', bodySizeLimit: 11 * 1024 * 1024, experimentalDisableStreaming: true }),
  integrations: [svelteIslands()],
  // No Astro session store: sessions live in the database so several app servers can share them.
  session: false,
  security: {
    checkOrigin: true,
    csp: {
      algorithm: 'SHA-256',
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "form-action 'self'",
        "base-uri 'self'",
        "object-src 'none'",
      ],
    },
    allowedDomains: origin
      ? [{ hostname: origin.hostname, protocol: origin.protocol.replace(':', ''), port: origin.port || undefined }]
      : [],
  },
  // Every stylesheet is a file, never an inline <style>: Astro puts the hash of every inline style in the
  // site into each page's CSP header (2.6 KB on every response, a fifth of a signed-in page's bytes), while
  // files need only 'self' and are cached by the browser across pages.
  build: { inlineStylesheets: 'never' },
  markdown: { syntaxHighlight: false },
  server: { port: Number(process.env.PORT ?? 4321), host: process.env.HOST ?? 'localhost' },
  vite: {
    // Bundling drizzle into the server build removes a slow first request.
    ssr: { noExternal: ['drizzle-orm'] },
    plugins: [rememberCspDigests(), rememberPageModules(), ...islandBundles(), terserPass()],
  },
});
