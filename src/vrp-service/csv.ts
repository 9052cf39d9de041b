import { parse } from 'csv-parse/sync';
import { DataError } from '../shared/errors.js';
import type { VrpRequest, VrpResult, VrpStopInput, VrpVehicleInput } from './types.js';

/**
 * CSV files of `hubflow vrp` (comma-separated, header line first, `#` lines
 * and blank lines ignored; times HH:MM or HH:MM:SS from midnight):
 *
 * stops.csv    id,lon,lat,kg,serviceMin,twStart,twEnd,penaltyCny   (all but id, lon, lat may be blank;
 *              penaltyCny makes the stop optional: left out when serving it costs more)
 * vehicles.csv id,lon,lat,capacityKg,shiftStart,shiftEnd,count,fixedCny,perKmCny,perHourCny,breakMin,breakFrom,breakTo
 *              (shift, count, costs may be blank: no shift, 1 vehicle, no cost → 1 CNY/km; a break of breakMin
 *              minutes starting between breakFrom and breakTo)
 */
export const STOP_COLUMNS = ['id', 'lon', 'lat', 'kg', 'serviceMin', 'twStart', 'twEnd', 'penaltyCny'] as const;
/** Columns of the vehicles file. */
export const VEHICLE_COLUMNS = ['id', 'lon', 'lat', 'capacityKg', 'shiftStart', 'shiftEnd', 'count', 'fixedCny', 'perKmCny', 'perHourCny', 'breakMin', 'breakFrom', 'breakTo'] as const;

/** Rows of a CSV text as { line, cell(column) }, checking the header has the required columns (csv-parse, as src/network/csv.ts). */
function rowsOf(file: string, text: string, required: readonly string[]): Array<{ line: number; get: (col: string) => string }> {
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(text, { bom: true, comment: '#', comment_no_infix: true, skip_empty_lines: true, trim: true, relax_column_count: true, info: true });
  } catch (e) {
    throw new DataError(file, (e as { lines?: number }).lines, undefined, (e as Error).message);
  }
  if (records.length === 0) throw new DataError(file, 1, undefined, 'empty file (expected a header line)');
  const { record: header, info: headerInfo } = records[0];
  for (const col of required) if (!header.includes(col)) throw new DataError(file, headerInfo.lines, col, `missing column "${col}" (header: ${header.join(',')})`);
  return records.slice(1).map(({ record: cells, info }) => {
    if (cells.length > header.length) throw new DataError(file, info.lines, undefined, `${cells.length} cells, the header has ${header.length}`);
    return { line: info.lines, get: (col: string) => cells[header.indexOf(col)] ?? '' };
  });
}

/** Seconds from midnight of "HH:MM" or "HH:MM:SS" (hours may exceed 23 for the next day). */
export function parseClock(s: string): number | null {
  const m = /^(\d{1,2}):([0-5]\d)(?::([0-5]\d))?$/.exec(s);
  if (!m) return null;
  return Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3] ?? 0);
}

/** "HH:MM" of seconds from midnight. */
export function formatClock(s: number): string {
  const m = Math.round(s / 60);
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

type Row = { line: number; get: (col: string) => string };

const num = (file: string, r: Row, col: string, opts: { required?: boolean; min?: number; max?: number; integer?: boolean } = {}): number | undefined => {
  const s = r.get(col);
  if (s === '') {
    if (opts.required) throw new DataError(file, r.line, col, 'is required');
    return undefined;
  }
  const x = Number(s);
  if (!Number.isFinite(x)) throw new DataError(file, r.line, col, `"${s}" is not a number`);
  if (opts.integer && !Number.isInteger(x)) throw new DataError(file, r.line, col, `"${s}" is not a whole number`);
  if (opts.min !== undefined && x < opts.min) throw new DataError(file, r.line, col, `${x} is below ${opts.min}`);
  if (opts.max !== undefined && x > opts.max) throw new DataError(file, r.line, col, `${x} is above ${opts.max}`);
  return x;
};

const clock = (file: string, r: Row, col: string): number | undefined => {
  const s = r.get(col);
  if (s === '') return undefined;
  const t = parseClock(s);
  if (t === null) throw new DataError(file, r.line, col, `"${s}" is not a time HH:MM`);
  return t;
};

const pair = (file: string, r: Row, a: string, b: string): [number, number] | undefined => {
  const x = clock(file, r, a);
  const y = clock(file, r, b);
  if (x === undefined && y === undefined) return undefined;
  if (x === undefined || y === undefined) throw new DataError(file, r.line, x === undefined ? a : b, `is required with ${x === undefined ? b : a}`);
  if (y < x) throw new DataError(file, r.line, b, `${formatClock(y)} is before ${a} ${formatClock(x)}`);
  return [x, y];
};

/** Parses a stops CSV; DataError names the file, line and column. */
export function parseStopsCsv(file: string, text: string): VrpStopInput[] {
  const seen = new Map<string, number>();
  return rowsOf(file, text, ['id', 'lon', 'lat']).map((r) => {
    const id = r.get('id');
    if (id === '') throw new DataError(file, r.line, 'id', 'is required');
    if (seen.has(id)) throw new DataError(file, r.line, 'id', `duplicate id "${id}" (also line ${seen.get(id)})`);
    seen.set(id, r.line);
    const kg = num(file, r, 'kg', { min: 0 });
    const serviceMin = num(file, r, 'serviceMin', { min: 0 });
    const tw = pair(file, r, 'twStart', 'twEnd');
    const penaltyCny = num(file, r, 'penaltyCny', { min: 0 });
    return {
      id,
      location: [num(file, r, 'lon', { required: true, min: -180, max: 180 })!, num(file, r, 'lat', { required: true, min: -90, max: 90 })!],
      ...(kg !== undefined ? { demand: { kg } } : {}),
      ...(serviceMin !== undefined ? { serviceS: serviceMin * 60 } : {}),
      ...(tw ? { timeWindows: [tw] } : {}),
      ...(penaltyCny !== undefined ? { penaltyCny } : {}),
    };
  });
}

/** Parses a vehicles CSV; DataError names the file, line and column. */
export function parseVehiclesCsv(file: string, text: string): VrpVehicleInput[] {
  const rows = rowsOf(file, text, ['id', 'lon', 'lat', 'capacityKg']);
  if (rows.length === 0) throw new DataError(file, undefined, undefined, 'no vehicle');
  return rows.map((r) => {
    const id = r.get('id');
    if (id === '') throw new DataError(file, r.line, 'id', 'is required');
    const shift = pair(file, r, 'shiftStart', 'shiftEnd');
    const count = num(file, r, 'count', { min: 0, integer: true });
    const breakMin = num(file, r, 'breakMin', { min: 0 });
    const breakWindow = pair(file, r, 'breakFrom', 'breakTo');
    if (breakMin !== undefined && breakMin > 0 && !breakWindow) throw new DataError(file, r.line, 'breakFrom', 'is required with breakMin');
    const costs = { fixedCny: num(file, r, 'fixedCny', { min: 0 }), perKmCny: num(file, r, 'perKmCny', { min: 0 }), perHourCny: num(file, r, 'perHourCny', { min: 0 }) };
    const given = Object.fromEntries(Object.entries(costs).filter(([, v]) => v !== undefined));
    return {
      id,
      start: [num(file, r, 'lon', { required: true, min: -180, max: 180 })!, num(file, r, 'lat', { required: true, min: -90, max: 90 })!],
      capacity: { kg: num(file, r, 'capacityKg', { required: true, min: 0 })! },
      ...(shift ? { shift } : {}),
      ...(count !== undefined ? { count } : {}),
      ...(breakMin && breakWindow ? { break: { durationS: breakMin * 60, window: breakWindow } } : {}),
      ...(Object.keys(given).length > 0 ? { costs: given } : {}),
    };
  });
}

/** A request from the two CSV texts. */
export function requestFromCsv(stopsFile: string, stopsText: string, vehiclesFile: string, vehiclesText: string): VrpRequest {
  return { stops: parseStopsCsv(stopsFile, stopsText), vehicles: parseVehiclesCsv(vehiclesFile, vehiclesText) };
}

const csvCell = (x: string | number): string => (typeof x === 'string' && /[",\n]/.test(x) ? `"${x.replace(/"/g, '""')}"` : String(x));

/** The plan as CSV: one line per step (vehicle, sequence, stop, position, times HH:MM, waiting, load after). */
export function planToCsv(result: VrpResult): string {
  const header = ['vehicle', 'seq', 'type', 'stopId', 'lon', 'lat', 'arrival', 'serviceStart', 'departure', 'waitingMin', ...result.dimensions.map((d) => `load_${d}`), 'late'];
  const lines = [header.join(',')];
  for (const r of result.routes) {
    r.steps.forEach((s, k) => {
      lines.push(
        [
          r.vehicle, k, s.type, s.id ?? '', s.location?.[0] ?? '', s.location?.[1] ?? '', formatClock(s.arrivalS),
          s.serviceStartS !== undefined ? formatClock(s.serviceStartS) : '', formatClock(s.departureS), Math.round(s.waitingS / 6) / 10,
          ...s.load, s.late ? 'yes' : '',
        ].map(csvCell).join(','),
      );
    });
  }
  for (const u of result.unassigned) lines.push([csvCell('(unassigned)'), '', 'unassigned', csvCell(u.id), '', '', '', '', '', '', ...result.dimensions.map(() => ''), csvCell(u.reason)].join(','));
  return lines.join('\n') + '\n';
}
