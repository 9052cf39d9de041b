import { writeFileSync } from 'node:fs';

/** A CSV cell value. */
export type Cell = string | number;

/**
 * Write a CSV file with a header row. Cells must not contain commas, quotes or
 * newlines (the shipped files stay splittable on ","); a violation throws, so a
 * bad source string is caught at generation time rather than by a loader.
 */
export function writeCsv(path: string, header: readonly string[], rows: readonly (readonly Cell[])[]): void {
  writeFileSync(path, toCsv(path, header, rows));
}

/** The CSV text writeCsv would write; `name` only labels errors. */
export function toCsv(name: string, header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const path = name;
  const lines = [header.join(',')];
  rows.forEach((row, i) => {
    if (row.length !== header.length) throw new Error(`${path}: row ${i + 1} has ${row.length} cells, header has ${header.length}`);
    const cells = row.map((c, j) => {
      const s = String(c);
      if (/[",\r\n]/.test(s)) throw new Error(`${path}: row ${i + 1} column ${header[j]} contains a comma, quote or newline: ${s}`);
      return s;
    });
    lines.push(cells.join(','));
  });
  return lines.join('\n') + '\n';
}

/** Parse a CSV written by writeCsv into objects keyed by the header. */
export function parseCsv(text: string): Record<string, string>[] {
  const lines = text.split(/\r?\n/).filter((l) => l.length > 0);
  const header = lines[0].split(',');
  return lines.slice(1).map((l) => {
    const cells = l.split(',');
    return Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']));
  });
}
