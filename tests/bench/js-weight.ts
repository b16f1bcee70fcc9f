/**
 * JavaScript each page ships, gzipped: every /_astro/*.js the HTML references (scripts, module
 * preloads, island component and renderer URLs) plus every chunk those import statically, each file
 * gzipped on its own as it would travel, and inline scripts. Targets: none on read-only pages, at most
 * 20 KB on pages with islands, 30 KB on the negotiation player.
 */
import { gzipSync } from 'node:zlib';
import { get } from './server';

export interface PageWeight {
  path: string;
  kind: 'read-only' | 'islands' | 'player';
  files: number;
  rawBytes: number;
  gzipBytes: number;
  limitBytes: number;
}

export const JS_LIMITS = { 'read-only': 0, islands: 20 * 1024, player: 30 * 1024 } as const;

const REFERENCE = /(?:src|href|component-url|renderer-url|before-hydration-url)="(\/_astro\/[^"]+\.js)"/g;
const STATIC_IMPORT = /(?:\bimport\s*|\bfrom\s*)["']([^"']+\.js)["']/g;
const INLINE_SCRIPT = /<script(?![^>]*\bsrc=)(?![^>]*type="application\/(?:ld\+)?json")[^>]*>([\s\S]*?)<\/script>/g;

export async function pageWeight(base: string, path: string, cookie: string | undefined): Promise<PageWeight> {
  const page = await get(base, path, cookie);
  if (page.status !== 200) throw new Error(`${path} answered ${page.status} while weighing its JavaScript`);
  const kind = path.includes('/scenarios/attempts/') ? 'player' : page.body.includes('<astro-island') ? 'islands' : 'read-only';
  const seen = new Set<string>();
  const queue = [...page.body.matchAll(REFERENCE)].map((m) => m[1]!);
  let rawBytes = 0;
  let gzipBytes = 0;
  while (queue.length > 0) {
    const url = queue.shift()!;
    if (seen.has(url)) continue;
    seen.add(url);
    const file = await get(base, url);
    if (file.status !== 200) throw new Error(`${url} (from ${path}) answered ${file.status}`);
    rawBytes += Buffer.byteLength(file.body);
    gzipBytes += gzipSync(file.body).length;
    for (const m of file.body.matchAll(STATIC_IMPORT)) queue.push(new URL(m[1]!, `${base}${url}`).pathname);
  }
  for (const m of page.body.matchAll(INLINE_SCRIPT)) {
    const code = m[1]!.trim();
    if (!code) continue;
    rawBytes += Buffer.byteLength(code);
    gzipBytes += gzipSync(code).length;
  }
  return { path, kind, files: seen.size, rawBytes, gzipBytes, limitBytes: JS_LIMITS[kind] };
}
