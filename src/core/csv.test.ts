import { describe, expect, it } from 'vitest';
import { CsvError, parseCsv, parseCsvRecords, toCsv } from './csv.js';

describe('CSV (RFC 4180)', () => {
  it('quotes fields with commas, quotes and line breaks, and ends lines with CRLF', () => {
    expect(toCsv([['a', 'b,c'], ['say "hi"', 'x\ny'], [null, 3]])).toBe('a,"b,c"\r\n"say ""hi""","x\ny"\r\n,3\r\n');
  });

  it('parses what it writes back to the same rows', () => {
    const rows = [['Côte d\'Ivoire', 'note, with comma'], ['"quoted"', 'multi\r\nline']];
    expect(parseCsv(toCsv(rows))).toEqual(rows);
  });

  it('accepts LF files and a byte-order mark, and names the line of an unclosed quote', () => {
    expect(parseCsv('\ufeffa,b\n1,2\n')).toEqual([['a', 'b'], ['1', '2']]);
    expect(() => parseCsv('a,b\n1,"2\n')).toThrow(CsvError);
    expect(() => parseCsv('a,b\n1,"2\n')).toThrow(/line 2/);
  });

  it('checks the header and the number of fields on each line', () => {
    expect(() => parseCsvRecords('x,y\n1,2\n', ['a', 'b'])).toThrow(/header must be "a,b"/);
    expect(() => parseCsvRecords('a,b\n1\n', ['a', 'b'])).toThrow(/line 2: expected 2 fields/);
    expect(parseCsvRecords('a,b\n1,2\n', ['a', 'b'])).toEqual([{ a: '1', b: '2', _line: 2 }]);
  });
});
