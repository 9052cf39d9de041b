// Pure logic of the batch upload: reading the quotes CSV the API answers with, summarising it, and
// a sample input file built from real place ids.

import { csvRecords } from './csv-text.js';

/** The columns of a batch input file, as the API reads them. */
export const BATCH_COLUMNS = ['origin', 'destination', 'weightKg', 'lengthCm', 'widthCm', 'heightCm', 'declaredValueCny', 'service', 'shipAt'] as const;

/** Rows of CSV text (RFC 4180: quoted cells may hold commas, quotes as "" and line breaks); empty lines left out. */
export function parseCsv(text: string): string[][] {
  return csvRecords(text)
    .map((r) => r.cells)
    .filter((r) => !(r.length === 1 && r[0] === ''));
}

/** One quoted option of the answer, for a preview table. */
export interface BatchLine {
  row: number;
  origin: string;
  destination: string;
  service: string;
  priceCny: number;
  transitDays: number;
  deliveryDate: string;
  tags: string[];
}

/** What a batch answer holds. */
export interface BatchSummary {
  /** Input rows answered (each quoted or failed). */
  rows: number;
  /** Rows with at least one priced option. */
  quotedRows: number;
  /** Rows rejected with an error of their own. */
  errorRows: number;
  /** Priced options in all. */
  options: number;
  /** Rows that were valid but for which no service had a route. */
  noRouteRows: number;
  /** The failed rows, in order: input row number (1 = first row under the header) and the API's message. */
  errors: { row: number; detail: string }[];
  /** Priced options, in order. */
  lines: BatchLine[];
}

/**
 * Summarises the CSV of `POST /api/quotes/batch` (columns row, origin, destination, service,
 * priceCny, …, error): a line with an error and no origin is a failed row; a line with a price is
 * an option; a line with an origin and an error is a service with no route.
 */
export function summarizeBatchCsv(text: string): BatchSummary {
  const [head, ...body] = parseCsv(text);
  if (!head) return { rows: 0, quotedRows: 0, errorRows: 0, options: 0, noRouteRows: 0, errors: [], lines: [] };
  const col = (name: string) => head.indexOf(name);
  const c = { row: col('row'), origin: col('origin'), destination: col('destination'), service: col('service'), price: col('priceCny'), days: col('transitDays'), date: col('deliveryDate'), tags: col('tags'), error: col('error') };
  if (c.row < 0 || c.price < 0 || c.error < 0) throw new Error('the answer is not a quotes CSV (no row, priceCny or error column)');
  const seen = new Set<number>();
  const priced = new Set<number>();
  const failed = new Set<number>();
  const errors: BatchSummary['errors'] = [];
  const lines: BatchLine[] = [];
  for (const r of body) {
    const row = Number(r[c.row]);
    if (!Number.isFinite(row)) continue;
    seen.add(row);
    const error = r[c.error] ?? '';
    const origin = r[c.origin] ?? '';
    if (error && !origin) {
      failed.add(row);
      errors.push({ row, detail: error });
    } else if ((r[c.price] ?? '') !== '') {
      priced.add(row);
      lines.push({
        row,
        origin,
        destination: r[c.destination] ?? '',
        service: r[c.service] ?? '',
        priceCny: Number(r[c.price]),
        transitDays: Number(r[c.days]),
        deliveryDate: r[c.date] ?? '',
        tags: (r[c.tags] ?? '').split(';').filter(Boolean),
      });
    }
  }
  const noRouteRows = [...seen].filter((r) => !priced.has(r) && !failed.has(r)).length;
  return { rows: seen.size, quotedRows: priced.size, errorRows: failed.size, options: lines.length, noRouteRows, errors, lines };
}

/** Data rows in a CSV input (lines after the header that hold something). */
export function countDataRows(text: string): number {
  return Math.max(0, parseCsv(text).filter((r) => r.some((c) => c.trim() !== '')).length - 1);
}

/**
 * A sample input file with `ids` (six real city ids or more, most populous first): plain rows,
 * a row with dimensions, one with a declared value and a service, one with a hand-in time
 * (tomorrow 09:00 China time after `now`).
 */
export function sampleCsv(ids: readonly string[], now: Date): string {
  if (new Set(ids.slice(0, 6)).size < 6) throw new Error('sampleCsv needs six different place ids');
  const at = (i: number) => ids[i % ids.length];
  const cst = new Date(now.getTime() + 8 * 3600_000 + 86400_000);
  const tomorrow = `${cst.toISOString().slice(0, 10)}T09:00:00+08:00`;
  const rows = [
    [at(0), at(1), '1.2', '', '', '', '', '', ''],
    [at(2), at(3), '2.5', '30', '20', '10', '', '', ''],
    [at(4), at(0), '0.8', '', '', '', '300', 'express', ''],
    [at(1), at(5), '12', '60', '40', '40', '', 'economy', tomorrow],
    [at(3), at(2), '4', '', '', '', '', '', tomorrow],
  ];
  return [BATCH_COLUMNS.join(','), ...rows.map((r) => r.join(','))].join('\n') + '\n';
}
