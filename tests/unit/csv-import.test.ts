import { describe, expect, it } from 'vitest';
import { IMPORT_LIMITS, sizeProblem, validateSalesCsv, validateSatisfactionCsv } from '../../src/lib/domain/data-import';

const TODAY = '2026-05-04';

function errorsOf(result: ReturnType<typeof validateSalesCsv> | ReturnType<typeof validateSatisfactionCsv>) {
  if (result.ok) throw new Error('expected errors');
  return result.errors;
}

describe('validateSalesCsv', () => {
  it('accepts a good file, in any column order and header case, with quoted values and a £ sign', () => {
    const r = validateSalesCsv('Customer,DATE,amount,cost\r\n"Smith, J",2026-03-01,£120.50,70\r\nC-2,2026-03-02,0,0\r\n', TODAY);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.rows.map(({ rowKey: _k, ...row }) => row)).toEqual([
      { line: 2, date: '2026-03-01', customer: 'Smith, J', amount: 120.5, cost: 70 },
      { line: 3, date: '2026-03-02', customer: 'C-2', amount: 0, cost: 0 },
    ]);
  });

  it('gives the same row key to the same sale however it is written, and different keys to different sales', () => {
    const a = validateSalesCsv('date,customer,amount,cost\n2026-03-01, C-1 ,120.5,70\n', TODAY);
    const b = validateSalesCsv('date,customer,amount,cost\n2026-03-01,C-1,120.50,70.00\n', TODAY);
    const c = validateSalesCsv('date,customer,amount,cost\n2026-03-01,C-1,120.51,70\n', TODAY);
    if (!a.ok || !b.ok || !c.ok) throw new Error('expected valid files');
    expect(a.rows[0]!.rowKey).toBe(b.rows[0]!.rowKey);
    expect(a.rows[0]!.rowKey).not.toBe(c.rows[0]!.rowKey);
    expect(a.rows[0]!.rowKey).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each([
    ['a wrong header', 'date,client,amount,cost\n2026-03-01,C-1,1,1\n', [[1, /header date,customer,amount,cost/]]],
    ['a missing column', 'date,customer,amount\n2026-03-01,C-1,1\n', [[1, /header/]]],
    ['an empty file', '', [[0, /empty/]]],
    ['a header only', 'date,customer,amount,cost\n', [[0, /no rows/]]],
    ['an impossible date', 'date,customer,amount,cost\n2026-02-30,C-1,1,1\n', [[2, /2026-02-30.*not a real date/]]],
    ['a UK-style date', 'date,customer,amount,cost\n01/03/2026,C-1,1,1\n', [[2, /YYYY-MM-DD/]]],
    ['a date in the future', 'date,customer,amount,cost\n2026-05-05,C-1,1,1\n', [[2, /in the future/]]],
    ['a negative amount', 'date,customer,amount,cost\n2026-03-01,C-1,-5,1\n', [[2, /amount is negative/]]],
    ['a negative cost with a £ sign', 'date,customer,amount,cost\n2026-03-01,C-1,5,£-1\n', [[2, /cost is negative/]]],
    ['text for an amount', 'date,customer,amount,cost\n2026-03-01,C-1,ten,1\n', [[2, /amount "ten"/]]],
    ['a missing customer', 'date,customer,amount,cost\n2026-03-01, ,5,1\n', [[2, /customer is missing/]]],
    ['too few values on a line', 'date,customer,amount,cost\n2026-03-01,C-1,5\n', [[2, /3 values; the header has 4/]]],
    ['broken quoting', 'date,customer,amount,cost\n2026-03-01,"C-1,5,1\n', [[2, /never closed/]]],
    [
      'a row repeated in the file',
      'date,customer,amount,cost\n2026-03-01,C-1,5,1\n2026-03-02,C-2,5,1\n2026-03-01,C-1,5.00,1\n',
      [[4, /Line 4 repeats line 2/]],
    ],
    [
      'several problems, each with its own line',
      'date,customer,amount,cost\n2026-03-01,C-1,5,1\n2026-13-01,C-2,5,1\n2026-03-03,C-3,-1,1\n',
      [
        [3, /^Line 3:/],
        [4, /^Line 4:/],
      ],
    ],
  ] as const)('refuses %s with line-numbered errors and no rows', (_name, text, expected) => {
    const errors = errorsOf(validateSalesCsv(text, TODAY));
    expect(errors.map((e) => e.line)).toEqual(expected.map(([line]) => line));
    expected.forEach(([, pattern], i) => expect(errors[i]!.message).toMatch(pattern));
    for (const e of errors) if (e.line > 0) expect(e.message).toContain(`Line ${e.line}`);
  });

  it('lists at most the first problems but counts them all', () => {
    const body = Array.from({ length: 80 }, (_, i) => `2026-03-01,C-${i},-1,1`).join('\n');
    const r = validateSalesCsv(`date,customer,amount,cost\n${body}\n`, TODAY);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors).toHaveLength(IMPORT_LIMITS.maxErrorsListed);
      expect(r.errorCount).toBe(80);
    }
  });
});

describe('validateSatisfactionCsv', () => {
  it.each([
    ['nps and csat columns, one per row', 'date,customer,nps,csat\n2026-03-01,C-1,9,\n2026-03-01,C-2,,4\n', [['nps', 9], ['csat', 4]]],
    ['nps only', 'date,customer,nps\n2026-03-01,C-1,0\n', [['nps', 0]]],
    ['csat only', 'date,customer,csat\n2026-03-01,C-1,5\n', [['csat', 5]]],
  ] as const)('accepts %s', (_name, text, expected) => {
    const r = validateSatisfactionCsv(text, TODAY);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.rows.map((x) => [x.scale, x.score])).toEqual(expected);
  });

  it.each([
    ['nps above 10', 'date,customer,nps\n2026-03-01,C-1,11\n', 2, /nps must be a whole number from 0 to 10/],
    ['csat of 0', 'date,customer,csat\n2026-03-01,C-1,0\n', 2, /csat must be a whole number from 1 to 5/],
    ['a fractional score', 'date,customer,csat\n2026-03-01,C-1,4.5\n', 2, /csat/],
    ['both scores on a row', 'date,customer,nps,csat\n2026-03-01,C-1,9,4\n', 2, /either nps or csat, not both/],
    ['no score on a row', 'date,customer,nps,csat\n2026-03-01,C-1,,\n', 2, /give a score/],
    ['a wrong header', 'date,customer,score\n2026-03-01,C-1,4\n', 1, /header date,customer,nps,csat/],
    ['a repeated row', 'date,customer,nps\n2026-03-01,C-1,9\n2026-03-01,C-1,9\n', 3, /repeats line 2/],
  ] as const)('refuses %s', (_name, text, line, pattern) => {
    const errors = errorsOf(validateSatisfactionCsv(text, TODAY));
    expect(errors[0]!.line).toBe(line);
    expect(errors[0]!.message).toMatch(pattern);
  });
});

describe('sizeProblem', () => {
  it.each([
    [0, /empty/],
    [1, null],
    [IMPORT_LIMITS.maxBytes, null],
    [IMPORT_LIMITS.maxBytes + 1, /limit is 5.0 MB/],
  ] as const)('%d bytes', (bytes, expected) => {
    const problem = sizeProblem(bytes);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toMatch(expected);
  });
});
