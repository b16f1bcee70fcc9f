/**
 * The demo organisation of CONTRACTS §3, seeded into an empty database by `npm start`, and used by the
 * end-to-end tests. A second shop exists so that cross-shop boundaries can be seen and tested.
 */
import { count } from 'drizzle-orm';
import { hashPassword } from '../src/lib/server/auth/password';
import type { Role } from '../src/lib/domain/roles';
import { seedManagementDemo } from '../src/lib/server/management/demo-seed';
import { seedPortfolioDemo } from '../src/lib/server/portfolio/demo-seed';
import type { Database } from './client';
import { assessorAssignment, moduleRead, organisation, user } from './schema';

export const DEMO_PASSWORD = 'goodwill-demo-2026';

export const DEMO_ORG = { id: 'org-harbour-street', name: 'Harbour Street Home & Garden', brandImage: 'mid-market' } as const;
export const OTHER_ORG = { id: 'org-quayside-trade', name: 'Quayside Trade Supplies', brandImage: 'value' } as const;

export const demoAccounts: readonly { id: string; email: string; name: string; role: Role; organisationId: string | null; isLeadAssessor?: boolean }[] = [
  { id: 'user-learner', email: 'learner@demo.goodwill.test', name: 'Priya Shah', role: 'learner', organisationId: DEMO_ORG.id },
  { id: 'user-learner2', email: 'learner2@demo.goodwill.test', name: 'Tom Ellis', role: 'learner', organisationId: DEMO_ORG.id },
  { id: 'user-assessor', email: 'assessor@demo.goodwill.test', name: 'Grace Okafor', role: 'assessor', organisationId: null, isLeadAssessor: true },
  { id: 'user-manager', email: 'manager@demo.goodwill.test', name: 'Martin Hughes', role: 'manager', organisationId: DEMO_ORG.id },
  { id: 'user-admin', email: 'admin@demo.goodwill.test', name: 'Ada Brennan', role: 'admin', organisationId: null },
];

/** Accounts of the second shop: not advertised as demo sign-ins, present for boundaries. */
export const otherShopAccounts: readonly { id: string; email: string; name: string; role: Role; organisationId: string | null }[] = [
  { id: 'user-quayside-manager', email: 'manager@quayside.goodwill.test', name: 'Rhys Morgan', role: 'manager', organisationId: OTHER_ORG.id },
  { id: 'user-quayside-learner', email: 'learner@quayside.goodwill.test', name: 'Leah Price', role: 'learner', organisationId: OTHER_ORG.id },
  { id: 'user-assessor2', email: 'assessor2@demo.goodwill.test', name: 'Sam Patel', role: 'assessor', organisationId: null },
  { id: 'user-learner3', email: 'learner3@demo.goodwill.test', name: 'Jo Lane', role: 'learner', organisationId: DEMO_ORG.id },
];

export async function isEmpty(db: Database): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(organisation);
  return (row?.n ?? 0) === 0;
}

export async function seedDemo(db: Database, now: Date): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * 86_400_000);
  await db.transaction(async (tx) => {
    await tx.insert(organisation).values([
      { ...DEMO_ORG, createdAt: at(120) },
      { ...OTHER_ORG, createdAt: at(90) },
    ]);
    await tx.insert(user).values(
      [...demoAccounts, ...otherShopAccounts].map((a) => ({
        id: a.id,
        email: a.email,
        name: a.name,
        role: a.role,
        organisationId: a.organisationId,
        isLeadAssessor: 'isLeadAssessor' in a ? Boolean(a.isLeadAssessor) : false,
        passwordHash,
        createdAt: at(100),
      })),
    );
    await tx.insert(assessorAssignment).values([
      { assessorId: 'user-assessor', learnerId: 'user-learner', createdAt: at(60) },
      { assessorId: 'user-assessor', learnerId: 'user-learner2', createdAt: at(60) },
      { assessorId: 'user-assessor', learnerId: 'user-learner3', createdAt: at(60) },
      { assessorId: 'user-assessor2', learnerId: 'user-quayside-learner', createdAt: at(60) },
    ]);
    // The first learner is part-way through: several modules read.
    await tx.insert(moduleRead).values(
      (['P1', 'P2', 'K1', 'K2', 'K3'] as const).map((criterion, i) => ({ userId: 'user-learner', criterion, readAt: at(30 - i * 3) })),
    );
    // A reflection awaiting assessment and a check already judged met.
    await seedPortfolioDemo(tx, now);
    // Authority, the special-terms register, sales and satisfaction history, the calendar and the approach.
    await seedManagementDemo(tx, now);
  });
}
