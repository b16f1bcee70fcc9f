import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SOURCES = ['src', 'content', 'db', 'public', 'astro.config.mjs', 'package.json'];

function newestMtime(path: string): number {
  const s = statSync(path, { throwIfNoEntry: false });
  if (!s) return 0;
  if (!s.isDirectory()) return s.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** Runs `astro build` when the build is missing or older than any source it is made from. */
export function buildIfStale(): void {
  const built = statSync(join(ROOT, 'dist/server/entry.mjs'), { throwIfNoEntry: false });
  const newestSource = Math.max(...SOURCES.map((s) => newestMtime(join(ROOT, s))));
  if (built && built.mtimeMs >= newestSource) return;
  console.log(built ? 'Sources changed since the last build: building…' : 'No build yet: building…');
  // Run astro with this very Node (24, from the `node` package), not whatever `node` is first on PATH.
  const result = spawnSync(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: ROOT,
    stdio: 'inherit',
    // Always a production build, whoever asks: under NODE_ENV=test (a test suite starting the server)
    // Vite keeps the development branches of Svelte and our code, and each island grows by a fifth.
    env: { ...process.env, NODE_ENV: 'production', ASTRO_TELEMETRY_DISABLED: '1' },
  });
  if (result.status !== 0) {
    console.error('The build failed; see the messages above.');
    process.exit(1);
  }
}
