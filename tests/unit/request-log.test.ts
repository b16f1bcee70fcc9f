/**
 * The request log gathers lines and writes them together; these run it in a process of its own and
 * read that process's standard output, so what is checked is what an operator's log collector gets.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function run(script: string): string {
  const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', `import { logRequest } from './src/lib/server/request-log.ts';\n${script}`], { cwd: ROOT, encoding: 'utf8', timeout: 20_000 });
  expect(child.status, child.stderr).toBe(0);
  return child.stdout;
}

describe('logRequest', () => {
  it('writes every line gathered before the process exits, even when it exits at once', () => {
    const out = run(`for (let i = 0; i < 3; i++) logRequest('GET', '/learn/modules/[criterion]', 200, i + 0.04);\nprocess.exit(0);`);
    const lines = out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map(({ method, route, status, ms }) => ({ method, route, status, ms }))).toEqual([0, 1, 2].map((i) => ({ method: 'GET', route: '/learn/modules/[criterion]', status: 200, ms: i })));
    for (const l of lines) expect(l.t).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it('writes gathered lines within a moment while the process keeps running', () => {
    const out = run(`logRequest('POST', '/login', 303, 1);\nsetTimeout(() => { process.stdout.write('later\\n'); }, 300);\nsetTimeout(() => {}, 400);`);
    expect(out.split('\n').filter(Boolean).map((l) => (l.startsWith('{') ? (JSON.parse(l) as { route: string }).route : l))).toEqual(['/login', 'later']);
  });

  it('writes at once when many lines have gathered, without waiting for the timer', () => {
    const out = run(`for (let i = 0; i < 400; i++) logRequest('GET', '/learn', 200, 1);\nprocess.stdout.write('marker\\n');\nprocess.exit(0);`);
    const lines = out.split('\n').filter(Boolean);
    expect(lines).toHaveLength(401);
    // More than a batch's worth was written before the marker, the rest at exit.
    const marker = lines.indexOf('marker');
    expect(marker).toBeGreaterThan(100);
    expect(marker).toBeLessThan(400);
  });
});
