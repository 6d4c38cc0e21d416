/** CSV per RFC 4180: CRLF line ends on output, quoted fields where needed; a tolerant parser for input. */

/** Quotes a field when it holds a comma, a quote, or a line break. */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Writes rows (the first row being the header) as RFC 4180 text. */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<unknown>>): string {
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

export class CsvError extends Error {
  constructor(message: string, readonly line: number) { super(`line ${line}: ${message}`); }
}

/** Parses CSV text (LF or CRLF) into rows of fields. Throws CsvError on an unterminated quote. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let startLine = 1;
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') { field += '"'; i++; } else quoted = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && field === '') { quoted = true; startLine = line; }
    else if (ch === ',') { row.push(field); field = ''; }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      row.push(field); field = '';
      rows.push(row); row = [];
      line++;
    } else field += ch;
  }
  if (quoted) throw new CsvError('a quoted field is not closed', startLine);
  if (field !== '' || row.length > 0) { row.push(field); rows.push(row); }
  return rows.filter((r) => !(r.length === 1 && r[0] === ''));
}

/** Parses CSV with a header row into objects keyed by the header; checks the header is exactly `expected`. */
export function parseCsvRecords(text: string, expected: readonly string[]): Array<Record<string, string> & { _line: number }> {
  const rows = parseCsv(text);
  const header = rows[0] ?? [];
  if (header.join(',') !== expected.join(',')) {
    throw new CsvError(`the header must be "${expected.join(',')}", found "${header.join(',')}"`, 1);
  }
  return rows.slice(1).map((r, i) => {
    if (r.length !== expected.length) throw new CsvError(`expected ${expected.length} fields, found ${r.length}`, i + 2);
    const rec = { _line: i + 2 } as Record<string, string> & { _line: number };
    expected.forEach((k, j) => { rec[k] = r[j]!; });
    return rec;
  });
}
