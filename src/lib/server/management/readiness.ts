/**
 * The two lists of people on the manager's home: who qualifies for more authority than they hold, and
 * who has not yet acknowledged the grant they hold. The home is read on every visit, so this reads each
 * person's stored met-criteria mask (learner_evidence_state.met_mask) and the rank and name of their
 * current grant, not their seventeen states and whole grant as the competence matrix does: a 200-person
 * shop is 200 rows of eight small values, and each person is weighed with one AND per level. The
 * matrix (competence.ts) reads the same rows in full; a test holds the two to the same answer.
 */
import { sql } from 'drizzle-orm';
import { authorityAcknowledgement, authorityGrant, learnerEvidenceState, user as userTable, type AuthorityGrant } from '../../../../db/schema';
import { highestQualifyingByMask, readyForMore, type AuthorityLevel } from '../../domain/authority';
import { metMask } from '../../domain/criterion-state';
import { db } from '../db';
import { byName, date, nullable, number, preparedJsonRows, text } from '../json-rows';
import { computeEvidenceStates } from '../portfolio/states';
import { shopLevels, toDomainLevel } from './authority-levels';
import { activeStaffWithGrants } from './competence';

export interface StaffReadiness {
  id: string;
  name: string;
  /** The highest-ranked level whose criteria they have all met, if any. */
  readyFor: AuthorityLevel | null;
  /** The level their current grant gives them; null with no grant, or when the latest row revoked it. */
  held: { name: string; rank: number } | null;
  /** Their current grant row, when there is one. */
  grant: { kind: AuthorityGrant['kind']; grantedAt: Date; acknowledgedAt: Date | null } | null;
  /** Qualifies for a level above the one they hold. */
  readyForMore: boolean;
}

const g = authorityGrant;
const readStaff = preparedJsonRows(
  {
    id: [userTable.id, text],
    name: [userTable.name, text],
    // Null when the person has no stored row yet.
    metMask: [learnerEvidenceState.metMask, nullable(number)],
    kind: [g.kind, nullable((v: unknown) => text(v) as AuthorityGrant['kind'])],
    heldRank: [sql`${g.levelSnapshot} ->> '$.rank'`, nullable(number)],
    heldName: [sql`${g.levelSnapshot} ->> '$.name'`, nullable(text)],
    grantedAt: [g.grantedAt, nullable(date)],
    acknowledgedAt: [authorityAcknowledgement.acknowledgedAt, nullable(date)],
  },
  activeStaffWithGrants(sql.placeholder('organisationId')),
);

export async function shopReadiness(organisationId: string, now: Date): Promise<StaffReadiness[]> {
  const [rows, levelRows] = await Promise.all([readStaff({ organisationId }), shopLevels(organisationId, now)]);
  // Anyone without a stored row (no evidence yet, or evidence older than the stored states) is worked
  // out from the records, as the matrix does.
  const unstored = rows.filter((r) => r.metMask === null).map((r) => r.id);
  const computed = unstored.length > 0 ? await computeEvidenceStates(await db(), unstored) : new Map();
  const readyFor = highestQualifyingByMask(levelRows.map(toDomainLevel));
  return byName(rows).map((r): StaffReadiness => {
    const mask = r.metMask ?? metMask(computed.get(r.id)!);
    // As grants.ts reads a grant row: a revocation, or a row without a level, gives no level.
    const held = r.kind !== null && r.kind !== 'revoke' && r.heldRank !== null ? { name: r.heldName ?? '', rank: r.heldRank } : null;
    const level = readyFor(mask);
    return {
      id: r.id,
      name: r.name,
      readyFor: level,
      held,
      grant: r.kind === null || r.grantedAt === null ? null : { kind: r.kind, grantedAt: r.grantedAt, acknowledgedAt: r.acknowledgedAt },
      readyForMore: readyForMore(level, held?.rank ?? null),
    };
  });
}
