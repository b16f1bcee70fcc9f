import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { assessorAssignment, evidenceItem, evidenceVersion, organisation, user as userTable } from '../../../../db/schema';
import { awaitingAssessment } from '../../domain/evidence-workflow';
import { db } from '../db';

/** The assessor's queue: submissions from their assigned learners, the longest-waiting first. */
export async function assessorQueue(assessorId: string) {
  return (await db())
    .select({
      id: evidenceItem.id,
      title: evidenceItem.title,
      kind: evidenceItem.kind,
      status: evidenceItem.status,
      version: evidenceItem.currentVersion,
      submittedAt: evidenceItem.submittedAt,
      learnerId: evidenceItem.learnerId,
      learnerName: userTable.name,
      shop: organisation.name,
      claims: evidenceVersion.claims,
    })
    .from(assessorAssignment)
    .innerJoin(evidenceItem, eq(evidenceItem.learnerId, assessorAssignment.learnerId))
    .innerJoin(evidenceVersion, and(eq(evidenceVersion.evidenceId, evidenceItem.id), eq(evidenceVersion.version, evidenceItem.currentVersion)))
    .innerJoin(userTable, eq(userTable.id, evidenceItem.learnerId))
    .leftJoin(organisation, eq(organisation.id, userTable.organisationId))
    .where(and(eq(assessorAssignment.assessorId, assessorId), inArray(evidenceItem.status, [...awaitingAssessment])))
    .orderBy(asc(evidenceItem.submittedAt));
}

/** A learner's evidence items with their current claims, newest first. */
export async function learnerEvidence(learnerId: string) {
  return (await db())
    .select({ item: evidenceItem, claims: evidenceVersion.claims })
    .from(evidenceItem)
    .innerJoin(evidenceVersion, and(eq(evidenceVersion.evidenceId, evidenceItem.id), eq(evidenceVersion.version, evidenceItem.currentVersion)))
    .where(eq(evidenceItem.learnerId, learnerId))
    .orderBy(desc(evidenceItem.updatedAt));
}

export async function evidenceWithVersions(evidenceId: string) {
  const d = await db();
  const [item] = await d.select().from(evidenceItem).where(eq(evidenceItem.id, evidenceId));
  if (!item) return null;
  const versions = await d.select().from(evidenceVersion).where(eq(evidenceVersion.evidenceId, evidenceId)).orderBy(desc(evidenceVersion.version));
  return { item, versions };
}
