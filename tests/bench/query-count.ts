/**
 * Queries per request and the time of one request on its own, for each page. Started by run.ts as its
 * own process with GOODWILL_QUERY_COUNT=1, so db/client.ts counts every statement the database handle
 * sends; it serves the production build with src/server/serve.ts (what `npm start` runs) in this
 * process, so the count can be read around each request. Requests go one at a time, so every
 * statement between a request and its last byte belongs to it. Prints one `BENCH_RESULT {json}` line.
 */
import { database } from '../../src/lib/server/db';
import { serve } from '../../src/server/serve';
import { freePort } from '../integration/support/server-process';
import { percentile } from './stats';

export interface PageCount {
  name: string;
  path: string;
  status: number;
  /** Statements per request: the median, and the range seen (a session refresh adds one now and then). */
  queries: number;
  minQueries: number;
  maxQueries: number;
  /** One request alone, over loopback: the server's time to render the page, near enough. */
  aloneP50Ms: number;
}

if (process.env.GOODWILL_QUERY_COUNT !== '1') throw new Error('run with GOODWILL_QUERY_COUNT=1 (npm run bench starts this itself)');
const pages = JSON.parse(process.env.BENCH_PAGES ?? '[]') as { name: string; path: string; cookie?: string }[];
const runs = Number(process.env.BENCH_RUNS ?? 20);

// This process's database handle, opened with counting on; the server bundle picks up the same handle.
const open = database();
await open.ready;
const counter = open.queryCount!;
const port = await freePort();
const server = await serve({ port, host: '127.0.0.1' });

async function request(path: string, cookie: string | undefined): Promise<number> {
  const res = await fetch(`http://127.0.0.1:${port}${path}`, { redirect: 'manual', headers: cookie ? { cookie } : {} });
  await res.arrayBuffer();
  return res.status;
}

const results: PageCount[] = [];
for (const page of pages) {
  for (let i = 0; i < 5; i++) await request(page.path, page.cookie);
  const counts: number[] = [];
  const ms: number[] = [];
  let status = 0;
  for (let i = 0; i < runs; i++) {
    const before = counter.statements;
    const start = performance.now();
    status = await request(page.path, page.cookie);
    ms.push(performance.now() - start);
    counts.push(counter.statements - before);
  }
  results.push({ name: page.name, path: page.path, status, queries: percentile(counts, 0.5), minQueries: Math.min(...counts), maxQueries: Math.max(...counts), aloneP50Ms: percentile(ms, 0.5) });
}
await server.close();
open.client.close();
process.stdout.write(`BENCH_RESULT ${JSON.stringify(results)}\n`);
process.exit(0);
