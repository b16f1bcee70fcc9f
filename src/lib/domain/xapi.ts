/**
 * xAPI 1.0.3 statements from a learner's records. Pure: plain records in, statements out.
 *
 * Choices, so that any LRS reads them the same way:
 * - Actor: an `account` whose homePage is the platform's origin and whose name is the learner's id.
 *   Not an email (mbox or its sha1): ids never change and reveal nothing, an email may change and is
 *   personal data we need not send. The learner's display name is left out for the same reason.
 * - Verbs: ADL's vocabulary (http://adlnet.gov/expapi/verbs/…) for completed, passed, failed and
 *   attempted. "Submitted" has no ADL verb; https://w3id.org/xapi/dod-isd/verbs/submitted is the one
 *   published on the ADL-run xAPI vocabulary server (w3id.org/xapi), so it resolves to a definition.
 * - An assessor's decision is a statement about the learner: passed (met) or failed (not yet met) the
 *   criterion, with the assessor as `context.instructor`. The sign-off is "passed" the unit.
 * - Activity ids live under `<origin>/xapi/activities/`; activity types are ADL's, and
 *   http://id.tincanapi.com/activitytype/essay (registry.tincanapi.com) for a written reflection.
 * - Statement ids are UUIDv5 of the record's own key, so re-sending a record gives the same id and the
 *   LRS stores it once. A statement is only made from a record that will not change afterwards
 *   (a finished scenario, a submitted version), because an LRS refuses a changed statement under an
 *   id it already holds.
 */
import { criterion as criterionOf, isCriterionId } from './criteria';
import { uuidV5 } from './stable-uuid';

export const XAPI_VERSION = '1.0.3';
export const UNIT_CODE = 'SSR.D002';
export const UNIT_TITLE = 'Develop effective relationships with customers within your retail business';

type LanguageMap = Record<string, string>;
const en = (text: string): LanguageMap => ({ 'en-GB': text });

export const verbs = {
  completed: { id: 'http://adlnet.gov/expapi/verbs/completed', display: en('completed') },
  passed: { id: 'http://adlnet.gov/expapi/verbs/passed', display: en('passed') },
  failed: { id: 'http://adlnet.gov/expapi/verbs/failed', display: en('failed') },
  attempted: { id: 'http://adlnet.gov/expapi/verbs/attempted', display: en('attempted') },
  submitted: { id: 'https://w3id.org/xapi/dod-isd/verbs/submitted', display: en('submitted') },
} as const;

export const activityTypes = {
  module: 'http://adlnet.gov/expapi/activities/module',
  assessment: 'http://adlnet.gov/expapi/activities/assessment',
  simulation: 'http://adlnet.gov/expapi/activities/simulation',
  essay: 'http://id.tincanapi.com/activitytype/essay',
  objective: 'http://adlnet.gov/expapi/activities/objective',
  course: 'http://adlnet.gov/expapi/activities/course',
} as const;

/** The learner's records that make statements; dates as stored. */
export type XapiRecord =
  | { type: 'module-read'; criterion: string; at: Date }
  | { type: 'check-passed'; attemptId: string; criterion: string; percent: number; at: Date }
  | { type: 'scenario-attempted'; attemptId: string; scenarioId: string; outcome: string | null; at: Date }
  | { type: 'reflection-submitted'; evidenceId: string; version: number; title: string; claims: string[]; at: Date }
  | { type: 'criterion-decided'; decisionId: string; evidenceId: string; criterion: string; outcome: 'met' | 'not-yet'; assessorId: string; at: Date }
  | { type: 'unit-signed-off'; assessorId: string; at: Date };

export interface Agent {
  objectType: 'Agent';
  account: { homePage: string; name: string };
}

export interface Activity {
  objectType: 'Activity';
  id: string;
  definition?: { type: string; name: LanguageMap };
}

export interface XapiStatement {
  id: string;
  actor: Agent;
  verb: { id: string; display: LanguageMap };
  object: Activity;
  result?: { success?: boolean; completion?: boolean; response?: string; score?: { scaled: number; raw: number; min: number; max: number } };
  context: {
    platform: string;
    language: string;
    instructor?: Agent;
    contextActivities: { parent?: Activity[]; grouping?: Activity[]; other?: Activity[] };
  };
  timestamp: string;
}

export interface StatementContext {
  /** The platform's public origin, e.g. https://goodwill.example.com (no trailing slash needed). */
  origin: string;
  learnerId: string;
}

const criterionName = (id: string) => (isCriterionId(id) ? `${id}: ${criterionOf(id).title}` : id);

/** The stable key of the record a statement is made from; its id is derived from it. */
export function recordKey(record: XapiRecord, learnerId: string): string {
  switch (record.type) {
    case 'module-read':
      return `module-read/${learnerId}/${record.criterion}`;
    case 'check-passed':
      return `check-attempt/${record.attemptId}`;
    case 'scenario-attempted':
      return `scenario-attempt/${record.attemptId}`;
    case 'reflection-submitted':
      return `evidence/${record.evidenceId}/v${record.version}`;
    case 'criterion-decided':
      return `decision/${record.decisionId}`;
    case 'unit-signed-off':
      return `sign-off/${learnerId}`;
    default: {
      const unreachable: never = record;
      return unreachable;
    }
  }
}

export function buildStatement(record: XapiRecord, ctx: StatementContext): XapiStatement {
  const origin = ctx.origin.replace(/\/+$/, '');
  const agent = (id: string): Agent => ({ objectType: 'Agent', account: { homePage: origin, name: id } });
  const activity = (path: string, type: string, name: string): Activity => ({ objectType: 'Activity', id: `${origin}/xapi/activities/${path}`, definition: { type, name: en(name) } });
  const unit = activity(`units/${UNIT_CODE}`, activityTypes.course, `${UNIT_CODE} ${UNIT_TITLE}`);
  const criterionActivity = (id: string) => activity(`criteria/${id}`, activityTypes.objective, criterionName(id));
  const statement = (verb: XapiStatement['verb'], object: Activity, at: Date, extra: { result?: XapiStatement['result']; instructor?: string; parent?: Activity[]; other?: Activity[] } = {}): XapiStatement => ({
    id: uuidV5(`${origin}/xapi/statements/${recordKey(record, ctx.learnerId)}`),
    actor: agent(ctx.learnerId),
    verb,
    object,
    ...(extra.result ? { result: extra.result } : {}),
    context: {
      platform: 'Goodwill',
      language: 'en-GB',
      ...(extra.instructor ? { instructor: agent(extra.instructor) } : {}),
      contextActivities: {
        ...(extra.parent ? { parent: extra.parent } : {}),
        // Everything belongs to the unit, except the unit's own sign-off.
        ...(object.id === unit.id ? {} : { grouping: [unit] }),
        ...(extra.other?.length ? { other: extra.other } : {}),
      },
    },
    timestamp: at.toISOString(),
  });

  switch (record.type) {
    case 'module-read':
      return statement(verbs.completed, activity(`modules/${record.criterion}`, activityTypes.module, `Module ${criterionName(record.criterion)}`), record.at, { result: { completion: true } });
    case 'check-passed':
      return statement(verbs.passed, activity(`checks/${record.criterion}`, activityTypes.assessment, `Knowledge check ${criterionName(record.criterion)}`), record.at, {
        result: { success: true, completion: true, score: { scaled: record.percent / 100, raw: record.percent, min: 0, max: 100 } },
      });
    case 'scenario-attempted':
      return statement(verbs.attempted, activity(`scenarios/${record.scenarioId}`, activityTypes.simulation, `Negotiation scenario ${record.scenarioId}`), record.at, {
        result: { completion: true, ...(record.outcome ? { response: record.outcome } : {}) },
      });
    case 'reflection-submitted':
      return statement(verbs.submitted, activity(`evidence/${record.evidenceId}`, activityTypes.essay, record.title), record.at, { other: record.claims.map(criterionActivity) });
    case 'criterion-decided':
      // The evidence is named by id only: its definition belongs to the statement that submitted it.
      return statement(record.outcome === 'met' ? verbs.passed : verbs.failed, criterionActivity(record.criterion), record.at, {
        result: { success: record.outcome === 'met' },
        instructor: record.assessorId,
        parent: [{ objectType: 'Activity', id: `${origin}/xapi/activities/evidence/${record.evidenceId}` }],
      });
    case 'unit-signed-off':
      return statement(verbs.passed, unit, record.at, { result: { success: true, completion: true }, instructor: record.assessorId });
    default: {
      const unreachable: never = record;
      return unreachable;
    }
  }
}

/** Every statement for a learner, oldest first (ties broken by id, so the order is stable). */
export function buildStatements(records: readonly XapiRecord[], ctx: StatementContext): XapiStatement[] {
  return records
    .map((r) => buildStatement(r, ctx))
    .sort((a, b) => (a.timestamp === b.timestamp ? a.id.localeCompare(b.id) : a.timestamp < b.timestamp ? -1 : 1));
}
