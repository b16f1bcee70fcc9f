/**
 * CSV as RFC 4180 defines it: records separated by CRLF (LF alone is accepted too, since spreadsheets
 * on other systems write it), fields separated by commas, a field in double quotes may hold commas,
 * line breaks and doubled quotes. Pure: text in, records out, no I/O.
 */

export interface CsvRecord {
  /** The physical line of the file the record starts on, counting from 1, for error messages. */
  line: number;
  fields: string[];
}

export type CsvParse = { ok: true; records: CsvRecord[] } | { ok: false; error: { line: number; message: string } };

/**
 * Parses CSV text into records. A wholly blank line is skipped (its line number is still counted), a
 * byte-order mark at the start is ignored. Malformed quoting is an error naming its line, because
 * guessing what a broken quote meant could shift every later value into the wrong column.
 */
export function parseCsv(text: string): CsvParse {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let i = 0;
  // True once the current record has any content (a field separator or a character).
  let started = false;

  const endRecord = () => {
    fields.push(field);
    const blank = fields.length === 1 && fields[0] === '' && !started;
    if (!blank) records.push({ line: recordLine, fields });
    fields = [];
    field = '';
    started = false;
  };

  while (i < src.length) {
    const ch = src[i]!;
    if (ch === '"') {
      if (field !== '') return { ok: false, error: { line, message: `A quote appears inside a value that does not start with one; put the whole value in quotes and double the quote (""), as in "6"" pot".` } };
      started = true;
      const openedOn = line;
      i++;
      for (;;) {
        if (i >= src.length) return { ok: false, error: { line: openedOn, message: 'A quoted value is never closed: a closing quote (") is missing.' } };
        const c = src[i]!;
        if (c === '"') {
          if (src[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (c === '\n') line++;
        field += c;
        i++;
      }
      // After a closing quote only a separator, a line break or the end may follow.
      const next = src[i];
      if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
        return { ok: false, error: { line, message: 'Text follows a closing quote; a quoted value must end at a comma or the end of the line.' } };
      }
      continue;
    }
    if (ch === ',') {
      fields.push(field);
      field = '';
      started = true;
      i++;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      endRecord();
      i += ch === '\r' && src[i + 1] === '\n' ? 2 : 1;
      line++;
      recordLine = line;
      continue;
    }
    field += ch;
    started = true;
    i++;
  }
  if (started || field !== '' || fields.length > 0) endRecord();
  return { ok: true, records };
}

/** Characters that make a spreadsheet treat a cell as a formula (CSV injection). */
const FORMULA_START = /^[=+\-@]/;

/**
 * One cell of an export. Text that a spreadsheet would run as a formula gets a leading single quote;
 * numbers are written as numbers (a number we format cannot be a formula). Quoted when it holds a
 * comma, a quote or a line break, with quotes doubled (RFC 4180).
 */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'string' ? value : String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole CSV document: CRLF between records and at the end, as RFC 4180 writes it. */
export function toCsv(rows: readonly (readonly (string | number | boolean | null | undefined)[])[]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
