/** Helpers for the data tests: read the shipped files once. */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { parseCsv } from '../../src/dataprep/csv.js';

/** Absolute path of data/. */
export const DATA_DIR = join(resolve(dirname(fileURLToPath(import.meta.url)), '..', '..'), 'data');

/** Raw text of a shipped file. */
export function readData(rel: string): string {
  return readFileSync(join(DATA_DIR, rel), 'utf8');
}

/** Rows of a shipped CSV as objects keyed by header. */
export function readCsv(rel: string): Record<string, string>[] {
  return parseCsv(readData(rel));
}

/** Header row of a shipped CSV. */
export function header(rel: string): string[] {
  return readData(rel).split('\n')[0].split(',');
}

/** The shipped province outlines. */
export function readProvinces(): FeatureCollection<Polygon | MultiPolygon, { name: string; nameZh: string }> {
  return JSON.parse(readData('basemap/china-provinces.geojson'));
}
