import { describe, expect, it } from 'vitest';
import { csvCell, parseCsv, toCsv } from '../../src/lib/domain/csv';

function records(text: string) {
  const r = parseCsv(text);
  if (!r.ok) throw new Error(`expected a parse, got ${r.error.message}`);
  return r.records;
}

describe('parseCsv (RFC 4180)', () => {
  it.each([
    ['plain fields, CRLF', 'a,b\r\n1,2\r\n', [['a', 'b'], ['1', '2']]],
    ['LF line ends and no final break', 'a,b\n1,2', [['a', 'b'], ['1', '2']]],
    ['a quoted comma', 'a,"b,c"\n', [['a', 'b,c']]],
    ['a doubled quote inside quotes', '"6"" pot",x\n', [['6" pot', 'x']]],
    ['an empty quoted field', '"",x\n', [['', 'x']]],
    ['empty fields', ',,\n', [['', '', '']]],
    ['a line break inside quotes', '"two\nlines",x\n', [['two\nlines', 'x']]],
    ['a byte-order mark is ignored', '\uFEFFdate,customer\n', [['date', 'customer']]],
    ['spaces are kept (trimming is the validator’s job)', ' a , b \n', [[' a ', ' b ']]],
  ])('%s', (_name, text, expected) => {
    expect(records(text).map((r) => r.fields)).toEqual(expected);
  });

  it('numbers each record by the line it starts on, counting blank lines and quoted line breaks', () => {
    const r = records('h1,h2\n\n"a\nb",1\nc,2\r\n');
    expect(r.map((x) => x.line)).toEqual([1, 3, 5]);
  });

  it.each([
    ['an unclosed quote names the line it opened on', 'a,b\n1,"open\nstill open', 2, /never closed/],
    ['text after a closing quote', 'a,b\n"x"y,1\n', 2, /follows a closing quote/],
    ['a bare quote in the middle of a value', 'a,b\n1,ab"c\n', 2, /inside a value/],
  ])('refuses %s', (_name, text, line, message) => {
    const r = parseCsv(text);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.line).toBe(line);
      expect(r.error.message).toMatch(message);
    }
  });

  it('round-trips what toCsv writes', () => {
    const rows = [['name', 'note'], ['A, B', 'said "hi"\nthen left'], ['', 'x']];
    expect(records(toCsv(rows)).map((r) => r.fields)).toEqual(rows);
  });
});

describe('csvCell and toCsv (export)', () => {
  it.each([
    ['plain text', 'hello', 'hello'],
    ['a comma is quoted', 'a,b', '"a,b"'],
    ['a quote is doubled and quoted', 'say "no"', '"say ""no"""'],
    ['a line break is quoted', 'a\nb', '"a\nb"'],
    ['= starts a formula: made text', '=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['+ starts a formula', '+44 1234', "'+44 1234"],
    ['- starts a formula', '-2+3', "'-2+3"],
    ['@ starts a formula', '@cmd', "'@cmd"],
    ['a guarded cell that also needs quotes', '=HYPERLINK("x","y")', `"'=HYPERLINK(""x"",""y"")"`],
    ['a formula character later on is harmless', 'a=b', 'a=b'],
    ['a negative number stays a number', -12.5, '-12.5'],
    ['null is empty', null, ''],
    ['true', true, 'true'],
  ])('%s', (_name, value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('writes CRLF after every record, the last one included', () => {
    expect(toCsv([['a', 1], ['b', 2]])).toBe('a,1\r\nb,2\r\n');
  });
});
