/**
 * Validating the sales and satisfaction files a manager uploads (P8, K7). Every problem names its line,
 * and a file with any problem imports nothing, so the data behind an analysis is never half a file.
 * Pure: the caller passes today's date; the row key is a SHA-256 of the normalised row, so importing
 * the same rows again adds nothing.
 */
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import { parseCsv, type CsvRecord } from './csv';

export const IMPORT_LIMITS = {
  /** Larger files are refused before they are read: a year of a small shop's sales is far below this. */
  maxBytes: 5 * 1024 * 1024,
  /** Only the first problems are listed; the count says how many there were. */
  maxErrorsListed: 50,
} as const;

export const importKinds = ['sales', 'satisfaction'] as const;
export type ImportKind = (typeof importKinds)[number];

export interface LineError {
  /** The file's line, counting the header as line 1; 0 for the file as a whole. */
  line: number;
  message: string;
}

export interface SaleImportRow {
  line: number;
  date: string;
  customer: string;
  amount: number;
  cost: number;
  rowKey: string;
}

export interface SatisfactionImportRow {
  line: number;
  date: string;
  customer: string;
  scale: 'nps' | 'csat';
  score: number;
  rowKey: string;
}

export type ImportCheck<Row> = { ok: true; rows: Row[] } | { ok: false; errors: LineError[]; errorCount: number };

/** The size check, apart so the server can apply it before reading a byte of the body. */
export function sizeProblem(bytes: number): string | null {
  if (bytes > IMPORT_LIMITS.maxBytes) {
    const mb = (n: number) => (n / (1024 * 1024)).toFixed(1);
    return `The file is ${mb(bytes)} MB; the limit is ${mb(IMPORT_LIMITS.maxBytes)} MB. Split it into smaller files (for example one per quarter) and upload each.`;
  }
  if (bytes === 0) return 'The file is empty.';
  return null;
}

const SALES_HEADER = ['date', 'customer', 'amount', 'cost'] as const;

/** Sales: date, customer, amount, cost — one row per sale. */
export function validateSalesCsv(text: string, today: string): ImportCheck<SaleImportRow> {
  return validate(text, (header) => (sameColumns(header, SALES_HEADER) ? null : `The first line must be the header ${SALES_HEADER.join(',')} (found ${header.join(',') || 'nothing'}).`), (cells, line, errors) => {
    const date = checkDate(cells.date ?? '', today, line, errors);
    const customer = checkCustomer(cells.customer ?? '', line, errors);
    const amount = checkMoney('amount', cells.amount ?? '', line, errors);
    const cost = checkMoney('cost', cells.cost ?? '', line, errors);
    if (date === null || customer === null || amount === null || cost === null) return null;
    const key = ['sales', date, customer, amount.toFixed(2), cost.toFixed(2)].join('|');
    return { row: { line, date, customer, amount, cost, rowKey: rowKey(key) }, key };
  });
}

/** Satisfaction: date, customer, and one of nps (0–10) or csat (1–5) per row; either column may be absent. */
export function validateSatisfactionCsv(text: string, today: string): ImportCheck<SatisfactionImportRow> {
  const headerProblem = (header: string[]) => {
    const allowed = [
      ['date', 'customer', 'nps', 'csat'],
      ['date', 'customer', 'nps'],
      ['date', 'customer', 'csat'],
    ];
    return allowed.some((a) => sameColumns(header, a))
      ? null
      : `The first line must be the header date,customer,nps,csat (or date,customer,nps or date,customer,csat) (found ${header.join(',') || 'nothing'}).`;
  };
  return validate(text, headerProblem, (cells, line, errors) => {
    const date = checkDate(cells.date ?? '', today, line, errors);
    const customer = checkCustomer(cells.customer ?? '', line, errors);
    const nps = (cells.nps ?? '').trim();
    const csat = (cells.csat ?? '').trim();
    let score: { scale: 'nps' | 'csat'; score: number } | null = null;
    if (nps !== '' && csat !== '') errors.push({ line, message: `Line ${line}: give either nps or csat, not both.` });
    else if (nps === '' && csat === '') errors.push({ line, message: `Line ${line}: give a score in nps (0–10) or csat (1–5).` });
    else if (nps !== '') score = checkScore('nps', nps, 0, 10, line, errors);
    else score = checkScore('csat', csat, 1, 5, line, errors);
    if (date === null || customer === null || score === null) return null;
    const key = ['satisfaction', date, customer, score.scale, String(score.score)].join('|');
    return { row: { line, date, customer, ...score, rowKey: rowKey(key) }, key };
  });
}

function validate<Row>(
  text: string,
  headerProblem: (header: string[]) => string | null,
  checkRow: (cells: Record<string, string>, line: number, errors: LineError[]) => { row: Row; key: string } | null,
): ImportCheck<Row> {
  const parsed = parseCsv(text);
  if (!parsed.ok) return fail([{ line: parsed.error.line, message: `Line ${parsed.error.line}: ${parsed.error.message}` }]);
  const [head, ...body] = parsed.records;
  if (!head) return fail([{ line: 0, message: 'The file is empty.' }]);
  const header = head.fields.map((h) => h.trim().toLowerCase());
  const problem = headerProblem(header);
  if (problem) return fail([{ line: head.line, message: `Line ${head.line}: ${problem}` }]);
  if (body.length === 0) return fail([{ line: 0, message: 'The file has a header but no rows.' }]);

  const errors: LineError[] = [];
  const rows: Row[] = [];
  const firstLineOf = new Map<string, number>();
  for (const record of body) {
    const cells = cellsOf(record, header, errors);
    if (!cells) continue;
    const checked = checkRow(cells, record.line, errors);
    if (!checked) continue;
    const earlier = firstLineOf.get(checked.key);
    // The same row twice in one file is almost always a copy-and-paste slip; importing it would double-count.
    if (earlier !== undefined) errors.push({ line: record.line, message: `Line ${record.line} repeats line ${earlier} exactly; remove one of them.` });
    else firstLineOf.set(checked.key, record.line);
    rows.push(checked.row);
  }
  return errors.length > 0 ? fail(errors) : { ok: true, rows };
}

function fail(errors: LineError[]): { ok: false; errors: LineError[]; errorCount: number } {
  return { ok: false, errors: errors.slice(0, IMPORT_LIMITS.maxErrorsListed), errorCount: errors.length };
}

function sameColumns(header: readonly string[], expected: readonly string[]): boolean {
  return header.length === expected.length && expected.every((c) => header.includes(c));
}

function cellsOf(record: CsvRecord, header: readonly string[], errors: LineError[]): Record<string, string> | null {
  if (record.fields.length !== header.length) {
    errors.push({ line: record.line, message: `Line ${record.line} has ${record.fields.length} values; the header has ${header.length}.` });
    return null;
  }
  return Object.fromEntries(header.map((h, i) => [h, record.fields[i] ?? '']));
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written YYYY-MM-DD, not after today (the data records what already happened). */
export function checkDate(raw: string, today: string, line: number, errors: LineError[]): string | null {
  const value = raw.trim();
  const m = ISO_DATE.exec(value);
  const valid = m !== null && new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).toISOString().slice(0, 10) === value;
  if (!valid) {
    errors.push({ line, message: `Line ${line}: the date "${value}" is not a real date written YYYY-MM-DD (for example 2026-03-31).` });
    return null;
  }
  if (value > today) {
    errors.push({ line, message: `Line ${line}: the date ${value} is in the future.` });
    return null;
  }
  return value;
}

function checkCustomer(raw: string, line: number, errors: LineError[]): string | null {
  // Spaces inside a reference are kept but runs of them are one, so "C 12" and "C  12" are one customer.
  const value = raw.trim().replace(/\s+/g, ' ');
  if (value === '') {
    errors.push({ line, message: `Line ${line}: the customer is missing.` });
    return null;
  }
  if (value.length > 100) {
    errors.push({ line, message: `Line ${line}: the customer reference is longer than 100 characters.` });
    return null;
  }
  return value;
}

function checkMoney(column: string, raw: string, line: number, errors: LineError[]): number | null {
  const value = raw.trim().replace(/^£/, '');
  if (/^-/.test(value) || /^£?-/.test(raw.trim())) {
    errors.push({ line, message: `Line ${line}: ${column} is negative (${raw.trim()}); refunds are not imported, leave them out.` });
    return null;
  }
  if (!/^\d+(\.\d{1,2})?$/.test(value)) {
    errors.push({ line, message: `Line ${line}: ${column} "${raw.trim()}" is not an amount in pounds such as 12.50.` });
    return null;
  }
  return Number(value);
}

function checkScore(scale: 'nps' | 'csat', raw: string, min: number, max: number, line: number, errors: LineError[]): { scale: 'nps' | 'csat'; score: number } | null {
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    errors.push({ line, message: `Line ${line}: ${scale} must be a whole number from ${min} to ${max} (found "${raw}").` });
    return null;
  }
  return { scale, score: Number(raw) };
}

function rowKey(normalised: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(normalised)));
}
