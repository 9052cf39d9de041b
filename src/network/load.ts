import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DataError } from '../shared/errors.js';
import { readCsv, type CsvRow } from './csv.js';
import { loadSeaGraph } from './sea.js';
import { MODES, type City, type Hub, type Lane, type Mode, type ModeParams, type NetworkData } from './types.js';

/**
 * Loads and validates the network from a data directory holding cities.csv,
 * hubs.csv, modes.csv and lanes.csv (columns in data/README.md). Every problem
 * is reported as a DataError naming the file, the line and the field.
 */
export function loadNetworkData(dataDir: string): NetworkData {
  const cities = loadCities(join(dataDir, 'cities.csv'));
  const hubs = loadHubs(join(dataDir, 'hubs.csv'), new Set(cities.map((c) => c.id)));
  const modes = loadModes(join(dataDir, 'modes.csv'));
  const ids = new Set<string>();
  for (const p of [...cities, ...hubs]) {
    if (ids.has(p.id)) throw new DataError(join(dataDir, 'hubs.csv'), undefined, 'id', `id "${p.id}" is used twice (cities and hubs share one id space)`);
    ids.add(p.id);
  }
  const lanes = loadLanes(join(dataDir, 'lanes.csv'), ids);
  const seaFile = join(dataDir, 'sea-waypoints.json');
  const sea = existsSync(seaFile) ? loadSeaGraph(seaFile) : undefined;
  return { cities, hubs, modes, lanes, sea };
}

const ID_RE = /^[a-z0-9][a-z0-9-]*$/;

function text(file: string, row: CsvRow, field: string, opts: { optional?: boolean } = {}): string {
  const v = row.get(field);
  if (!v && !opts.optional) throw new DataError(file, row.line, field, 'is empty');
  return v;
}

function id(file: string, row: CsvRow, field: string): string {
  const v = text(file, row, field);
  if (!ID_RE.test(v)) throw new DataError(file, row.line, field, `"${v}" is not an id (lowercase letters, digits and hyphens)`);
  return v;
}

function num(file: string, row: CsvRow, field: string, min: number, max = Infinity): number {
  const raw = text(file, row, field);
  const v = Number(raw);
  if (!Number.isFinite(v)) throw new DataError(file, row.line, field, `"${raw}" is not a number`);
  if (v < min || v > max) throw new DataError(file, row.line, field, `${v} is outside [${min}, ${max}]`);
  return v;
}

function mode(file: string, row: CsvRow, field: string, raw = text(file, row, field)): Mode {
  if (!(MODES as readonly string[]).includes(raw)) throw new DataError(file, row.line, field, `"${raw}" is not one of ${MODES.join(', ')}`);
  return raw as Mode;
}

function unique<T extends { id: string }>(file: string, rows: CsvRow[], items: T[]): T[] {
  const seen = new Map<string, number>();
  items.forEach((it, i) => {
    const prev = seen.get(it.id);
    if (prev !== undefined) throw new DataError(file, rows[i].line, 'id', `duplicate id "${it.id}" (first on line ${prev})`);
    seen.set(it.id, rows[i].line);
  });
  return items;
}

export function loadCities(file: string): City[] {
  const rows = readCsv(file, ['id', 'name', 'nameZh', 'province', 'provinceZh', 'lon', 'lat', 'population', 'geonamesId', 'isProvincialCapital']);
  const cities = rows.map((r) => {
    const cap = text(file, r, 'isProvincialCapital');
    if (cap !== '0' && cap !== '1') throw new DataError(file, r.line, 'isProvincialCapital', `"${cap}" must be 0 or 1`);
    return {
      id: id(file, r, 'id'),
      name: text(file, r, 'name'),
      nameZh: text(file, r, 'nameZh'),
      province: text(file, r, 'province'),
      provinceZh: text(file, r, 'provinceZh', { optional: true }),
      lon: num(file, r, 'lon', -180, 180),
      lat: num(file, r, 'lat', -90, 90),
      population: num(file, r, 'population', 0),
      geonamesId: num(file, r, 'geonamesId', 0),
      isProvincialCapital: cap === '1',
    };
  });
  if (cities.length === 0) throw new DataError(file, undefined, undefined, 'no cities');
  return unique(file, rows, cities);
}

export function loadHubs(file: string, cityIds: Set<string>): Hub[] {
  const rows = readCsv(file, ['id', 'name', 'nameZh', 'kind', 'cityId', 'country', 'lon', 'lat', 'modes', 'capacityTonnesPerDay', 'capacityBasis', 'source']);
  const hubs = rows.map((r): Hub => {
    const kind = text(file, r, 'kind');
    if (kind !== 'sort' && kind !== 'ehub') throw new DataError(file, r.line, 'kind', `"${kind}" must be sort or ehub`);
    const cityId = text(file, r, 'cityId', { optional: true });
    if (cityId && !cityIds.has(cityId)) throw new DataError(file, r.line, 'cityId', `unknown city "${cityId}"`);
    const modes = text(file, r, 'modes').split(';').map((m) => mode(file, r, 'modes', m.trim()));
    const basis = text(file, r, 'capacityBasis');
    if (basis !== 'public' && basis !== 'assumption') throw new DataError(file, r.line, 'capacityBasis', `"${basis}" must be public or assumption`);
    const country = text(file, r, 'country');
    if (!/^[A-Z]{2}$/.test(country)) throw new DataError(file, r.line, 'country', `"${country}" is not an ISO 3166-1 alpha-2 code`);
    return {
      id: id(file, r, 'id'),
      name: text(file, r, 'name'),
      nameZh: text(file, r, 'nameZh', { optional: true }),
      kind,
      cityId: cityId || null,
      country,
      lon: num(file, r, 'lon', -180, 180),
      lat: num(file, r, 'lat', -90, 90),
      modes,
      capacityTonnesPerDay: num(file, r, 'capacityTonnesPerDay', 0),
      capacityBasis: basis,
      source: text(file, r, 'source', { optional: true }),
    };
  });
  return unique(file, rows, hubs);
}

export function loadModes(file: string): Record<Mode, ModeParams> {
  const rows = readCsv(file, ['mode', 'costCnyPerTonneKm', 'fixedCostCnyPerShipment', 'handlingCostCnyPerKg', 'speedKmh', 'handlingH', 'co2KgPerTonneKm', 'detourFactor']);
  const out: Partial<Record<Mode, ModeParams>> = {};
  for (const r of rows) {
    const m = mode(file, r, 'mode');
    if (out[m]) throw new DataError(file, r.line, 'mode', `mode "${m}" is listed twice`);
    out[m] = {
      mode: m,
      costCnyPerTonneKm: num(file, r, 'costCnyPerTonneKm', 0),
      fixedCostCnyPerShipment: num(file, r, 'fixedCostCnyPerShipment', 0),
      handlingCostCnyPerKg: num(file, r, 'handlingCostCnyPerKg', 0),
      speedKmh: num(file, r, 'speedKmh', 1e-6),
      handlingH: num(file, r, 'handlingH', 0),
      co2KgPerTonneKm: num(file, r, 'co2KgPerTonneKm', 0),
      detourFactor: num(file, r, 'detourFactor', 1, 5),
      basis: safeGet(r, 'basis'),
      range: safeGet(r, 'range'),
      source: safeGet(r, 'source'),
    };
  }
  for (const m of MODES) {
    if (!out[m]) throw new DataError(file, undefined, 'mode', `mode "${m}" is missing`);
  }
  return out as Record<Mode, ModeParams>;
}

function safeGet(r: CsvRow, field: string): string {
  try {
    return r.get(field);
  } catch {
    return '';
  }
}

export function loadLanes(file: string, placeIds: Set<string>): Lane[] {
  const rows = readCsv(file, ['from', 'to', 'mode']);
  const seen = new Set<string>();
  return rows.map((r) => {
    const from = text(file, r, 'from');
    const to = text(file, r, 'to');
    if (!placeIds.has(from)) throw new DataError(file, r.line, 'from', `unknown place "${from}"`);
    if (!placeIds.has(to)) throw new DataError(file, r.line, 'to', `unknown place "${to}"`);
    if (from === to) throw new DataError(file, r.line, 'to', `lane from "${from}" to itself`);
    const m = mode(file, r, 'mode');
    const key = [from, to].sort().join('|') + '|' + m;
    if (seen.has(key)) throw new DataError(file, r.line, 'to', `lane ${from}–${to} by ${m} is listed twice`);
    seen.add(key);
    return { from, to, mode: m };
  });
}
