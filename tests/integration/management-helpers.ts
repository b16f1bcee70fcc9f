/**
 * Shared set-up for the management suites: people as the session sees them, fresh learners, and met
 * criteria written the way the portfolio records them (an assessed evidence item with "met" decisions),
 * so authority rules are tested against real evidence states rather than a stub.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { decision, evidenceItem, evidenceVersion, user as userTable } from '../../db/schema';
import type { SessionUser } from '../../src/lib/server/auth/session';
import { db } from '../../src/lib/server/db';
import { refreshEvidenceStates } from '../../src/lib/server/portfolio/states';

export const DEMO_ORG = 'org-harbour-street';
export const OTHER_ORG = 'org-quayside-trade';

export async function sessionUser(id: string): Promise<SessionUser> {
  const [u] = await (await db()).select().from(userTable).where(eq(userTable.id, id));
  if (!u) throw new Error(`no user ${id}`);
  return { id: u.id, email: u.email, name: u.name, role: u.role, organisationId: u.organisationId, isLeadAssessor: u.isLeadAssessor };
}

/** A new learner in a shop, with a unique name, as the session would see them. */
export async function newLearner(organisationId: string, name = 'Test Learner'): Promise<SessionUser> {
  const id = randomUUID();
  await (await db()).insert(userTable).values({ id, email: `${id}@test.example`, name: `${name} ${id.slice(0, 6)}`, passwordHash: 'x', role: 'learner', organisationId, createdAt: new Date('2026-01-01T00:00:00Z') });
  return sessionUser(id);
}

/** Records an assessed evidence item for the learner with a "met" decision on each criterion. */
export async function meetCriteria(learnerId: string, criteria: readonly string[], at: Date): Promise<void> {
  const d = await db();
  const evidenceId = randomUUID();
  await d.insert(evidenceItem).values({ id: evidenceId, learnerId, kind: 'reflection', title: 'Test evidence', createdBy: learnerId, status: 'assessed', currentVersion: 1, claims: [...criteria], createdAt: at, submittedAt: at, updatedAt: at });
  await d.insert(evidenceVersion).values({ evidenceId, version: 1, claims: [...criteria], snapshot: {}, declaredOwnWork: true, submittedBy: learnerId, submittedAt: at });
  for (const criterion of criteria) {
    await d.insert(decision).values({ id: randomUUID(), evidenceId, version: 1, learnerId, criterion, outcome: 'met', feedback: 'Clearly shown.', assessorId: 'user-assessor', decidedAt: at, follows: null });
  }
  // Written straight to the tables, so the stored states are refreshed as the services would.
  await refreshEvidenceStates(d, learnerId, at);
}

export const levelId = (organisationId: string, key: 'none' | 'basic' | 'standard' | 'senior') => `level-${organisationId}-${key}`;
