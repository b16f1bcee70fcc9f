/**
 * A learner's xAPI statements (built by lib/domain/xapi.ts from their records) and sending them to a
 * Learning Record Store when one is configured: LRS_ENDPOINT (the xAPI base URL, e.g.
 * https://lrs.example.com/xapi/), LRS_USERNAME and LRS_PASSWORD (HTTP basic auth).
 */
import { and, eq, isNotNull } from 'drizzle-orm';
import { z } from 'zod';
import { checkAttempt, decision, evidenceItem, evidenceVersion, moduleRead, scenarioAttempt, signOff, user as userTable } from '../../../db/schema';
import { buildStatements, XAPI_VERSION, type XapiRecord, type XapiStatement } from '../domain/xapi';
import { audit } from './audit';
import { db } from './db';

/** Statements per POST: small enough for any LRS's request limit. */
const BATCH = 50;
const TIMEOUT_MS = 15_000;

/**
 * The origin every statement and activity id is made under. ORIGIN (the public origin) wins, so that
 * ids stay the same whichever host name a request came in on; otherwise the request's own origin.
 */
export function platformOrigin(requestOrigin?: string): string {
  return (process.env.ORIGIN ?? requestOrigin ?? `http://${process.env.HOST ?? 'localhost'}:${process.env.PORT ?? 4321}`).replace(/\/+$/, '');
}

const lrsEnvSchema = z
  .object({
    /** The LRS's xAPI base URL; statements go to `<endpoint>/statements`. */
    LRS_ENDPOINT: z.url({ protocol: /^https?$/ }),
    /** Basic-auth key (user name) the LRS issued to Goodwill. */
    LRS_USERNAME: z.string().min(1).optional(),
    /** Basic-auth secret; never logged or shown. */
    LRS_PASSWORD: z.string().min(1).optional(),
  })
  .refine((e) => (e.LRS_USERNAME === undefined) === (e.LRS_PASSWORD === undefined), { message: 'Set both LRS_USERNAME and LRS_PASSWORD, or neither.' });

export type LrsConfig = { endpoint: string; authorization: string | null };

/** The LRS configuration, null when none is set; throws (without echoing secrets) when it is malformed. */
export function lrsConfig(env: Record<string, string | undefined> = process.env): LrsConfig | null {
  if (!env.LRS_ENDPOINT) return null;
  const parsed = lrsEnvSchema.safeParse({ LRS_ENDPOINT: env.LRS_ENDPOINT, LRS_USERNAME: env.LRS_USERNAME || undefined, LRS_PASSWORD: env.LRS_PASSWORD || undefined });
  if (!parsed.success) throw new Error(`The LRS settings are invalid: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'LRS'}: ${i.message}`).join('; ')}`);
  const { LRS_ENDPOINT, LRS_USERNAME, LRS_PASSWORD } = parsed.data;
  return {
    endpoint: `${LRS_ENDPOINT.replace(/\/+$/, '')}/statements`,
    authorization: LRS_USERNAME && LRS_PASSWORD ? `Basic ${Buffer.from(`${LRS_USERNAME}:${LRS_PASSWORD}`).toString('base64')}` : null,
  };
}

/** The records that make statements. Only records that will not change again are included. */
export async function xapiRecords(learnerId: string): Promise<XapiRecord[]> {
  const d = await db();
  const [reads, checks, scenarios, reflections, decisions, signed] = await Promise.all([
    d.select().from(moduleRead).where(eq(moduleRead.userId, learnerId)),
    d.select().from(checkAttempt).where(and(eq(checkAttempt.userId, learnerId), eq(checkAttempt.passed, true), isNotNull(checkAttempt.submittedAt))),
    d.select().from(scenarioAttempt).where(and(eq(scenarioAttempt.userId, learnerId), isNotNull(scenarioAttempt.endedAt))),
    d
      .select({ id: evidenceItem.id, title: evidenceItem.title, version: evidenceVersion.version, claims: evidenceVersion.claims, submittedAt: evidenceVersion.submittedAt })
      .from(evidenceItem)
      .innerJoin(evidenceVersion, eq(evidenceVersion.evidenceId, evidenceItem.id))
      .where(and(eq(evidenceItem.learnerId, learnerId), eq(evidenceItem.kind, 'reflection'))),
    d.select().from(decision).where(eq(decision.learnerId, learnerId)),
    d.select().from(signOff).where(eq(signOff.learnerId, learnerId)),
  ]);
  return [
    ...reads.map((r): XapiRecord => ({ type: 'module-read', criterion: r.criterion, at: r.readAt })),
    ...checks.map((c): XapiRecord => ({ type: 'check-passed', attemptId: c.id, criterion: c.criterion, percent: c.score ?? 0, at: c.submittedAt! })),
    ...scenarios.map((s): XapiRecord => ({ type: 'scenario-attempted', attemptId: s.id, scenarioId: s.scenarioId, outcome: s.outcome, at: s.endedAt! })),
    ...reflections.map((r): XapiRecord => ({ type: 'reflection-submitted', evidenceId: r.id, version: r.version, title: r.title, claims: r.claims, at: r.submittedAt })),
    ...decisions.map((x): XapiRecord => ({ type: 'criterion-decided', decisionId: x.id, evidenceId: x.evidenceId, criterion: x.criterion, outcome: x.outcome, assessorId: x.assessorId, at: x.decidedAt })),
    ...signed.map((s): XapiRecord => ({ type: 'unit-signed-off', assessorId: s.assessorId, at: s.signedAt })),
  ];
}

export async function statementsFor(learnerId: string, origin: string): Promise<XapiStatement[]> {
  return buildStatements(await xapiRecords(learnerId), { origin, learnerId });
}

export type SendResult =
  | { type: 'sent'; statements: number; batches: number }
  | { type: 'not-configured' }
  | { type: 'not-found' }
  | { type: 'failed'; reason: string; sentBefore: number };

/**
 * Sends every statement of a learner to the LRS. Statement ids are derived from the records, so sending
 * again (after a failure, or to catch up) stores nothing twice. `actorId` is audited when given.
 */
export async function sendStatements(learnerId: string, options: { origin?: string; actorId?: string; now?: Date } = {}): Promise<SendResult> {
  let config: LrsConfig | null;
  try {
    config = lrsConfig();
  } catch (error) {
    return { type: 'failed', reason: (error as Error).message, sentBefore: 0 };
  }
  if (!config) return { type: 'not-configured' };
  const [learner] = await (await db()).select({ role: userTable.role }).from(userTable).where(eq(userTable.id, learnerId));
  if (learner?.role !== 'learner') return { type: 'not-found' };

  const statements = await statementsFor(learnerId, platformOrigin(options.origin));
  let sent = 0;
  let batches = 0;
  let result: SendResult | null = null;
  for (let i = 0; i < statements.length && !result; i += BATCH) {
    const batch = statements.slice(i, i + BATCH);
    try {
      const response = await fetch(config.endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-experience-api-version': XAPI_VERSION, ...(config.authorization ? { authorization: config.authorization } : {}) },
        body: JSON.stringify(batch),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      const text = await response.text();
      if (!response.ok) result = { type: 'failed', reason: `The LRS answered ${response.status}${text ? `: ${text.slice(0, 200)}` : ''}`, sentBefore: sent };
      else {
        sent += batch.length;
        batches++;
      }
    } catch (error) {
      result = { type: 'failed', reason: `The LRS could not be reached: ${(error as Error).message}`, sentBefore: sent };
    }
  }
  result ??= { type: 'sent', statements: sent, batches };
  if (options.actorId) {
    // Where the statements went is recorded as the endpoint's origin only: never the credentials.
    await audit({ actorId: options.actorId, action: 'xapi-sent', subjectId: learnerId, detail: { lrs: new URL(config.endpoint).origin, result: result.type, statements: result.type === 'sent' ? result.statements : result.type === 'failed' ? result.sentBefore : 0 } }, options.now ?? new Date());
  }
  return result;
}
