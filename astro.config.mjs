// @ts-check
import { defineConfig } from 'astro/config';
import node from '@astrojs/node';
import svelte from '@astrojs/svelte';
import { fileURLToPath } from 'node:url';
import { islandBundles } from './src/build/island-bundles.mjs';
import { terserPass } from './src/build/terser-pass.mjs';
import { astroServerPatches } from './src/build/astro-server-patches.mjs';

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
    plugins: [...astroServerPatches(), ...islandBundles(), terserPass()],
  },
});
