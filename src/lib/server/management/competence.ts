/**
 * The competence matrix (P5, K5): each member of staff against the 17 criteria, from their assessed
 * evidence, and what that means for negotiating authority — which levels they qualify for, what they
 * still lack, and what they hold now.
 */
import { highestQualifying, qualification, readyForMore, type AuthorityLevel } from '../../domain/authority';
import { criterionIds, type CriterionId } from '../../domain/criteria';
import type { EvidenceState } from '../../domain/progress';
import { and, eq, isNull, sql, type Placeholder, type SQL } from 'drizzle-orm';
import { authorityAcknowledgement, authorityGrant, learnerEvidenceState, user as userTable, type AuthorityGrant } from '../../../../db/schema';
import { byName, date, embedded, nullable, parsed, preparedJsonRows, text } from '../json-rows';
import { withStoredStates } from '../portfolio/states';
import { shopLevels, toDomainLevel } from './authority-levels';
import { currentGrantRowid, grantView, type GrantView } from './grants';

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
  /**
   * Only people who qualify for this level but do not hold it or anything above it; or, with
   * READY_FOR_MORE, people who qualify for any level above the one they hold (the manager's home links here).
   */
  readyForLevel?: string;
}

/** The `ready` filter's value for "any level above the one they hold" (level ids are never this word). */
export const READY_FOR_MORE = 'above';

const noEvidence = () => Object.fromEntries(criterionIds.map((c) => [c, 'none'])) as Record<CriterionId, EvidenceState>;

/**
 * The FROM clause for a shop's active staff (learners), each with their stored evidence states (absent
 * when never written) and their current grant and its acknowledgement. The matrix and the manager's
 * home (readiness.ts) read different columns of the same rows.
 */
export function activeStaffWithGrants(organisationId: string | Placeholder): SQL {
  const g = authorityGrant;
  return sql`FROM ${userTable}
      LEFT JOIN ${learnerEvidenceState} ON ${eq(learnerEvidenceState.learnerId, userTable.id)}
      LEFT JOIN ${g} ON ${g}.rowid = ${currentGrantRowid(userTable.id)}
      LEFT JOIN ${authorityAcknowledgement} ON ${eq(authorityAcknowledgement.grantId, g.id)}
      WHERE ${and(eq(userTable.organisationId, organisationId), eq(userTable.role, 'learner'), isNull(userTable.disabledAt))}`;
}

/**
 * The shop's active staff (learners), by name, each with their stored evidence states and their current
 * grant and its acknowledgement, in one statement: the matrix and the authority page read it per visit.
 * A 200-person shop is 200 rows of a dozen values, so it comes back as one JSON value (json-rows.ts)
 * rather than value by value. Built once, like the home's read of the same rows (readiness.ts).
 */
const readStaff = preparedJsonRows(
  {
    id: [userTable.id, text],
    name: [userTable.name, text],
    states: [embedded(learnerEvidenceState.states), nullable(parsed<Record<string, string>>())],
    grantId: [authorityGrant.id, nullable(text)],
    grantOrganisationId: [authorityGrant.organisationId, text],
    kind: [authorityGrant.kind, (v: unknown) => text(v) as AuthorityGrant['kind']],
    levelId: [authorityGrant.levelId, nullable(text)],
    levelSnapshot: [embedded(authorityGrant.levelSnapshot), nullable(parsed<Record<string, unknown>>())],
    reason: [authorityGrant.reason, nullable(text)],
    grantedBy: [authorityGrant.grantedBy, text],
    grantedAt: [authorityGrant.grantedAt, date],
    acknowledgedAt: [authorityAcknowledgement.acknowledgedAt, nullable(date)],
  },
  activeStaffWithGrants(sql.placeholder('organisationId')),
);

async function shopStaff(organisationId: string) {
  const rows = await readStaff({ organisationId });
  return byName(rows).map((r) => {
    const grant: AuthorityGrant | null = r.grantId === null ? null : { id: r.grantId, organisationId: r.grantOrganisationId, staffId: r.id, kind: r.kind, levelId: r.levelId, levelSnapshot: r.levelSnapshot, reason: r.reason, grantedBy: r.grantedBy, grantedAt: r.grantedAt };
    return { id: r.id, name: r.name, states: r.states, grant: grant && grantView(grant, r.acknowledgedAt) };
  });
}

export async function shopCompetence(organisationId: string, now: Date): Promise<{ levels: AuthorityLevel[]; staff: StaffCompetence[] }> {
  const learners = await shopStaff(organisationId);
  const ids = learners.map((l) => l.id);
  const stored = new Map(learners.flatMap((l) => (l.states ? [[l.id, l.states] as const] : [])));
  const [states, levelRows] = await Promise.all([withStoredStates(stored, ids), shopLevels(organisationId, now)]);
  const levels = levelRows.map(toDomainLevel);
  const staff = learners.map((l): StaffCompetence => {
    const s = states.get(l.id) ?? noEvidence();
    const met = criterionIds.filter((c) => s[c] === 'met');
    const metSet = new Set(met);
    const fits = levels.map((level) => ({ level, ...qualification(level, metSet) }));
    const readyFor = highestQualifying(fits);
    const current = l.grant;
    return { id: l.id, name: l.name, states: s, metCount: met.length, fits, readyFor, current, readyForMore: readyForMore(readyFor, current?.level?.rank ?? null) };
  });
  return { levels, staff };
}

export function filterStaff(staff: readonly StaffCompetence[], levels: readonly AuthorityLevel[], filter: MatrixFilter): StaffCompetence[] {
  const forMore = filter.readyForLevel === READY_FOR_MORE;
  const target = filter.readyForLevel && !forMore ? levels.find((l) => l.id === filter.readyForLevel) : undefined;
  return staff.filter((p) => {
    if (filter.state) {
      // With no criterion chosen, "pending" means pending on any criterion.
      const matches = filter.criterion ? p.states[filter.criterion] === filter.state : criterionIds.some((c) => p.states[c] === filter.state);
      if (!matches) return false;
    }
    if (forMore && !p.readyForMore) return false;
    if (target) {
      const fit = p.fits.find((f) => f.level.id === target.id);
      if (!fit?.qualifies || (p.current?.level?.rank ?? -1) >= target.rank) return false;
    }
    return true;
  });
}
