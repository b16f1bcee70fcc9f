/**
 * The people of the synthetic organisation, around the demo organisation that db/seed.ts has already
 * made: shops with a manager each, learners spread over them (the demo shop grown to the size the
 * manager's home is measured at), assessors with even caseloads (the demo assessor's included), and the
 * small per-person records: modules read, knowledge checks, notifications, authority held.
 */
import { randomUUID } from 'node:crypto';
import { assessorAssignment, authorityAcknowledgement, authorityGrant, authorityLevel, checkAttempt, moduleRead, notification, organisation, user } from '../../db/schema';
import { DEMO_ORG, OTHER_ORG } from '../../db/seed';
import { defaultAuthorityLevels } from '../../src/lib/domain/authority';
import { criterionIds } from '../../src/lib/domain/criteria';
import { brandImages, type Role } from '../../src/lib/domain/roles';
import { defaultLevelId, defaultLevelRows } from '../../src/lib/server/management/default-levels';
import type { BulkLoader, Row } from './bulk';
import { personName, type Random } from './random';
import type { Scale } from './scale';

export const DAY = 86_400_000;

export interface Learner {
  id: string;
  shop: string;
  assessor: string;
}

export interface People {
  /** The demo shop first, then the second demo shop, then the synthetic ones. */
  shops: string[];
  /** The demo learners first. */
  learners: Learner[];
  managerOf: Map<string, string>;
  assessors: string[];
}

/** The demo learners and who assesses them, as db/seed.ts made them. */
const DEMO_LEARNERS: readonly Learner[] = [
  { id: 'user-learner', shop: DEMO_ORG.id, assessor: 'user-assessor' },
  { id: 'user-learner2', shop: DEMO_ORG.id, assessor: 'user-assessor' },
  { id: 'user-learner3', shop: DEMO_ORG.id, assessor: 'user-assessor' },
  { id: 'user-quayside-learner', shop: OTHER_ORG.id, assessor: 'user-assessor2' },
];

export async function loadPeople(loader: BulkLoader, scale: Scale, now: Date, r: Random, passwordHash: string): Promise<People> {
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY);
  const shops: string[] = [DEMO_ORG.id, OTHER_ORG.id];
  const orgRows: Row<typeof organisation>[] = [];
  for (let i = shops.length + 1; i <= scale.shops; i++) {
    const id = `bench-shop-${String(i).padStart(4, '0')}`;
    shops.push(id);
    orgRows.push({ id, name: `Bench Shop ${i}`, brandImage: r.pick(brandImages), createdAt: at(scale.days + 30) });
  }
  await loader.insert(organisation, orgRows);

  // Every synthetic account shares the demo password's hash: any of them can sign in when exploring.
  const users: Row<typeof user>[] = [];
  const perRole = new Map<Role, number>();
  const newUser = (role: Role, organisationId: string | null): string => {
    const n = (perRole.get(role) ?? 0) + 1;
    perRole.set(role, n);
    const id = randomUUID();
    users.push({ id, email: `${role}-${n}@bench.goodwill.test`, name: personName(r), passwordHash, role, organisationId, isLeadAssessor: false, disabledAt: null, createdAt: at(scale.days + 20) });
    return id;
  };
  const managerOf = new Map<string, string>([
    [DEMO_ORG.id, 'user-manager'],
    [OTHER_ORG.id, 'user-quayside-manager'],
  ]);
  for (const shop of shops.slice(2)) managerOf.set(shop, newUser('manager', shop));
  const assessors = ['user-assessor', 'user-assessor2'];
  while (assessors.length < scale.assessors) assessors.push(newUser('assessor', null));

  const learners = [...DEMO_LEARNERS];
  const demoShopExtra = scale.demoShopLearners - 3;
  for (let i = 0; learners.length < scale.learners; i++) {
    const shop = i < demoShopExtra ? DEMO_ORG.id : shops[1 + ((i - demoShopExtra) % (shops.length - 1))]!;
    learners.push({ id: newUser('learner', shop), shop, assessor: assessors[i % assessors.length]! });
  }
  await loader.insert(user, users);
  await loader.insert(
    assessorAssignment,
    learners.slice(DEMO_LEARNERS.length).map((l) => ({ assessorId: l.assessor, learnerId: l.id, createdAt: at(scale.days) })),
  );

  await loadAuthority(loader, shops, learners, managerOf, at, r);
  await loadLearning(loader, learners, at, scale, r);
  await loadNotifications(loader, learners, managerOf, at, scale, r);
  return { shops, learners, managerOf, assessors };
}

/** The default ladder in every shop (the demo shop has it already); four in ten learners hold a level. */
async function loadAuthority(loader: BulkLoader, shops: string[], learners: Learner[], managerOf: Map<string, string>, at: (d: number) => Date, r: Random): Promise<void> {
  await loader.insert(authorityLevel, shops.slice(1).flatMap((shop) => defaultLevelRows(shop, at(400)).map((l) => ({ ...l, archivedAt: null }))));
  const grants: Row<typeof authorityGrant>[] = [];
  const acks: Row<typeof authorityAcknowledgement>[] = [];
  for (const l of learners.slice(1)) {
    if (!r.chance(0.4)) continue;
    const base = r.pick(defaultAuthorityLevels.slice(1, 3));
    const level = { ...base, id: defaultLevelId(l.shop, base.id) };
    const id = randomUUID();
    const grantedAt = at(r.int(10, 300));
    grants.push({ id, organisationId: l.shop, staffId: l.id, kind: 'grant', levelId: level.id, levelSnapshot: { ...level }, reason: null, grantedBy: managerOf.get(l.shop)!, grantedAt });
    if (r.chance(0.8)) acks.push({ grantId: id, staffId: l.id, acknowledgedAt: new Date(grantedAt.getTime() + DAY) });
  }
  await loader.insert(authorityGrant, grants);
  await loader.insert(authorityAcknowledgement, acks);
}

/** Modules read and knowledge-check attempts (the first demo learner's few are seeded already). */
async function loadLearning(loader: BulkLoader, learners: Learner[], at: (d: number) => Date, scale: Scale, r: Random): Promise<void> {
  const reads: Row<typeof moduleRead>[] = [];
  const checks: Row<typeof checkAttempt>[] = [];
  for (const l of learners.slice(1)) {
    for (const criterion of r.sample(criterionIds, r.int(0, criterionIds.length))) reads.push({ userId: l.id, criterion, readAt: at(r.int(1, scale.days)) });
    for (let i = r.int(0, 8); i > 0; i--) {
      const passed = r.chance(0.7);
      const startedAt = at(r.int(1, scale.days));
      checks.push({ id: randomUUID(), userId: l.id, criterion: r.pick(criterionIds), questionIds: ['q1', 'q2', 'q3', 'q4', 'q5'], answers: { q1: ['a'], q2: ['b'] }, score: passed ? r.int(80, 100) : r.int(20, 79), passed, startedAt, submittedAt: new Date(startedAt.getTime() + 600_000) });
    }
    if (reads.length > 10_000) await loader.insert(moduleRead, reads.splice(0));
    if (checks.length > 10_000) await loader.insert(checkAttempt, checks.splice(0));
  }
  await loader.insert(moduleRead, reads);
  await loader.insert(checkAttempt, checks);
}

/** Ten notifications per person, the newest two unread, so the unread count has history to skip. */
async function loadNotifications(loader: BulkLoader, learners: Learner[], managerOf: Map<string, string>, at: (d: number) => Date, scale: Scale, r: Random): Promise<void> {
  const rows: Row<typeof notification>[] = [];
  const people = [...learners.map((l) => l.id), ...managerOf.values()];
  for (const userId of people) {
    for (let i = 10; i > 0; i--) {
      const createdAt = at((i * scale.days) / 12 + r.int(0, 5));
      rows.push({ id: randomUUID(), userId, text: 'P3 on “Handling a price objection”: met. Read your assessor’s feedback.', link: '/learn/portfolio', createdAt, readAt: i > 2 ? new Date(createdAt.getTime() + DAY) : null });
    }
    if (rows.length > 10_000) await loader.insert(notification, rows.splice(0));
  }
  await loader.insert(notification, rows);
}
