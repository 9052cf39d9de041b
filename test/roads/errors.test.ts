import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadPreparedRoadGraph, loadRoadGraph, parseOsmPbf, parseRoadBin, parseRoadCsv, prepareRoadNetwork, saveRoadNetwork } from '../../src/roads/index.js';
import { DataError, InputError } from '../../src/shared/errors.js';
import { ANDORRA_PBF, TOWN_EDGES, TOWN_NODES } from './fixtures.js';

const root = mkdtempSync(join(tmpdir(), 'hubflow-roads-err-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function thrown(f: () => unknown): Error {
  try {
    f();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected an error');
}

describe('bad road input gives clear errors', () => {
  it('unknown file and unknown format', () => {
    const e = thrown(() => loadRoadGraph(join(root, 'missing.osm.pbf')));
    expect(e).toBeInstanceOf(InputError);
    expect(e.message).toMatch(/no such file: .*missing\.osm\.pbf/);
    expect(thrown(() => loadRoadGraph('roads.geojson')).message).toMatch(/unknown road graph format "roads.geojson"/);
    expect(thrown(() => loadRoadGraph(join(root, 'x.nodes.csv')))).toBeInstanceOf(InputError);
  });

  it('corrupt and truncated .osm.pbf files', () => {
    const junk = thrown(() => parseOsmPbf(new TextEncoder().encode('this is not a protobuf file at all'), 'junk.osm.pbf'));
    expect(junk).toBeInstanceOf(DataError);
    expect(junk.message).toMatch(/^junk\.osm\.pbf: not a readable \.osm\.pbf file/);
    const head = readFileSync(ANDORRA_PBF).subarray(0, 5000);
    expect(thrown(() => parseOsmPbf(head, 'cut.osm.pbf'))).toBeInstanceOf(DataError);
    expect(thrown(() => parseOsmPbf(head, 'cut.osm.pbf')).message).toMatch(/truncated/);
    expect(thrown(() => parseOsmPbf(new Uint8Array(0), 'empty.osm.pbf'))).toBeInstanceOf(DataError);
    const scrambled = Uint8Array.from(readFileSync(ANDORRA_PBF));
    for (let i = 0; i < 500; i++) scrambled[200_000 + i] = (i * 97 + 13) & 255;
    expect(thrown(() => parseOsmPbf(scrambled, 'bad.osm.pbf')).message).toMatch(/^bad\.osm\.pbf: not a readable \.osm\.pbf file \(block at byte \d+/);
  });

  it('a bad CSV row names the file, the line and the field', () => {
    const badMeters = TOWN_EDGES.replace('0,3,100,0,residential', '0,3,abc,0,residential');
    const e = thrown(() => parseRoadCsv(TOWN_NODES, badMeters, 'town.nodes.csv', 'town.edges.csv')) as DataError;
    expect(e).toBeInstanceOf(DataError);
    expect(e.message).toBe('town.edges.csv:4 (meters): not a number: "abc"');
    expect(e.field).toBe('meters');
    expect(thrown(() => parseRoadCsv(TOWN_NODES, TOWN_EDGES.replace('6,7,100', '6,9,100'), 'n', 'e')).message).toBe('e:9 (to): unknown node 9');
    expect(thrown(() => parseRoadCsv(TOWN_NODES.replace('0.001,0.002', '95,0.002'), TOWN_EDGES, 'n', 'e')).message).toBe('n:7 (lat): out of range: 95');
    expect(thrown(() => parseRoadCsv(TOWN_NODES, TOWN_EDGES.replace('1,2,100,1', '1,2,100,yes'), 'n', 'e')).message).toMatch(/^e:3 \(oneway\)/);
    expect(thrown(() => parseRoadCsv('id,lat,lon\n', TOWN_EDGES, 'n', 'e')).message).toMatch(/^n:1: header must be/);
  });

  it('bad .bin files name the record and field', () => {
    const co = new Uint8Array(new Int32Array([0, 0, 10, 0]).buffer);
    expect(parseRoadBin(co, new Uint8Array(new Int32Array([1, 2]).buffer)).arcCount).toBe(2);
    expect(thrown(() => parseRoadBin(co, new Uint8Array(new Int32Array([1, 2, 2, 3]).buffer), 'c.co.bin', 'g.gr.bin')).message).toBe(
      'g.gr.bin:2 (toId): unknown node id 3 (ids are 1..2)',
    );
    expect(thrown(() => parseRoadBin(co.subarray(0, 6), new Uint8Array(0), 'c.co.bin')).message).toMatch(/^c\.co\.bin: coordinates: size 6 bytes/);
  });

  it('a missing or truncated prepared graph', () => {
    expect(thrown(() => loadPreparedRoadGraph(join(root, 'nothing')))).toBeInstanceOf(InputError);
    const dir = join(root, 'town');
    saveRoadNetwork(prepareRoadNetwork(parseRoadCsv(TOWN_NODES, TOWN_EDGES)), dir);
    truncateSync(join(dir, 'ch-time.bin'), 100);
    expect(thrown(() => loadPreparedRoadGraph(dir)).message).toMatch(/^ch-time\.bin: size 100 bytes, header says \d+/);
    writeFileSync(join(dir, 'roads.json'), '{');
    expect(thrown(() => loadPreparedRoadGraph(dir))).toBeInstanceOf(DataError);
  });
});
