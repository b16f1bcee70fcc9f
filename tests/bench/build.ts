/**
 * Builds when the build is missing or stale (src/server/build-if-stale.ts), in a child process with this
 * very Node. Shared by `npm run bench` and `npm run soak`.
 */
import { spawnSync } from 'node:child_process';
import { ROOT } from './server';

/** Someone else's half-written file can break a build of the shared tree: wait and try again. */
export async function buildWithRetries(step: (text: string) => void): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const r = spawnSync(process.execPath, ['--import', 'tsx', '-e', "import('./src/server/build-if-stale.ts').then((m) => m.buildIfStale())"], { cwd: ROOT, stdio: 'inherit' });
    if (r.status === 0) return;
    if (attempt === 3) throw new Error('the build failed three times; see the messages above');
    step('the build failed; trying again in 60 s');
    await new Promise((resolve) => setTimeout(resolve, 60_000));
  }
}
