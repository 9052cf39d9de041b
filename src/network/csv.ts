import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { DataError } from '../shared/errors.js';

/** One CSV record with its 1-based line number in the file (header is line 1). */
export interface CsvRow {
  line: number;
  get(field: string): string;
}

/** Reads a CSV file with a header row; checks that the required columns are present. */
export function readCsv(file: string, required: readonly string[]): CsvRow[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new DataError(file, undefined, undefined, `cannot read: ${(e as Error).message}`);
  }
  let records: string[][];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: false, trim: true });
  } catch (e) {
    const lines = (e as { lines?: number }).lines;
    throw new DataError(file, lines, undefined, (e as Error).message);
  }
  if (records.length === 0) throw new DataError(file, 1, undefined, 'empty file, a header row is required');
  const header = records[0];
  for (const col of required) {
    if (!header.includes(col)) throw new DataError(file, 1, col, `missing column "${col}"`);
  }
  const index = new Map(header.map((h, i) => [h, i]));
  return records.slice(1).map((rec, i) => ({
    line: i + 2,
    get(field: string): string {
      const j = index.get(field);
      if (j === undefined) throw new DataError(file, i + 2, field, `no such column "${field}"`);
      return rec[j] ?? '';
    },
  }));
}
