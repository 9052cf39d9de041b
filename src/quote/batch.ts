import { parse } from 'csv-parse/sync';
import { HubflowError, InputError } from '../shared/errors.js';
import { ByteOut } from './byte-out.js';
import { jsonText } from './json-text.js';
import type { QuoteEngine, QuoteRequest, QuoteResult } from './quote.js';

export const BATCH_MAX_ROWS = 10_000;
export const BATCH_COLUMNS = ['origin', 'destination', 'weightKg', 'lengthCm', 'widthCm', 'heightCm', 'declaredValueCny', 'service', 'shipAt'] as const;
const NUMERIC = new Set(['weightKg', 'lengthCm', 'widthCm', 'heightCm', 'declaredValueCny']);

/** One row's outcome: its quote, or its own error (a bad row never fails the others). */
export type BatchRow =
  | { row: number; ok: true; quote: QuoteResult }
  | { row: number; ok: false; error: { status: number; field?: string; detail: string } };

export interface BatchResult {
  rows: BatchRow[];
  okRows: number;
  errorRows: number;
}

function statusOf(e: unknown): number {
  if (e instanceof InputError) return 400;
  if (e instanceof HubflowError && e.name === 'NotFoundError') return 404;
  return 500;
}

/** Quotes every row; rows are numbered from 1 in the order given. */
export function quoteBatch(engine: QuoteEngine, requests: readonly unknown[]): BatchResult {
  const rows = eachRow(requests, (req) => engine.quote(req), (row, quote): BatchRow => ({ row, ok: true, quote }), (row, error): BatchRow => ({ row, ok: false, error }));
  const okRows = rows.filter((r) => r.ok).length;
  return { rows, okRows, errorRows: rows.length - okRows };
}

/**
 * The batch answer as JSON (the value of JSON.stringify(quoteBatch(…))), as
 * ASCII bytes: each row is written from the engine's cached fragments straight
 * into one growing byte buffer (ByteOut), so no 30 MB string or its ~400,000
 * pieces stay on the heap until the end.
 */
export function quoteBatchJson(engine: QuoteEngine, requests: readonly unknown[]): Buffer {
  const out = new ByteOut(1 << 22);
  out.begin();
  out.ascii('{"rows":[');
  let okRows = 0;
  eachRow(
    requests,
    // The engine checks a row before writing anything, so an error leaves nothing half-written.
    (req, row) => {
      const mark = out.length;
      out.ascii((row === 1 ? '' : ',') + '{"row":' + row + ',"ok":true,"quote":');
      try {
        engine.quoteJsonTo(req, out);
      } catch (e) {
        out.truncate(mark);
        throw e;
      }
      out.ascii('}');
      okRows++;
      return true;
    },
    (_row, ok) => ok,
    (row, error) => {
      out.ascii((row === 1 ? '' : ',') + jsonText({ row, ok: false, error }));
      return false;
    },
  );
  out.ascii('],"okRows":' + okRows + ',"errorRows":' + (requests.length - okRows) + '}');
  return out.end();
}

/** quoteBatch and batchToCsv in one pass, each row's lines written as soon as it is quoted. */
export function quoteBatchCsv(engine: QuoteEngine, requests: readonly unknown[]): { csv: string; okRows: number; errorRows: number } {
  let okRows = 0;
  const lines = eachRow(
    requests,
    (req) => engine.quote(req),
    (row, quote) => {
      okRows++;
      return csvLines({ row, ok: true, quote });
    },
    (row, error) => csvLines({ row, ok: false, error }),
  );
  return { csv: CSV_HEAD + '\n' + lines.join(''), okRows, errorRows: lines.length - okRows };
}

type RowError = Extract<BatchRow, { ok: false }>['error'];

/** Runs quote on each checked row; a row's input error becomes its own answer, anything else fails the batch. */
function eachRow<Q, R>(requests: readonly unknown[], quote: (req: QuoteRequest, row: number) => Q, ok: (row: number, q: Q) => R, failed: (row: number, e: RowError) => R): R[] {
  if (requests.length > BATCH_MAX_ROWS) throw new InputError(`a batch holds at most ${BATCH_MAX_ROWS} rows, got ${requests.length}`, 'rows');
  const out: R[] = new Array(requests.length);
  for (let i = 0; i < requests.length; i++) {
    try {
      out[i] = ok(i + 1, quote(checkRow(requests[i]), i + 1));
    } catch (e) {
      const status = statusOf(e);
      if (status === 500) throw e;
      const err = e as HubflowError;
      out[i] = failed(i + 1, { status, ...(err.field ? { field: err.field } : {}), detail: err.message });
    }
  }
  return out;
}

/** The shape checks the API schema does for single quotes, for rows that arrive as plain objects. */
function checkRow(req: unknown): QuoteRequest {
  if (typeof req !== 'object' || req === null || Array.isArray(req)) throw new InputError('a row must be an object', 'row');
  const r = req as Record<string, unknown>;
  for (const k of Object.keys(r)) if (!(BATCH_COLUMNS as readonly string[]).includes(k)) throw new InputError(`unknown field "${k}"`, k);
  for (const k of ['origin', 'destination']) {
    const v = r[k];
    const ok = typeof v === 'string' || (Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === 'number'));
    if (!ok) throw new InputError(`${k} must be a city id or name, or [lon, lat]`, k);
  }
  for (const k of NUMERIC) if (r[k] !== undefined && typeof r[k] !== 'number') throw new InputError(`${k} must be a number`, k);
  if (r.weightKg === undefined) throw new InputError('weightKg is required', 'weightKg');
  for (const k of ['service', 'shipAt']) if (r[k] !== undefined && typeof r[k] !== 'string') throw new InputError(`${k} must be a string`, k);
  return r as unknown as QuoteRequest;
}

/**
 * Rows from CSV text with a header naming some of BATCH_COLUMNS. Empty cells
 * are left out; numeric columns that do not parse are kept as text so that the
 * row gets its own error naming the field.
 */
export function parseBatchCsv(text: string): Record<string, unknown>[] {
  let records: string[][];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, trim: true, relax_column_count: true });
  } catch (e) {
    throw new InputError(`CSV: ${(e as Error).message}`, 'body');
  }
  if (records.length === 0) throw new InputError('CSV: a header row is required', 'body');
  const header = records[0];
  for (const h of header) if (!(BATCH_COLUMNS as readonly string[]).includes(h)) throw new InputError(`CSV: unknown column "${h}" (columns: ${BATCH_COLUMNS.join(', ')})`, h);
  for (const need of ['origin', 'destination', 'weightKg']) if (!header.includes(need)) throw new InputError(`CSV: column "${need}" is required`, need);
  return records.slice(1).map((rec) => {
    const row: Record<string, unknown> = {};
    header.forEach((h, j) => {
      const cell = rec[j];
      if (cell === undefined || cell === '') return;
      const n = Number(cell);
      row[h] = NUMERIC.has(h) && cell.trim() !== '' && Number.isFinite(n) ? n : cell;
    });
    return row;
  });
}

const csvCell = (v: unknown): string => {
  const s = v === undefined || v === null ? '' : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

const CSV_HEAD = ['row', 'origin', 'destination', 'service', 'priceCny', 'chargeableWeightKg', 'transitDays', 'deliveryDate', 'co2Kg', 'distanceKm', 'modes', 'tags', 'error'].join(',');

/** The CSV lines of one row, each ending in a newline. */
function csvLines(r: BatchRow): string {
  const line = (cells: unknown[]) => cells.map(csvCell).join(',') + '\n';
  if (!r.ok) return line([r.row, '', '', '', '', '', '', '', '', '', '', '', r.error.detail]);
  let out = '';
  for (const o of r.quote.options) {
    out += line([r.row, r.quote.origin.id, r.quote.destination.id, o.service, o.priceCny.toFixed(2), o.chargeableWeightKg, o.transitDays, o.deliveryDate, o.co2Kg, Math.round(o.path.distanceM / 1000), o.path.modes.join(';'), o.tags.join(';'), '']);
  }
  for (const u of r.quote.unavailable) out += line([r.row, r.quote.origin.id, r.quote.destination.id, u.service, '', '', '', '', '', '', '', '', u.reason]);
  return out;
}

/** One CSV line per quoted option, and one per failed row with its error. */
export function batchToCsv(result: BatchResult): string {
  return CSV_HEAD + '\n' + result.rows.map(csvLines).join('');
}
