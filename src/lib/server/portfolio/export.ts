import { asc, eq, inArray } from 'drizzle-orm';
import { evidenceVersion, user as userTable } from '../../../../db/schema';
import { criteria } from '../../domain/criteria';
import { db } from '../db';
import { portfolioByCriterion } from './view';

/**
 * The whole portfolio as plain data for another system: criteria with their state and decisions,
 * every evidence item with every version. Dates are ISO 8601 in UTC.
 */
export async function portfolioExport(learnerId: string) {
  const d = await db();
  const [learner] = await d.select({ id: userTable.id, name: userTable.name, email: userTable.email }).from(userTable).where(eq(userTable.id, learnerId));
  const { entries, items, signOff } = await portfolioByCriterion(learnerId);
  const ids = items.map((i) => i.item.id);
  const versions = ids.length ? await d.select().from(evidenceVersion).where(inArray(evidenceVersion.evidenceId, ids)).orderBy(asc(evidenceVersion.version)) : [];
  return {
    format: 'goodwill-portfolio/1',
    unit: { code: 'SSR.D002', title: 'Develop effective relationships with customers within your retail business' },
    learner,
    signOff: signOff ? { assessorId: signOff.assessorId, signedAt: signOff.signedAt.toISOString(), declaration: signOff.declaration } : null,
    criteria: entries.map((e) => ({
      id: e.id,
      title: criteria.find((c) => c.id === e.id)?.title,
      state: e.state,
      decisions: e.decisions.map((x) => ({ evidenceId: x.evidenceId, version: x.version, outcome: x.outcome, feedback: x.feedback, assessor: x.assessorName, decidedAt: x.decidedAt.toISOString(), reopenedBySample: x.disagreed })),
    })),
    evidence: items.map((i) => ({
      id: i.item.id,
      kind: i.item.kind,
      title: i.item.title,
      status: i.item.status,
      versions: versions
        .filter((v) => v.evidenceId === i.item.id)
        .map((v) => ({ version: v.version, claims: v.claims, submittedAt: v.submittedAt.toISOString(), declaredOwnWork: v.declaredOwnWork, content: v.snapshot })),
    })),
  };
}
