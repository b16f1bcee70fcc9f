/**
 * The register as CSV for a spreadsheet or an accountant (K6). Text cells are made safe against formula
 * injection by the CSV module; figures are plain numbers so they can be summed.
 */
import { toCsv } from '../../domain/csv';
import { describeConcession } from '../../domain/register';
import type { Concession } from '../../domain/special-terms';
import type { EntryView } from './register';

const HEADER = [
  'agreed_at_utc',
  'reported_at_utc',
  'hours_to_report',
  'staff',
  'customer',
  'concessions',
  'sale_reference',
  'price',
  'unit_cost',
  'quantity',
  'cost_to_business',
  'reason',
  'referred',
  'within_authority',
  'flag_reasons',
  'source',
] as const;

export function registerCsv(entries: readonly EntryView[]): string {
  const rows = entries.map(({ entry: e, staffName }) => [
    e.agreedAt.toISOString(),
    e.reportedAt.toISOString(),
    Number(((e.reportedAt.getTime() - e.agreedAt.getTime()) / 3_600_000).toFixed(2)),
    staffName,
    e.customerRef,
    (e.concessions as Concession[]).map(describeConcession).join('; '),
    e.sale.reference ?? '',
    e.sale.price,
    e.sale.unitCost,
    e.sale.quantity,
    Number(e.cost.toFixed(2)),
    e.reason,
    e.referred ? 'yes' : 'no',
    e.withinAuthority ? 'yes' : 'no',
    e.flagReasons.join('; '),
    e.source,
  ]);
  return toCsv([[...HEADER], ...rows]);
}
