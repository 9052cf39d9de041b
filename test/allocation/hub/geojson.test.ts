import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allocate, flowsGeoJson } from '../../../src/allocation/hub/index.js';
import { loadNetworkData, Network } from '../../../src/network/index.js';

const DIR = join(import.meta.dirname, '../../fixtures/allocation/network-two-routes');
const GOLDEN = join(DIR, 'flows.geojson');

describe('flowsGeoJson', () => {
  it('matches the golden flow map of the two-route fixture (UPDATE_GOLDEN=1 rewrites it)', async () => {
    const network = new Network(loadNetworkData(DIR));
    const r = await allocate(network, { demand: JSON.parse(readFileSync(join(DIR, 'demand.json'), 'utf8')), options: { trunkModeSets: [['road'], ['rail']] } }, { prices: false });
    const fc = flowsGeoJson(network, r.lanes);
    if (process.env.UPDATE_GOLDEN || !existsSync(GOLDEN)) writeFileSync(GOLDEN, JSON.stringify(fc, null, 1) + '\n');
    expect(fc).toEqual(JSON.parse(readFileSync(GOLDEN, 'utf8')));
    expect(fc.features.map((f) => `${f.properties.from}>${f.properties.to} ${f.properties.mode} ${f.properties.kgPerDay}`).sort()).toEqual([
      'a>ha road 10000',
      'a>ha2 road 10000',
      'ha2>hb rail 10000',
      'ha>hb road 10000',
      'hb>b road 20000',
    ]);
  });
});
