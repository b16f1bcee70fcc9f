// @ts-check
import { defineConfig } from 'astro/config';
import node from '@astrojs/node';
import svelte from '@astrojs/svelte';
import { fileURLToPath } from 'node:url';

/**
 * Svelte islands, with our own browser renderer (src/components/island-client.ts: hydrate only) in place
 * of the stock one, and no `window.__svelte` version marker: both cut bytes from every island page.
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
  adapter: node({ mode: 'middleware', bodySizeLimit: 11 * 1024 * 1024 }),
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
  markdown: { syntaxHighlight: false },
  server: { port: Number(process.env.PORT ?? 4321), host: process.env.HOST ?? 'localhost' },
  vite: {
    // Bundling drizzle into the server build removes a slow first request.
    ssr: { noExternal: ['drizzle-orm'] },
    environments: {
      client: {
        build: {
          rolldownOptions: {
            // The Svelte runtime and our renderer in one chunk: the renderer's own URL is then a
            // one-line re-export (about 0.1 KB less on every island page than a chunk of its own).
            output: { codeSplitting: { groups: [{ name: 'svelte', test: /node_modules[\\/]svelte[\\/]|island-client\.ts$/ }] } },
          },
        },
      },
    },
  },
});
