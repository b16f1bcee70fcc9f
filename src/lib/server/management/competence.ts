/**
 * The competence matrix (P5, K5): each member of staff against the 17 criteria, from their assessed
 * evidence, and what that means for negotiating authority — which levels they qualify for, what they
 * still lack, and what they hold now.
 */
import { qualification, type AuthorityLevel } from '../../domain/authority';
import { criterionIds, type CriterionId } from '../../domain/criteria';
import type { EvidenceState } from '../../domain/progress';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { authorityAcknowledgement, authorityGrant, learnerEvidenceState, user as userTable } from '../../../../db/schema';
import { db } from '../db';
import { withStoredStates } from '../portfolio/states';
import { shopLevels, toDomainLevel } from './authority-levels';
import { currentGrantId, grantView, type GrantView } from './grants';

export interface LevelFit {
  level: AuthorityLevel;
  qualifies: boolean;
  missing: CriterionId[];
}

export interface StaffCompetence {
  id: string;
  name: string;
  states: Record<CriterionId, EvidenceState>;
  metCount: number;
  fits: LevelFit[];
  /** The highest-ranked level they qualify for, if any. */
  readyFor: AuthorityLevel | null;
  current: GrantView | null;
  /** Qualifies for a level above the one they hold. */
  readyForMore: boolean;
}

export interface MatrixFilter {
  criterion?: CriterionId;
  state?: EvidenceState;
  /** Only people who qualify for this level but do not hold it or anything above it. */
  readyForLevel?: string;
}

const noEvidence = () => Object.fromEntries(criterionIds.map((c) => [c, 'none'])) as Record<CriterionId, EvidenceState>;

/**
 * The shop's active staff (learners), by name, each with their stored evidence states and their current
 * grant and its acknowledgement, in one statement: the manager's home and the matrix read it per visit.
 */
async function shopStaff(organisationId: string) {
  return (await db())
    .select({ id: userTable.id, name: userTable.name, states: learnerEvidenceState.states, grant: authorityGrant, acknowledgedAt: authorityAcknowledgement.acknowledgedAt })
    .from(userTable)
    .leftJoin(learnerEvidenceState, eq(learnerEvidenceState.learnerId, userTable.id))
    .leftJoin(authorityGrant, eq(authorityGrant.id, currentGrantId(userTable.id)))
    .leftJoin(authorityAcknowledgement, eq(authorityAcknowledgement.grantId, authorityGrant.id))
    .where(and(eq(userTable.organisationId, organisationId), eq(userTable.role, 'learner'), isNull(userTable.disabledAt)))
    .orderBy(asc(userTable.name));
}

export async function shopCompetence(organisationId: string, now: Date): Promise<{ levels: AuthorityLevel[]; staff: StaffCompetence[] }> {
  const learners = await shopStaff(organisationId);
  const ids = learners.map((l) => l.id);
  const stored = new Map(learners.flatMap((l) => (l.states ? [[l.id, l.states] as const] : [])));
  const grants = new Map(learners.flatMap((l) => (l.grant ? [[l.id, grantView(l.grant, l.acknowledgedAt)] as const] : [])));
  const [states, levelRows] = await Promise.all([withStoredStates(stored, ids), shopLevels(organisationId, now)]);
  const levels = levelRows.map(toDomainLevel);
  const staff = learners.map((l): StaffCompetence => {
    const s = states.get(l.id) ?? noEvidence();
    const met = criterionIds.filter((c) => s[c] === 'met');
    const fits = levels.map((level) => ({ level, ...qualification(level, met) }));
    const readyFor = fits.filter((f) => f.qualifies).reduce<AuthorityLevel | null>((best, f) => (!best || f.level.rank > best.rank ? f.level : best), null);
    const current = grants.get(l.id) ?? null;
    const heldRank = current?.level?.rank ?? -1;
    return { id: l.id, name: l.name, states: s, metCount: met.length, fits, readyFor, current, readyForMore: readyFor !== null && readyFor.rank > heldRank && readyFor.rank > 0 };
  });
  return { levels, staff };
}

export function filterStaff(staff: readonly StaffCompetence[], levels: readonly AuthorityLevel[], filter: MatrixFilter): StaffCompetence[] {
  const target = filter.readyForLevel ? levels.find((l) => l.id === filter.readyForLevel) : undefined;
  return staff.filter((p) => {
    if (filter.state) {
      // With no criterion chosen, "pending" means pending on any criterion.
      const matches = filter.criterion ? p.states[filter.criterion] === filter.state : criterionIds.some((c) => p.states[c] === filter.state);
      if (!matches) return false;
    }
    if (target) {
      const fit = p.fits.find((f) => f.level.id === target.id);
      if (!fit?.qualifies || (p.current?.level?.rank ?? -1) >= target.rank) return false;
    }
    return true;
  });
}
