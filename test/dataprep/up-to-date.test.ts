import { describe, expect, it } from 'vitest';
import { generateData } from '../../src/dataprep/generate.js';
import { readData } from './shipped.js';

describe('shipped data', () => {
  it('equals what the generator produces (run `npm run data` after changing src/dataprep)', () => {
    const { files } = generateData();
    expect([...files.keys()].sort()).toEqual(['basemap/china-provinces.geojson', 'cities.csv', 'hubs.csv', 'lanes.csv', 'modes.csv']);
    for (const [rel, content] of files) expect(readData(rel) === content, `${rel} is stale`).toBe(true);
  });
});
