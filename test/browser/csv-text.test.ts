import { describe, expect, it } from 'vitest';
import { csvRecords } from '../../web/src/csv-text.js';
import { readCsv } from '../../web/src/ops-csv.js';

describe('CSV records (one reader for stop import and quote batch)', () => {
  it('unquotes cells and numbers records by the line they start on, across quoted line breaks', () => {
    expect(csvRecords('a,"b,c","say ""hi"""\r\n1,"two\nlines",3\r4,5\n')).toEqual([
      { line: 1, cells: ['a', 'b,c', 'say "hi"'] },
      { line: 2, cells: ['1', 'two\nlines', '3'] },
      { line: 4, cells: ['4', '5'] },
    ]);
    expect(csvRecords('\ufeffx;y\n\n1;2', ';')).toEqual([
      { line: 1, cells: ['x', 'y'] },
      { line: 2, cells: [''] },
      { line: 3, cells: ['1', '2'] },
    ]);
  });

  it('stop import: a quote in a comment does not swallow the file; quoted separators and blank rows', () => {
    const t = readCsv('# the "depot\nid;lon;lat\n"A; north";120.1;30.2\n;;\n\nB;120.2;30.3\n');
    expect(t.header).toEqual(['id', 'lon', 'lat']);
    expect(t.rows).toEqual([
      { line: 3, cells: ['A; north', '120.1', '30.2'] },
      { line: 6, cells: ['B', '120.2', '30.3'] },
    ]);
  });
});
