import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadNetworkData, Network } from '../../src/network/index.js';
import { DataError } from '../../src/shared/errors.js';

const fixture = join(import.meta.dirname, '../fixtures/network-small');

/** A copy of the fixture with one file's text changed. */
function broken(file: string, edit: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'hubflow-net-'));
  cpSync(fixture, dir, { recursive: true });
  writeFileSync(join(dir, file), edit(readFileSync(join(dir, file), 'utf8')));
  return dir;
}

describe('loadNetworkData', () => {
  it('loads the fixture', () => {
    const data = loadNetworkData(fixture);
    expect(data.cities.map((c) => c.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(data.hubs[0]).toMatchObject({ id: 'h', kind: 'sort', modes: ['road', 'rail'], capacityBasis: 'assumption' });
    expect(data.modes.rail.costCnyPerTonneKm).toBe(0.5);
    expect(data.lanes).toHaveLength(6);
  });

  it.each([
    ['cities.csv', (t: string) => t.replace('0,0,1000000', 'east,0,1000000'), /cities\.csv:2 \(lon\).*not a number/],
    ['cities.csv', (t: string) => t.replace('b,Beta', 'a,Beta'), /cities\.csv:3 \(id\).*duplicate id "a"/],
    ['cities.csv', (t: string) => t.replace('3,0,100000', '3,95,100000'), /cities\.csv:5 \(lat\)/],
    ['hubs.csv', (t: string) => t.replace('road;rail', 'road;hyperloop'), /hubs\.csv:2 \(modes\).*hyperloop/],
    ['hubs.csv', (t: string) => t.replace(',sort,,', ',sort,zeta,'), /hubs\.csv:2 \(cityId\).*zeta/],
    ['lanes.csv', (t: string) => t.replace('c,d,sea', 'c,x,sea'), /lanes\.csv:7 \(to\).*unknown place "x"/],
    ['lanes.csv', (t: string) => t + 'b,a,road\n', /lanes\.csv:8.*listed twice/],
    ['modes.csv', (t: string) => t.replace(/^sea.*\n/m, ''), /modes\.csv \(mode\).*"sea" is missing/],
    ['modes.csv', (t: string) => t.replace('road,1,5', 'road,-1,5'), /modes\.csv:2 \(costCnyPerTonneKm\)/],
    ['cities.csv', (t: string) => t.replace('population,', 'pop,'), /cities\.csv:1 \(population\).*missing column/],
  ])('reports a bad %s with file, line and field', (file, edit, message) => {
    const dir = broken(file, edit);
    expect(() => loadNetworkData(dir)).toThrowError(DataError);
    expect(() => loadNetworkData(dir)).toThrowError(message);
  });
});

describe('Network graph', () => {
  const network = new Network(loadNetworkData(fixture));
  it('has one node per place and two directed edges per lane', () => {
    const g = network.graph();
    expect(g.order).toBe(5);
    expect(g.size).toBe(12);
    const e = g.getEdgeAttributes('a~b~road>');
    expect(e.distanceM / 1000).toBeCloseTo(111.195, 2);
    expect(e.durationS).toBeCloseTo((111.19508 / 100) * 3600, 0);
    expect(e.perKgCny).toBeCloseTo(0.11119508, 6);
    expect(e.fixedCny).toBe(5);
  });
  it('builds a graph restricted to some modes', () => {
    expect(network.graph(['rail']).size).toBe(4);
    expect(network.graph(['sea']).size).toBe(2);
  });
  it('resolves ids, English names in any case, and Chinese names', () => {
    expect(network.resolve('GAMMA', 'from').id).toBe('c');
    expect(network.resolve('丁城', 'to').id).toBe('d');
    expect(network.resolve('Hotel Hub', 'to').id).toBe('h');
  });
});
