/**
 * Crash durability and graceful shutdown of the real server (`node --import tsx src/server/start.ts`,
 * the production build, a real libSQL file), driven over HTTP as a browser would.
 *
 * `npm test` runs this suite after the build (tests/run-all.ts); run alone, start.ts builds first
 * when the build is missing or stale.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/client';
import { newReflection, ok, refusedAt, running, send, signIn, startServer } from './support/server-process';

const dir = mkdtempSync(join(tmpdir(), 'goodwill-durability-'));
afterAll(() => {
  for (const child of running) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

describe('crash durability: SIGKILL in the middle of a burst of writes', () => {
  it('keeps every acknowledged write and nothing half-written', async () => {
    const file = join(dir, 'crash.db');
    const first = await startServer(file);
    const learner = await signIn(first.base, 'learner@demo.goodwill.test');
    const assessor = await signIn(first.base, 'assessor@demo.goodwill.test');
    const reflections = await Promise.all([1, 2, 3, 4].map((i) => newReflection(first.base, learner, `Burst ${i}`)));

    const acked = { saves: [] as { id: string; version: number }[], evidence: [] as string[], decisions: [] as { evidenceId: string; criterion: string }[], reads: [] as string[] };
    let total = 0;
    let cut = 0;
    const refused: string[] = [];
    let killed = false;
    const ack = () => {
      if (++total === 80 && !killed) {
        killed = true;
        first.child.kill('SIGKILL');
      }
    };
    // Each lane writes until the server dies; a write counts only once its answer has arrived.
    const lane = async (step: () => Promise<void>) => {
      try {
        while (!killed) await step();
      } catch (error) {
        // A connection that died with the server: that write was never acknowledged. Any other
        // failure (an unexpected status) is a bug, reported below.
        if ((error as NodeJS.ErrnoException).code) cut++;
        else refused.push((error as Error).message);
      }
    };
    const saveLane = (id: string) => {
      let version = 0;
      return lane(async () => {
        const r = await send(first.base, 'POST', `/api/reflections/${id}`, { cookie: learner, json: { baseVersion: version, body: `Version ${version + 1} of what happened at the till.` } });
        if (r.status !== 200) throw new Error(`save answered ${r.status}`);
        version = (JSON.parse(r.body) as { version: number }).version;
        acked.saves.push({ id, version });
        ack();
      });
    };
    const assessLane = () =>
      lane(async () => {
        const id = randomUUID();
        const form: [string, string][] = [['id', id], ['title', 'Till observation'], ['text', 'Handled a refund request calmly and offered an exchange first.'], ['claims', 'P3'], ['claims', 'K3'], ['declaredOwnWork', 'yes']];
        const r = await send(first.base, 'POST', '/assess/learners/user-learner2?intent=observation', { cookie: assessor, form });
        if (r.status !== 303) throw new Error(`observation answered ${r.status}`);
        acked.evidence.push(id);
        ack();
        for (const criterion of ['P3', 'K3']) {
          const d = await send(first.base, 'POST', `/assess/evidence/${id}`, { cookie: assessor, form: [['criterion', criterion], ['version', '1'], ['outcome', 'met'], ['feedback', 'Shown clearly in what I saw.'], ['follows', '']] });
          if (d.status !== 303) throw new Error(`decision answered ${d.status}`);
          acked.decisions.push({ evidenceId: id, criterion });
          ack();
        }
      });
    const criteria = ['P3', 'P4', 'P5', 'P6', 'P7', 'P8', 'P9', 'K4', 'K5', 'K6', 'K7', 'K8'];
    const readLane = () =>
      lane(async () => {
        const criterion = criteria.shift();
        if (!criterion) return void (await new Promise((r) => setTimeout(r, 5)));
        const r = await send(first.base, 'POST', `/learn/modules/${criterion}`, { cookie: learner });
        if (!ok(r.status)) throw new Error(`mark as read answered ${r.status}`);
        acked.reads.push(criterion);
        ack();
      });

    await Promise.all([...reflections.map(saveLane), assessLane(), assessLane(), readLane()]);
    expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });
    expect(total).toBeGreaterThanOrEqual(80);
    expect(refused).toEqual([]);
    expect(cut).toBeGreaterThan(0); // the kill came mid-burst: some writes were in flight

    // The same database, a new process: it starts, and the old session still works.
    const second = await startServer(file);
    const page = await send(second.base, 'GET', `/learn/reflections/${reflections[0]}`, { cookie: learner });
    expect(page.status).toBe(200);
    second.child.kill('SIGTERM');
    expect((await second.exited).code).toBe(0);

    const open = openDatabase(`file:${file}`);
    try {
      await open.ready;
      const q = <T>(query: ReturnType<typeof sql>) => open.db.all<T>(query);
      expect(await q<{ integrity_check: string }>(sql`pragma integrity_check`)).toEqual([{ integrity_check: 'ok' }]);
      for (const s of acked.saves) {
        expect(await q(sql`select 1 from reflection_version where reflection_id = ${s.id} and version = ${s.version} and body = ${`Version ${s.version} of what happened at the till.`}`)).toHaveLength(1);
      }
      for (const id of acked.evidence) expect(await q(sql`select 1 from evidence_item where id = ${id}`)).toHaveLength(1);
      for (const d of acked.decisions) expect(await q(sql`select 1 from decision where evidence_id = ${d.evidenceId} and criterion = ${d.criterion}`)).toHaveLength(1);
      for (const c of acked.reads) expect(await q(sql`select 1 from module_read where user_id = 'user-learner' and criterion = ${c}`)).toHaveLength(1);

      // Nothing half-written: each write's rows were committed together or not at all.
      expect(await q(sql`select r.id from reflection r where r.current_version > 0 and not exists (select 1 from reflection_version v where v.reflection_id = r.id and v.version = r.current_version)`)).toEqual([]);
      expect(await q(sql`select v.reflection_id from reflection_version v join reflection r on r.id = v.reflection_id where v.version > r.current_version`)).toEqual([]);
      expect(await q(sql`select e.id from evidence_item e where (select count(*) from evidence_version v where v.evidence_id = e.id and v.version between 1 and e.current_version) <> e.current_version`)).toEqual([]);
      // The burst's observations (the seeded demo evidence is inserted without an audit trail).
      expect(await q(sql`select e.id from evidence_item e where e.title = 'Till observation' and not exists (select 1 from audit_event a where a.subject_id = e.id and a.action = 'evidence-submitted')`)).toEqual([]);
      expect(await q(sql`select d.id from decision d where not exists (select 1 from evidence_version v where v.evidence_id = d.evidence_id and v.version = d.version)`)).toEqual([]);
      // Both claims decided on the current version ⇔ the item is assessed (same transaction).
      expect(await q(sql`select e.id from evidence_item e where e.title = 'Till observation' and ((select count(distinct criterion) from decision d where d.evidence_id = e.id and d.version = e.current_version) = 2) <> (e.status = 'assessed')`)).toEqual([]);
    } finally {
      open.client.close();
    }
    console.log(`crash: ${total} writes acknowledged, ${cut} cut off in flight (${acked.saves.length} saves, ${acked.evidence.length} observations, ${acked.decisions.length} decisions, ${acked.reads.length} reads) before SIGKILL; all present after restart`);
  }, 180_000);
});

describe('graceful shutdown: SIGTERM during a burst', () => {
  it('finishes in-flight requests with 2xx, refuses new connections, and exits 0 promptly', async () => {
    const server = await startServer(join(dir, 'drain.db'));
    const learner = await signIn(server.base, 'learner@demo.goodwill.test');
    const ids = await Promise.all(Array.from({ length: 8 }, (_, i) => newReflection(server.base, learner, `Drain ${i}`)));

    // Requests the server is provably handling: it has answered "100 Continue" to their headers, and
    // their bodies are held back until after SIGTERM, so they are in flight when it arrives.
    const inFlight = ids.map((id) => {
      const body = JSON.stringify({ baseVersion: 0, body: 'Written just before the server was told to stop.' });
      const req = httpRequest(`${server.base}/api/reflections/${id}`, {
        method: 'POST',
        agent: false,
        headers: { origin: server.base, cookie: learner, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), expect: '100-continue' },
      });
      const continued = new Promise<void>((resolve) => req.on('continue', resolve));
      const reply = new Promise<{ status: number; connection?: string; error?: string }>((resolve) => {
        req.on('response', (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection }));
        });
        req.on('error', (e: NodeJS.ErrnoException) => resolve({ status: 0, error: e.code ?? e.message }));
      });
      req.flushHeaders();
      return { continued, reply, finish: () => req.end(body) };
    });
    await Promise.all(inFlight.map((r) => r.continued));

    const sigtermAt = performance.now();
    server.child.kill('SIGTERM');
    await server.waitForLine(/SIGTERM: no longer accepting/);
    await refusedAt(server.base);

    // From then on new connections are refused outright, not answered with an error page.
    const late = await Promise.all([1, 2, 3].map(() => send(server.base, 'GET', '/api/health').then((r) => `HTTP ${r.status}`, (e: NodeJS.ErrnoException) => e.code)));
    expect(late).toEqual(['ECONNREFUSED', 'ECONNREFUSED', 'ECONNREFUSED']);

    for (const r of inFlight) r.finish();
    const replies = await Promise.all(inFlight.map((r) => r.reply));
    const exit = await server.exited;
    const drainMs = performance.now() - sigtermAt;
    console.log(`drain: ${replies.length} in-flight requests completed; SIGTERM to exit ${drainMs.toFixed(0)} ms`);

    expect(replies.filter((r) => r.status !== 200)).toEqual([]);
    expect(replies.every((r) => r.connection === 'close')).toBe(true);
    expect(exit).toEqual({ code: 0, signal: null });
    expect(drainMs).toBeLessThan(5_000);

    const open = openDatabase(`file:${join(dir, 'drain.db')}`);
    try {
      await open.ready;
      const saved = await open.db.all<{ n: number }>(sql`select count(*) as n from reflection_version where body = 'Written just before the server was told to stop.'`);
      expect(saved[0]?.n).toBe(ids.length);
    } finally {
      open.client.close();
    }
  }, 180_000);
});
