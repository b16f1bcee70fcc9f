/**
 * Per-person query latency at scale, straight through the service functions the pages call (no HTTP,
 * no rendering): each is timed across many different people, after a warm-up, on the benchmark's
 * database opened exactly as the app opens it (db/client.ts: WAL, one connection, the statement queue).
 */
import { DEMO_ORG } from '../../db/seed';
import { assignedLearners, listUsers } from '../../src/lib/server/accounts/accounts';
import { database } from '../../src/lib/server/db';
import { shopLevels } from '../../src/lib/server/management/authority-levels';
import { shopCompetence } from '../../src/lib/server/management/competence';
import { shopReadiness } from '../../src/lib/server/management/readiness';
import { FLAGGED_ON_HOME, homeFigures, managerHome } from '../../src/lib/server/management/home';
import { latestFlagged, reportingFigures } from '../../src/lib/server/management/register';
import { unreadCount } from '../../src/lib/server/notifications';
import { assessorQueuePage, learnerEvidence } from '../../src/lib/server/portfolio/queue';
import { sampleCandidates, samplingRates } from '../../src/lib/server/portfolio/sampling';
import { evidenceStates } from '../../src/lib/server/portfolio/states';
import { portfolioByCriterion } from '../../src/lib/server/portfolio/view';
import { learnerFacts } from '../../src/lib/server/progress';
import type { Scale } from './scale';
import { time, type Timing } from './stats';

export interface LatencyRow {
  name: string;
  /** p95 target in milliseconds. */
  target: number;
  timing: Timing;
  /** What one call returns, so a fast figure cannot hide an empty result. */
  size: string;
}

/** Per-person targets from the performance issue. */
export const PER_PERSON_MS = 5;
export const MANAGER_HOME_MS = 50;

async function ids(sql: string): Promise<string[]> {
  const rows = (await database().client.execute(sql)).rows;
  return rows.map((r) => String(r.id));
}

export async function serviceLatency(scale: Scale, now: Date): Promise<LatencyRow[]> {
  // Many people, drawn across the whole organisation; the demo learner and assessor among them.
  const learners = ['user-learner', ...(await ids("SELECT id FROM user WHERE role = 'learner' ORDER BY random() LIMIT 199"))];
  const assessors = ['user-assessor', ...(await ids("SELECT id FROM user WHERE role = 'assessor' AND id <> 'user-assessor' ORDER BY random() LIMIT 199"))];
  const shopStaff = (await listUsers({ organisationId: DEMO_ORG.id, role: 'learner' })).map((u) => u.id);
  const manager = { id: 'user-manager', organisationId: DEMO_ORG.id };
  const learner = (i: number) => learners[i % learners.length]!;
  const assessor = (i: number) => assessors[i % assessors.length]!;
  const org = () => DEMO_ORG.id;
  const runs = scale.runs;

  const rows: LatencyRow[] = [];
  const add = async <A>(name: string, target: number, fn: (a: A) => Promise<unknown>, arg: (i: number) => A, size: () => Promise<string>, n = runs) => {
    // Whole-shop calls take tens of milliseconds or more: a few warm-up calls are enough for them.
    rows.push({ name, target, timing: await time(fn, arg, n, n === runs ? undefined : 3), size: await size() });
  };
  const count = (xs: { length: number }) => String(xs.length);

  const waiting = async () => {
    const page = await assessorQueuePage('user-assessor');
    return `${count(page.items)} of ${page.waiting} waiting (demo assessor)`;
  };
  await add('assessorQueuePage (assessor)', PER_PERSON_MS, (id: string) => assessorQueuePage(id), assessor, waiting);
  await add('assignedLearners (assessor)', PER_PERSON_MS, assignedLearners, assessor, async () => `${count(await assignedLearners('user-assessor'))} learners (demo assessor)`);
  await add('evidenceStates (1 learner)', PER_PERSON_MS, (id: string) => evidenceStates([id]), learner, async () => '17 criteria');
  await add('learnerFacts (learner)', PER_PERSON_MS, learnerFacts, learner, async () => '17 criteria');
  await add('learnerEvidence (learner)', PER_PERSON_MS, learnerEvidence, learner, async () => `${count(await learnerEvidence('user-learner'))} items (demo learner)`);
  await add('portfolioByCriterion (learner)', PER_PERSON_MS, portfolioByCriterion, learner, async () => {
    const p = await portfolioByCriterion('user-learner');
    return `${p.items.length} items, ${p.entries.reduce((s, e) => s + e.decisions.length, 0)} decisions (demo learner)`;
  });
  await add('unreadCount (person)', PER_PERSON_MS, unreadCount, learner, async () => '1 number');
  // The lead assessor's sampling page: every assessor's counts, and the newest decisions not yet sampled.
  await add('sampling page: samplingRates (platform)', PER_PERSON_MS, samplingRates, () => undefined, async () => {
    const rates = await samplingRates();
    return `${rates.length} assessors, ${rates.reduce((n, r) => n + r.decisions, 0)} decisions`;
  });
  await add('sampling page: sampleCandidates (lead)', PER_PERSON_MS, sampleCandidates, () => 'user-assessor', async () => `${count(await sampleCandidates('user-assessor'))} decisions`);

  // The manager's home, part by part, for the demo shop: the biggest shop, `demoShopLearners` people.
  const people = `${shopStaff.length} people`;
  await add('home: shopReadiness (shop)', PER_PERSON_MS, (o: string) => shopReadiness(o, now), org, async () => `${count(await shopReadiness(DEMO_ORG.id, now))} people`, scale.homeRuns);
  await add('home:   shopLevels (shop)', PER_PERSON_MS, (o: string) => shopLevels(o, now), org, async () => `${count(await shopLevels(DEMO_ORG.id, now))} levels`);
  await add('home: homeFigures (counts, reporting, open reviews)', PER_PERSON_MS, homeFigures, () => manager, async () => {
    const f = await homeFigures(manager);
    return `${f.reporting.count} terms, ${f.flagged} flagged, ${f.reviews.length} open reviews, ${f.unread} unread`;
  });
  await add('home: latestFlagged (shop)', PER_PERSON_MS, (o: string) => latestFlagged(o, FLAGGED_ON_HOME), org, async () => `${count(await latestFlagged(DEMO_ORG.id, FLAGGED_ON_HOME))} entries`);
  // Not on the home, which reads these figures in homeFigures' one statement: the register page's.
  await add('register page: reportingFigures (shop)', PER_PERSON_MS, reportingFigures, org, async () => `${(await reportingFigures(DEMO_ORG.id)).count} terms`);
  // Not on the home: the competence matrix and the authority page read every person's states and grant.
  await add('matrix: shopCompetence (shop)', PER_PERSON_MS, (o: string) => shopCompetence(o, now), org, async () => people, scale.homeRuns);
  await add('matrix:   evidenceStates (shop)', PER_PERSON_MS, () => evidenceStates(shopStaff), org, async () => `${people} × 17 criteria`, scale.homeRuns);
  await add('managerHome (whole, 1 shop)', MANAGER_HOME_MS, (m: typeof manager) => managerHome(m, now), () => manager, async () => people, scale.homeRuns);
  return rows;
}
