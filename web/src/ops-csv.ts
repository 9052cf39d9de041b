// Stops from a CSV file (pure): reading the text, guessing which column holds what (the user can
// change it in the mapping step), and turning rows into stops with a clear error per bad row.
import type { OpsStop } from './ops-types.js';
import { parseClock } from './ops-logic.js';
import { csvRecords } from './csv-text.js';

/** The fields a stop can take from a column. */
export const STOP_FIELDS = ['id', 'lon', 'lat', 'kg', 'serviceMin', 'twStart', 'twEnd', 'pickupId'] as const;
/** One of {@link STOP_FIELDS}. */
export type StopField = (typeof STOP_FIELDS)[number];

/** How each field is shown in the mapping step; required ones first. */
export const FIELD_LABEL: Record<StopField, string> = {
  id: 'Stop id',
  lon: 'Longitude',
  lat: 'Latitude',
  kg: 'Demand (kg)',
  serviceMin: 'Service (min)',
  twStart: 'Window opens (HH:MM)',
  twEnd: 'Window closes (HH:MM)',
  pickupId: 'Picked up at (stop id)',
};

/** Fields a row cannot do without. */
export const REQUIRED: readonly StopField[] = ['lon', 'lat'];

/** Field → column index, -1 for none. */
export type Mapping = Record<StopField, number>;

/** A CSV file read into a header and rows (row numbers are the file's line numbers). */
export interface CsvTable {
  header: string[];
  rows: Array<{ line: number; cells: string[] }>;
}

/**
 * Reads CSV text (comma, semicolon or tab separated, as the header line has most of; quoted cells as
 * RFC 4180; `#` lines and blank lines skipped; the first other line is the header). Cells are trimmed.
 */
export function readCsv(text: string): CsvTable {
  // Comment lines become blank (a quote in a comment must not open a cell); line numbers stay.
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const clean = lines.map((l) => (l.startsWith('#') ? '' : l)).join('\n');
  const first = lines.find((l) => l.trim() !== '' && !l.startsWith('#'));
  if (first === undefined) return { header: [], rows: [] };
  const sep = [',', ';', '\t'].map((c) => [c, first.split(c).length] as const).sort((a, b) => b[1] - a[1])[0][0];
  const records = csvRecords(clean, sep)
    .filter((r) => r.cells.some((c) => c.trim() !== ''))
    .map((r) => ({ line: r.line, cells: r.cells.map((c) => c.trim()) }));
  if (records.length === 0) return { header: [], rows: [] };
  return { header: records[0].cells, rows: records.slice(1) };
}

/** Header words that name each field (lower case, spaces/underscores/dashes removed). */
const SYNONYMS: Record<StopField, string[]> = {
  id: ['id', 'stopid', 'stop', 'name', 'ref', 'reference', 'order', 'orderid', 'customer', 'code'],
  lon: ['lon', 'lng', 'long', 'longitude', 'x', '经度'],
  lat: ['lat', 'latitude', 'y', '纬度'],
  kg: ['kg', 'weight', 'weightkg', 'demand', 'demandkg', 'load', 'qty', 'quantity', 'size'],
  serviceMin: ['servicemin', 'service', 'servicetime', 'servicemins', 'duration', 'dwell', 'stopmin', 'handling'],
  twStart: ['twstart', 'start', 'from', 'ready', 'readytime', 'earliest', 'open', 'windowstart', 'timefrom', 'opens'],
  twEnd: ['twend', 'end', 'to', 'due', 'duetime', 'latest', 'close', 'windowend', 'timeto', 'closes'],
  pickupId: ['pickupid', 'pickup', 'pickupof', 'pickupstop', 'pairwith', 'pair', 'pickedupat'],
};

/** Guesses the mapping from the header: exact synonyms first, then a synonym contained in the name. */
export function guessMapping(header: string[]): Mapping {
  const norm = header.map((h) => h.toLowerCase().replace(/[\s_\-().]/g, ''));
  const m = Object.fromEntries(STOP_FIELDS.map((f) => [f, -1])) as Mapping;
  const taken = new Set<number>();
  for (const pass of ['exact', 'contains'] as const) {
    for (const f of STOP_FIELDS) {
      if (m[f] >= 0) continue;
      const k = norm.findIndex((h, i) => !taken.has(i) && SYNONYMS[f].some((w) => (pass === 'exact' ? h === w : w.length >= 3 && h.includes(w))));
      if (k >= 0) (m[f] = k), taken.add(k);
    }
  }
  return m;
}

/** A bad row: its line in the file, the field and what is wrong. */
export interface RowError {
  line: number;
  field: StopField | null;
  message: string;
}

/**
 * The stops of a table under a mapping, the pickup-and-delivery pairs (a delivery row names its
 * pickup's id in the pickup column), and the rows left out with why.
 */
export function stopsFromTable(t: CsvTable, m: Mapping): { stops: OpsStop[]; pairs: Array<{ pickup: string; delivery: string }>; errors: RowError[] } {
  const missing = REQUIRED.filter((f) => m[f] < 0);
  if (missing.length) return { stops: [], pairs: [], errors: [{ line: 0, field: missing[0], message: `choose the column of ${missing.map((f) => FIELD_LABEL[f].toLowerCase()).join(' and ')}` }] };
  const wanted: Array<{ line: number; pickup: string; delivery: string }> = [];
  const stops: OpsStop[] = [];
  const errors: RowError[] = [];
  const seen = new Map<string, number>();
  for (const row of t.rows) {
    const get = (f: StopField) => (m[f] >= 0 ? (row.cells[m[f]] ?? '').trim() : '');
    const bad = (field: StopField, message: string) => errors.push({ line: row.line, field, message });
    const num = (f: StopField, lo: number, hi: number): number | null | undefined => {
      const s = get(f);
      if (s === '') return undefined;
      const x = Number(s.replace(',', '.'));
      if (!Number.isFinite(x)) return bad(f, `"${s}" is not a number`), null;
      if (x < lo || x > hi) return bad(f, `${x} is out of range (${lo} to ${hi})`), null;
      return x;
    };
    const before = errors.length;
    const id = get('id') || `row${row.line}`;
    if (seen.has(id)) bad('id', `duplicate id "${id}" (also line ${seen.get(id)})`);
    const lon = num('lon', -180, 180);
    const lat = num('lat', -90, 90);
    if (lon === undefined) bad('lon', 'is empty');
    if (lat === undefined) bad('lat', 'is empty');
    const kg = num('kg', 0, 1e6);
    const svc = num('serviceMin', 0, 24 * 60);
    const open = get('twStart');
    const close = get('twEnd');
    let tw: [number, number] | undefined;
    if (open || close) {
      const a = open ? parseClock(open) : null;
      const b = close ? parseClock(close) : null;
      if (open && a === null) bad('twStart', `"${open}" is not a time HH:MM`);
      else if (close && b === null) bad('twEnd', `"${close}" is not a time HH:MM`);
      else if (!open || !close) bad(open ? 'twEnd' : 'twStart', 'give both ends of the window, or neither');
      else if (b! < a!) bad('twEnd', `${close} is before the window opens (${open})`);
      else tw = [a!, b!];
    }
    if (errors.length > before) continue;
    seen.set(id, row.line);
    const pickup = get('pickupId');
    if (pickup) wanted.push({ line: row.line, pickup, delivery: id });
    stops.push({
      id,
      location: [lon!, lat!],
      ...(kg !== undefined ? { demand: { kg: kg! } } : {}),
      ...(svc !== undefined ? { serviceS: svc! * 60 } : {}),
      ...(tw ? { timeWindows: [tw] } : {}),
    });
  }
  // pairs: the pickup must be a stop of the file, other than the delivery, in one pair only
  const pairs: Array<{ pickup: string; delivery: string }> = [];
  const paired = new Set<string>();
  for (const w of wanted) {
    const bad = (message: string) => errors.push({ line: w.line, field: 'pickupId', message: `${message}; the stop is kept without a pair` });
    if (w.pickup === w.delivery) bad('a stop cannot be its own pickup');
    else if (!seen.has(w.pickup)) bad(`no stop "${w.pickup}" in the file (or its row has errors)`);
    else if (paired.has(w.pickup) || paired.has(w.delivery)) bad(`"${paired.has(w.pickup) ? w.pickup : w.delivery}" is already in a pair`);
    else {
      pairs.push({ pickup: w.pickup, delivery: w.delivery });
      paired.add(w.pickup).add(w.delivery);
    }
  }
  return { stops, pairs, errors };
}

/** A line of the errors list: "Line 5, Latitude: "abc" is not a number". */
export function errorLine(e: RowError): string {
  const where = e.line > 0 ? `Line ${e.line}` : 'Mapping';
  return `${where}${e.field ? `, ${FIELD_LABEL[e.field]}` : ''}: ${e.message}`;
}
