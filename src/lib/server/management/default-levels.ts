/**
 * The default authority ladder as rows for one shop. Apart from the level service so that the demo seed
 * can use it without opening the app's database handle. Ids derive from the shop, so inserting the
 * defaults twice (two first visits at once) inserts them once.
 */
import { defaultAuthorityLevels } from '../../domain/authority';

export function defaultLevelId(organisationId: string, levelKey: string): string {
  return `level-${organisationId}-${levelKey}`;
}

export function defaultLevelRows(organisationId: string, now: Date) {
  return defaultAuthorityLevels.map((l) => ({
    id: defaultLevelId(organisationId, l.id),
    organisationId,
    name: l.name,
    rank: l.rank,
    maxDiscount: l.maxDiscount,
    maxValue: l.maxValue,
    allowedConcessions: [...l.allowedConcessions],
    requiredCriteria: [...l.requiredCriteria],
    lockVersion: 0,
    updatedAt: now,
  }));
}
