import { describe, expect, it } from 'vitest';
import { useTwoRoutesAllocations } from '../../api/helper.js';

// POST /api/allocations with lane decisions, on the two-route fixture (see its README).
const post = useTwoRoutesAllocations();
const demand = [{ from: 'a', to: 'b', kgPerDay: 20_000 }];
const options = { trunkModeSets: [['road'], ['rail']], laneDecisions: 'linehaul' };
const overrides = { hubCapacityTonnesPerDay: { ha: 100 }, laneFixedCnyPerDay: { 'ha~hb~road': 3_000, 'ha2~hb~rail': 500 } };

describe('POST /api/allocations: lanes to run', () => {
  it('decides which line-haul lane runs from the fixed costs, and a forced-open lane is paid for', async () => {
    const res = await post({ demand, options, overrides, geojson: false });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.integer).toBe(true);
    expect(body.objectiveCny).toBeCloseTo(20_000 * 0.555975 + 500, 0);
    expect(body.laneRuns.map((l: { laneId: string; run: boolean }) => [l.laneId, l.run])).toEqual([['ha2~hb~rail', true], ['ha~hb~road', false]]);
    expect(body.costs.fixedLaneCny).toBeCloseTo(500, 6);
    const forced = (await post({ demand, options, overrides: { ...overrides, forcedOpenLanes: ['ha~hb~road'] }, geojson: false })).json();
    expect(forced.objectiveCny).toBeCloseTo(20_000 * 0.44478 + 3_000, 0);
  });

  it.each([
    [{ demand, options, overrides: { laneFixedCnyPerDay: { 'ha~hb~road': -1 } } }, 'overrides.laneFixedCnyPerDay.ha~hb~road'],
    [{ demand, options, overrides: { laneFixedCnyPerDay: { 'ha~zz~road': 5 } } }, 'overrides.laneFixedCnyPerDay.ha~zz~road'],
    [{ demand, options, overrides: { forcedOpenLanes: ['atlantis'] } }, 'overrides.forcedOpenLanes.0'],
    [{ demand, options, overrides: { forcedOpenLanes: ['ha~hb~road'], closedLanes: ['ha~hb~road'] } }, 'overrides.forcedOpenLanes.0'],
    [{ demand, options: { laneDecisions: 'some' } }, 'options.laneDecisions'],
    [{ demand, options: { laneDecisions: ['ha~hb~air'] } }, 'options.laneDecisions.0'],
    [{ demand, options: { laneFixedShipmentsPerDay: -2 } }, 'options.laneFixedShipmentsPerDay'],
  ])('%j → 400 naming %s', async (body, field) => {
    const res = await post(body);
    expect(res.statusCode).toBe(400);
    // The field names the lane id as written ('~' unescaped from the JSON pointer's '~0').
    expect(res.json().field).toBe(field);
  });
});
