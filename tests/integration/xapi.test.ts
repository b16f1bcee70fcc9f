/**
 * xAPI statements from real records, sent to a stub LRS: an HTTP server on a random port that behaves
 * as xAPI 1.0.3 asks (one copy per statement id, 409 for a different statement under a known id) and
 * records what it receives.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { auditEvent, checkAttempt, moduleRead, reflection, reflectionVersion, scenarioAttempt } from '../../db/schema';
import { criterionIds } from '../../src/lib/domain/criteria';
import type { XapiStatement } from '../../src/lib/domain/xapi';
import type { SessionUser } from '../../src/lib/server/auth/session';
import { decide } from '../../src/lib/server/portfolio/decisions';
import { submitEvidence } from '../../src/lib/server/portfolio/evidence';
import { signOffUnit } from '../../src/lib/server/portfolio/sign-off';
import { lrsConfig, sendStatements, statementsFor } from '../../src/lib/server/xapi';
import { useTestDatabase } from './support/test-db';

const database = useTestDatabase({ seed: true });
const ORIGIN = 'https://goodwill.test';
const who = (id: string, role: SessionUser['role'], organisationId: string | null): SessionUser => ({ id, email: `${id}@x`, name: id, role, organisationId, isLeadAssessor: role === 'assessor' });
const learner = who('user-learner', 'learner', 'org-harbour-street');
const assessor = who('user-assessor', 'assessor', null);
const t0 = new Date('2026-09-01T09:00:00Z');
const later = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const BODY = '## Situation\n\nA trade customer asked me on Tuesday to match a rival quote of £180 for a pressure washer we sell at £199.\n\n## Action\n\nI asked what he needed it for, checked the quote and offered free delivery instead.\n\n## Result\n\nHe bought it at full price and came back the next week.';

/** The stub LRS. `password` is what it accepts; `received` is every request it saw. */
const lrs = {
  server: null as Server | null,
  url: '',
  password: 's3cret-lrs-pass',
  stored: new Map<string, string>(),
  received: [] as { method: string; path: string; headers: IncomingHttpHeaders; statements: XapiStatement[] }[],
};

beforeAll(async () => {
  lrs.server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const statements = JSON.parse(body || '[]') as XapiStatement[];
      lrs.received.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, statements });
      if (req.headers.authorization !== `Basic ${Buffer.from(`goodwill:${lrs.password}`).toString('base64')}`) return res.writeHead(401).end('bad credentials');
      if (req.method !== 'POST' || req.url !== '/xapi/statements' || req.headers['x-experience-api-version'] !== '1.0.3') return res.writeHead(400).end('bad request');
      for (const s of statements) {
        const known = lrs.stored.get(s.id);
        if (known !== undefined && known !== JSON.stringify(s)) return res.writeHead(409).end(`conflict on ${s.id}`);
      }
      for (const s of statements) lrs.stored.set(s.id, JSON.stringify(s));
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(statements.map((s) => s.id)));
    });
  });
  await new Promise<void>((resolve) => lrs.server!.listen(0, '127.0.0.1', resolve));
  lrs.url = `http://127.0.0.1:${(lrs.server!.address() as AddressInfo).port}/xapi/`;
});
afterAll(() => lrs.server?.close());

const saved = { ...process.env };
function configure(env: Record<string, string | undefined>) {
  for (const [k, v] of Object.entries(env)) v === undefined ? delete process.env[k] : (process.env[k] = v);
}
afterEach(() => configure({ ORIGIN: saved.ORIGIN, LRS_ENDPOINT: saved.LRS_ENDPOINT, LRS_USERNAME: saved.LRS_USERNAME, LRS_PASSWORD: saved.LRS_PASSWORD }));

/** A learner's whole journey through the real services, signed off at the end. */
async function journey() {
  const { db } = database.current();
  // 60 passed checks (retakes), so that sending needs more than one batch.
  await db.insert(checkAttempt).values(Array.from({ length: 60 }, (_, i) => ({ id: `check-${i}`, userId: learner.id, criterion: 'K4', questionIds: ['q'], answers: { q: ['a'] }, score: 80, passed: true, startedAt: t0, submittedAt: later(i) })));
  await db.insert(checkAttempt).values({ id: 'check-failed', userId: learner.id, criterion: 'K4', questionIds: ['q'], answers: { q: ['b'] }, score: 20, passed: false, startedAt: t0, submittedAt: t0 });
  await db.insert(scenarioAttempt).values([
    { id: 'scn-ended', userId: learner.id, scenarioId: 'trade-quote', seed: 1, moves: [], state: {}, outcome: 'deal', startedAt: t0, updatedAt: later(5), endedAt: later(5) },
    { id: 'scn-open', userId: learner.id, scenarioId: 'trade-quote', seed: 2, moves: [], state: {}, startedAt: t0, updatedAt: t0 },
  ]);
  const reflectionId = randomUUID();
  await db.insert(reflection).values({ id: reflectionId, userId: learner.id, title: 'The cheaper quote', criteria: ['P3'], currentVersion: 1, createdAt: t0, updatedAt: t0 });
  await db.insert(reflectionVersion).values({ reflectionId, version: 1, body: BODY, savedAt: t0 });
  const reflectionEvidence = randomUUID();
  expect((await submitEvidence(learner, { id: reflectionEvidence, learnerId: learner.id, kind: 'reflection', sourceId: reflectionId, claims: ['P3', 'K3'], declaredOwnWork: true }, later(10))).type).toBe('ok');
  expect((await decide(assessor, { evidenceId: reflectionEvidence, version: 1, criterion: 'P3', outcome: 'met', feedback: 'Good questions before offering.', follows: '' }, later(11))).type).toBe('decided');
  expect((await decide(assessor, { evidenceId: reflectionEvidence, version: 1, criterion: 'K3', outcome: 'not-yet', feedback: 'Say which technique you used.', follows: '' }, later(12))).type).toBe('decided');
  const observation = randomUUID();
  expect((await submitEvidence(assessor, { id: observation, learnerId: learner.id, kind: 'observation', title: 'A day on the shop floor', text: 'Watched every part of the unit in practice over a long day.', claims: [...criterionIds], declaredOwnWork: true }, later(20))).type).toBe('ok');
  for (const c of criterionIds) expect((await decide(assessor, { evidenceId: observation, version: 1, criterion: c, outcome: 'met', feedback: 'Shown clearly on the day.', follows: '' }, later(21))).type).toBe('decided');
  expect(await signOffUnit(assessor, learner.id, true, later(30))).toEqual({ type: 'signed' });
  return { reflectionEvidence, observation };
}

describe('xAPI statements and the LRS', () => {
  let ids: Awaited<ReturnType<typeof journey>>;
  /** What the demo seed already gave the learner, so that the counts below are the journey's own. */
  let seeded: XapiStatement[];
  beforeAll(async () => {
    seeded = await statementsFor(learner.id, ORIGIN);
    ids = await journey();
  });

  it('makes one statement per finished record, none for failed checks or unfinished scenarios', async () => {
    const statements = await statementsFor(learner.id, ORIGIN);
    const added = (verb: string, object: string) => {
      const match = (s: XapiStatement) => s.verb.id.endsWith(verb) && s.object.id.includes(object);
      return statements.filter(match).length - seeded.filter(match).length;
    };
    expect(added('/passed', '/checks/')).toBe(60);
    expect(added('/attempted', '/scenarios/')).toBe(1);
    expect(added('/submitted', `/evidence/${ids.reflectionEvidence}`)).toBe(1);
    expect(added('/passed', '/criteria/')).toBe(18);
    expect(added('/failed', '/criteria/K3')).toBe(1);
    expect(added('/passed', '/units/SSR.D002')).toBe(1);
    expect(statements.filter((s) => s.verb.id.endsWith('/completed')).length).toBe(await database.current().db.$count(moduleRead, eq(moduleRead.userId, learner.id)));
    expect(statements.length - seeded.length).toBe(60 + 1 + 1 + 19 + 1);
    expect(new Set(statements.map((s) => s.id)).size).toBe(statements.length);
    expect(statements.every((s) => s.actor.account.name === learner.id && s.actor.account.homePage === ORIGIN)).toBe(true);
    // The same records give the same statements: what was sent before is sent identically again.
    expect(statements.filter((s) => seeded.some((b) => b.id === s.id))).toEqual(seeded);
  });

  it('sends nothing when no LRS is configured', async () => {
    configure({ LRS_ENDPOINT: undefined });
    expect(await sendStatements(learner.id, { origin: ORIGIN })).toEqual({ type: 'not-configured' });
  });

  it('POSTs every statement in batches with the xAPI version header and basic auth; re-sending stores nothing twice', async () => {
    configure({ ORIGIN, LRS_ENDPOINT: lrs.url, LRS_USERNAME: 'goodwill', LRS_PASSWORD: lrs.password });
    lrs.received.length = 0;
    const expected = await statementsFor(learner.id, ORIGIN);
    const first = await sendStatements(learner.id, { actorId: 'user-admin', now: later(40) });
    expect(first).toEqual({ type: 'sent', statements: expected.length, batches: Math.ceil(expected.length / 50) });
    expect(lrs.received.length).toBe(Math.ceil(expected.length / 50));
    for (const r of lrs.received) {
      expect(r).toMatchObject({ method: 'POST', path: '/xapi/statements' });
      expect(r.headers['x-experience-api-version']).toBe('1.0.3');
      expect(r.headers['content-type']).toBe('application/json');
    }
    expect([...lrs.stored.keys()].sort()).toEqual(expected.map((s) => s.id).sort());

    const second = await sendStatements(learner.id, { origin: 'http://ignored-because-ORIGIN-is-set' });
    expect(second).toMatchObject({ type: 'sent', statements: expected.length });
    expect(lrs.stored.size).toBe(expected.length);

    const [event] = await database.current().db.select().from(auditEvent).where(and(eq(auditEvent.action, 'xapi-sent'), eq(auditEvent.subjectId, learner.id)));
    expect(event?.detail).toEqual({ lrs: new URL(lrs.url).origin, result: 'sent', statements: expected.length });
    expect(JSON.stringify(event)).not.toContain(lrs.password);
  });

  it.each([
    ['wrong credentials', { LRS_ENDPOINT: () => lrs.url, LRS_USERNAME: 'goodwill', LRS_PASSWORD: 'wrong-password' }, /answered 401/],
    ['an LRS that is down', { LRS_ENDPOINT: () => 'http://127.0.0.1:9/xapi', LRS_USERNAME: 'goodwill', LRS_PASSWORD: 'x' }, /could not be reached/],
    ['half the credentials', { LRS_ENDPOINT: () => lrs.url, LRS_USERNAME: 'goodwill', LRS_PASSWORD: undefined }, /both LRS_USERNAME and LRS_PASSWORD/],
    ['an endpoint that is not http(s)', { LRS_ENDPOINT: () => 'ftp://lrs.example/xapi', LRS_USERNAME: 'goodwill', LRS_PASSWORD: 'x' }, /LRS_ENDPOINT/],
  ])('reports %s without revealing the password', async (_, env, reason) => {
    configure({ ORIGIN, LRS_ENDPOINT: env.LRS_ENDPOINT(), LRS_USERNAME: env.LRS_USERNAME, LRS_PASSWORD: env.LRS_PASSWORD });
    const result = await sendStatements(learner.id);
    expect(result).toMatchObject({ type: 'failed', reason: expect.stringMatching(reason) });
    expect(JSON.stringify(result)).not.toMatch(/wrong-password|s3cret/);
  });

  it('refuses a learner that does not exist and a person who is not a learner', async () => {
    configure({ ORIGIN, LRS_ENDPOINT: lrs.url, LRS_USERNAME: 'goodwill', LRS_PASSWORD: lrs.password });
    expect(await sendStatements('no-such-person')).toEqual({ type: 'not-found' });
    expect(await sendStatements('user-assessor')).toEqual({ type: 'not-found' });
  });

  it('lrsConfig builds the statements URL and the basic-auth header', () => {
    expect(lrsConfig({})).toBeNull();
    expect(lrsConfig({ LRS_ENDPOINT: 'https://lrs.example/xapi/', LRS_USERNAME: 'k', LRS_PASSWORD: 's' })).toEqual({ endpoint: 'https://lrs.example/xapi/statements', authorization: `Basic ${Buffer.from('k:s').toString('base64')}` });
  });
});
