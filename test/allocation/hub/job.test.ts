import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allocationJob } from '../../../src/allocation/hub/job.js';
import { allocationWork } from '../../../src/allocation/hub/run.js';
import type { Progress } from '../../../src/shared/stop.js';

const DIR = join(import.meta.dirname, '../../fixtures/allocation/network-two-routes');
const demand = [{ from: 'a', to: 'b', kgPerDay: 20_000 }];
const options = { trunkModeSets: [['road'], ['rail']] as ('road' | 'rail')[][] };

describe('allocationJob', () => {
  it('solves the hand-checked fixture (¥10,007.55/day) and reports each phase in order', async () => {
    const seen: Progress[] = [];
    const r = await allocationJob({ dataDir: DIR, run: { demand, options, integer: false } }, { onProgress: (p) => seen.push(p), signal: new AbortController().signal });
    expect(r.objectiveCny).toBeCloseTo(10_007.55, 1);
    expect(r.congestion.ha).toBeCloseTo(0.1112, 4);
    expect(r.geojson?.features.length).toBeGreaterThan(0);
    const fractions = seen.map((p) => p.fraction ?? -1);
    expect(fractions[0]).toBe(0);
    expect(fractions.at(-1)).toBe(1);
    expect([...fractions].sort((a, b) => a - b)).toEqual(fractions);
    expect(seen.some((p) => p.message?.startsWith('solving'))).toBe(true);
  });

  it('the what-if of a closed hub moves the flow to the rail route (¥11,119.50/day), without GeoJSON when not asked', async () => {
    const ctx = { onProgress: () => undefined, signal: new AbortController().signal };
    const r = await allocationJob({ dataDir: DIR, run: { demand, options, integer: false, overrides: { closedHubs: ['ha'] }, geojson: false } }, ctx);
    expect(r.objectiveCny).toBeCloseTo(11_119.5, 1);
    expect(r.geojson).toBeUndefined();
    expect(r.hubs.find((h) => h.hub === 'ha')?.closed).toBe(true);
  });
});

describe('allocationWork', () => {
  it('counts pairs with demand × routes per pair, ×10 for the mixed-integer model', () => {
    const d = [...demand, { from: 'b', to: 'a', kgPerDay: 5 }, { from: 'a', to: 'b', kgPerDay: 0 }];
    expect(allocationWork({ demand: d, integer: false }, 4)).toBe(8);
    expect(allocationWork({ demand: d, integer: true, options: { maxRoutesPerOd: 2 } }, 4)).toBe(40);
    const lanes = (laneDecisions: unknown) => ({ demand: d, integer: false, options: { laneDecisions } as never });
    expect(allocationWork(lanes('linehaul'), 4)).toBe(80);
    expect(allocationWork(lanes('none'), 4)).toBe(8);
  });
});
