import { describe, expect, it } from 'vitest';
import { uuidV5 } from '../../src/lib/domain/stable-uuid';
import { buildStatement, buildStatements, recordKey, type XapiRecord } from '../../src/lib/domain/xapi';

const origin = 'https://goodwill.example';
const ctx = { origin, learnerId: 'learner-1' };
const at = new Date('2026-09-01T09:30:00+01:00');
const UUID_V5 = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const cases: { record: XapiRecord; verb: string; object: string; activityType?: string; result?: unknown }[] = [
  { record: { type: 'module-read', criterion: 'P3', at }, verb: 'http://adlnet.gov/expapi/verbs/completed', object: `${origin}/xapi/activities/modules/P3`, activityType: 'http://adlnet.gov/expapi/activities/module', result: { completion: true } },
  {
    record: { type: 'check-passed', attemptId: 'c1', criterion: 'K4', percent: 80, at },
    verb: 'http://adlnet.gov/expapi/verbs/passed',
    object: `${origin}/xapi/activities/checks/K4`,
    activityType: 'http://adlnet.gov/expapi/activities/assessment',
    result: { success: true, completion: true, score: { scaled: 0.8, raw: 80, min: 0, max: 100 } },
  },
  { record: { type: 'scenario-attempted', attemptId: 's1', scenarioId: 'trade-quote', outcome: 'deal', at }, verb: 'http://adlnet.gov/expapi/verbs/attempted', object: `${origin}/xapi/activities/scenarios/trade-quote`, activityType: 'http://adlnet.gov/expapi/activities/simulation', result: { completion: true, response: 'deal' } },
  { record: { type: 'reflection-submitted', evidenceId: 'e1', version: 2, title: 'The cheaper quote', claims: ['P3', 'K3'], at }, verb: 'https://w3id.org/xapi/dod-isd/verbs/submitted', object: `${origin}/xapi/activities/evidence/e1`, activityType: 'http://id.tincanapi.com/activitytype/essay' },
  { record: { type: 'criterion-decided', decisionId: 'd1', evidenceId: 'e1', criterion: 'P3', outcome: 'met', assessorId: 'assessor-1', at }, verb: 'http://adlnet.gov/expapi/verbs/passed', object: `${origin}/xapi/activities/criteria/P3`, activityType: 'http://adlnet.gov/expapi/activities/objective', result: { success: true } },
  { record: { type: 'criterion-decided', decisionId: 'd2', evidenceId: 'e1', criterion: 'P4', outcome: 'not-yet', assessorId: 'assessor-1', at }, verb: 'http://adlnet.gov/expapi/verbs/failed', object: `${origin}/xapi/activities/criteria/P4`, result: { success: false } },
  { record: { type: 'unit-signed-off', assessorId: 'assessor-1', at }, verb: 'http://adlnet.gov/expapi/verbs/passed', object: `${origin}/xapi/activities/units/SSR.D002`, activityType: 'http://adlnet.gov/expapi/activities/course', result: { success: true, completion: true } },
];

describe.each(cases)('$record.type → $verb', ({ record, verb, object, activityType, result }) => {
  const s = buildStatement(record, ctx);

  it('has the verb, the object under the origin, the result and a UTC timestamp', () => {
    expect(s.verb.id).toBe(verb);
    expect(s.verb.display['en-GB']).toBeTruthy();
    expect(s.object.id).toBe(object);
    if (activityType) expect(s.object.definition?.type).toBe(activityType);
    expect(s.result).toEqual(result);
    expect(s.timestamp).toBe('2026-09-01T08:30:00.000Z');
  });

  it('is about the learner, by account, and carries no email', () => {
    expect(s.actor).toEqual({ objectType: 'Agent', account: { homePage: origin, name: 'learner-1' } });
    expect(JSON.stringify(s)).not.toMatch(/mbox|mailto|@/);
  });

  it('has a UUIDv5 id derived from the record alone', () => {
    expect(s.id).toMatch(UUID_V5);
    expect(s.id).toBe(uuidV5(`${origin}/xapi/statements/${recordKey(record, 'learner-1')}`));
    expect(buildStatement(structuredClone(record), { ...ctx, origin: `${origin}/` })).toEqual(s);
  });
});

describe('statement ids', () => {
  it('differ between records, learners and origins', () => {
    const ids = cases.map((c) => buildStatement(c.record, ctx).id);
    expect(new Set(ids).size).toBe(ids.length);
    const read = cases[0]!.record;
    expect(buildStatement(read, { ...ctx, learnerId: 'learner-2' }).id).not.toBe(buildStatement(read, ctx).id);
    expect(buildStatement(read, { ...ctx, origin: 'https://other.example' }).id).not.toBe(buildStatement(read, ctx).id);
  });

  it('uuidV5 matches the RFC construction (Python uuid5(NAMESPACE_DNS, "python.org"))', () => {
    expect(uuidV5('python.org', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('886313e1-3b8a-5372-9b90-0c9aee199e5d');
  });
});

describe('context', () => {
  it('groups everything under the unit except the unit itself, and names the assessor as instructor', () => {
    const decided = buildStatement(cases[4]!.record, ctx);
    expect(decided.context.contextActivities.grouping?.map((a) => a.id)).toEqual([`${origin}/xapi/activities/units/SSR.D002`]);
    expect(decided.context.instructor).toEqual({ objectType: 'Agent', account: { homePage: origin, name: 'assessor-1' } });
    expect(decided.context.contextActivities.parent).toEqual([{ objectType: 'Activity', id: `${origin}/xapi/activities/evidence/e1` }]);
    const signed = buildStatement(cases[6]!.record, ctx);
    expect(signed.context.contextActivities.grouping).toBeUndefined();
    const submitted = buildStatement(cases[3]!.record, ctx);
    expect(submitted.context.contextActivities.other?.map((a) => a.id)).toEqual([`${origin}/xapi/activities/criteria/P3`, `${origin}/xapi/activities/criteria/K3`]);
  });

  it('survives a JSON round trip unchanged (no undefined members)', () => {
    for (const c of cases) {
      const s = buildStatement(c.record, ctx);
      expect(JSON.parse(JSON.stringify(s))).toEqual(s);
    }
  });
});

describe('buildStatements', () => {
  it('orders by time, then id', () => {
    const early = { type: 'module-read', criterion: 'P1', at: new Date('2026-01-01T00:00:00Z') } as const;
    const list = buildStatements([cases[1]!.record, early, cases[0]!.record], ctx);
    expect(list[0]!.object.id).toBe(`${origin}/xapi/activities/modules/P1`);
    expect(list.slice(1).map((s) => s.id)).toEqual([buildStatement(cases[1]!.record, ctx).id, buildStatement(cases[0]!.record, ctx).id].sort());
  });
});
