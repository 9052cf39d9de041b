import { describe, expect, it } from 'vitest';
import { guessMapping, readCsv, stopsFromTable, errorLine } from '../../web/src/ops-csv.js';
import {
  cheapestPosition, clock, DEFAULT_OPS, fleetLabels, formatOps, moveStop, moveWithPartner, parseClock, parseOps, planCsv, planGeojson, planOf, routeColour, routeDash, setFleetSlots, shiftStop,
} from '../../web/src/ops-logic.js';
import type { LonLat, OpsResult, PlanRoute } from '../../web/src/ops-types.js';

const q = (s: string) => new URLSearchParams(s);
const fmt = (s: Parameters<typeof formatOps>[0]) => {
  const parts: string[] = [];
  formatOps(s, parts);
  return parts.join('&');
};

describe('ops URL state', () => {
  it('round-trips the sample and the seconds; defaults are left out; junk falls back', () => {
    expect(parseOps(q(''))).toEqual(DEFAULT_OPS);
    expect(fmt(DEFAULT_OPS)).toBe('');
    const s = { sample: 'baltimore' as const, seconds: 10 };
    expect(fmt(s)).toBe('os=baltimore&osec=10');
    expect(parseOps(q(fmt(s)))).toEqual(s);
    expect(parseOps(q('os=atlantis&osec=0'))).toEqual(DEFAULT_OPS);
    expect(parseOps(q('osec=2.5')).seconds).toBe(DEFAULT_OPS.seconds);
    expect(parseOps(q('osec=61')).seconds).toBe(DEFAULT_OPS.seconds);
  });
});

describe('ops colours, clock, labels', () => {
  it('colours by vehicle label, stable across edits; dashed past the palette', () => {
    expect(routeColour('van#1')).toBe('#0072B2');
    expect(routeColour('van')).toBe('#0072B2');
    expect(routeColour('van#2')).toBe('#E69F00');
    expect(routeColour('van#8')).toBe(routeColour('van#1'));
    // a second type's vehicles continue the sequence after the first type's count
    setFleetSlots([{ id: 'van', count: 2 }, { id: 'truck', count: 1 }]);
    expect(routeColour('truck')).toBe(routeColour('van#3'));
    expect(routeColour('truck')).not.toBe(routeColour('van#1'));
    setFleetSlots([]);
    expect(routeDash('van#1')).toBeUndefined();
    expect(routeDash('van#8')).toBeDefined();
    expect(fleetLabels('van', 1)).toEqual(['van']);
    expect(fleetLabels('van', 3)).toEqual(['van#1', 'van#2', 'van#3']);
  });

  it('clock times both ways', () => {
    expect(clock(8 * 3600 + 5 * 60 + 29)).toBe('08:05');
    expect(clock(8 * 3600 + 5 * 60 + 31)).toBe('08:06');
    expect(parseClock('8:30')).toBe(8 * 3600 + 1800);
    expect(parseClock('25:00')).toBe(25 * 3600);
    expect(parseClock('8:75')).toBeNull();
    expect(parseClock('noon')).toBeNull();
  });
});

describe('ops plan edits', () => {
  const depot: LonLat = [0, 0];
  // a loop depot → a (east) → b (north of a) → depot; x halfway between a and b; c west
  const loc = new Map<string, LonLat>([
    ['a', [0.01, 0]],
    ['b', [0.01, 0.02]],
    ['c', [-0.02, 0]],
    ['x', [0.011, 0.01]],
  ]);
  const plan: PlanRoute[] = [
    { vehicle: 'v#1', stops: ['a', 'b'] },
    { vehicle: 'v#2', stops: ['c', 'x'] },
  ];

  it('cheapest insertion puts a stop between its neighbours on the line', () => {
    expect(cheapestPosition([loc.get('a')!, loc.get('b')!], loc.get('x')!, depot)).toBe(1);
    expect(cheapestPosition([], loc.get('x')!, depot)).toBe(0);
  });

  it('moves a stop to another route (cheapest position or a given one), to a new vehicle, or out; empty routes dropped; input untouched', () => {
    const where = { depot, locations: loc };
    expect(moveStop(plan, 'x', { vehicle: 'v#1' }, where)).toEqual([
      { vehicle: 'v#1', stops: ['a', 'x', 'b'] },
      { vehicle: 'v#2', stops: ['c'] },
    ]);
    expect(moveStop(plan, 'x', { vehicle: 'v#1', index: 0 }, where)[0].stops).toEqual(['x', 'a', 'b']);
    expect(moveStop(plan, 'c', { vehicle: 'v#3' }, where)).toEqual([
      { vehicle: 'v#1', stops: ['a', 'b'] },
      { vehicle: 'v#2', stops: ['x'] },
      { vehicle: 'v#3', stops: ['c'] },
    ]);
    const out = moveStop(moveStop(plan, 'c', { unassign: true }, where), 'x', { unassign: true }, where);
    expect(out).toEqual([{ vehicle: 'v#1', stops: ['a', 'b'] }]);
    expect(plan[1].stops).toEqual(['c', 'x']);
  });

  it('moves a pickup-and-delivery pair together, the pickup first', () => {
    const where = { depot, locations: loc };
    const pairs = [{ pickup: 'b', delivery: 'c' }];
    // c (delivery) to v#1, where b (its pickup) already is: c lands after b
    const one = moveWithPartner(plan, 'c', { vehicle: 'v#1' }, where, pairs);
    expect(one[0].vehicle).toBe('v#1');
    expect(one[0].stops.indexOf('b')).toBeLessThan(one[0].stops.indexOf('c'));
    // b (pickup) to v#2: c comes along, after b
    const two = moveWithPartner(plan, 'b', { vehicle: 'v#2' }, where, pairs);
    expect(two.find((r) => r.vehicle === 'v#2')!.stops.filter((s) => s === 'b' || s === 'c')).toEqual(['b', 'c']);
    expect(two.find((r) => r.vehicle === 'v#1')!.stops).toEqual(['a']);
    // out of every route: both
    const out = moveWithPartner(plan, 'c', { unassign: true }, where, pairs);
    expect(out.flatMap((r) => r.stops).sort()).toEqual(['a', 'x']);
  });

  it('shifts a stop earlier or later within its route, not past the ends', () => {
    expect(shiftStop(plan, 'b', -1)[0].stops).toEqual(['b', 'a']);
    expect(shiftStop(plan, 'b', 1)).toBe(plan);
    expect(shiftStop(plan, 'nope', 1)).toBe(plan);
  });
});

describe('ops exports', () => {
  const result: OpsResult = {
    matrixSource: 'great-circle',
    dimensions: ['kg'],
    feasible: true,
    routes: [
      {
        vehicle: 'van#2', colour: 0, distanceM: 2000, durationS: 900, waitingS: 60, serviceS: 120,
        cost: { fixedCny: 10, distanceCny: 2, timeCny: 1, totalCny: 13 },
        steps: [
          { type: 'start', location: [0, 0], arrivalS: 28800, departureS: 28800, waitingS: 0, load: [7], distanceFromPrevM: 0 },
          { type: 'stop', id: 'a', location: [0.01, 0], arrivalS: 29000, serviceStartS: 29100, departureS: 29220, waitingS: 100, load: [3], distanceFromPrevM: 1000, timeWindow: [29100, 30000], slackS: 0, binding: true },
          { type: 'stop', id: 'b,"x"', location: [0.02, 0], arrivalS: 29400, serviceStartS: 29400, departureS: 29400, waitingS: 0, load: [0], distanceFromPrevM: 1000, late: true },
          { type: 'end', location: [0, 0], arrivalS: 29700, departureS: 29700, waitingS: 0, load: [0], distanceFromPrevM: 1000 },
        ],
      },
    ],
    unassigned: [{ id: 'c', reason: 'capacity' }],
    violations: [],
    cost: { fixedCny: 10, distanceCny: 2, timeCny: 1, totalCny: 13 },
    kpis: { vehiclesUsed: 1, stops: 3, served: 2, unassigned: 1, lateStops: 1, distanceM: 2000, durationS: 900, waitingS: 100, costCny: 13 },
    geojson: {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', geometry: { type: 'LineString', coordinates: [[0, 0], [0.01, 0]] }, properties: { kind: 'route', vehicle: 'van#2' } },
        { type: 'Feature', geometry: { type: 'Point', coordinates: [0, 0] }, properties: { kind: 'depot' } },
      ],
    },
  };

  it('the plan read back from an answer', () => {
    expect(planOf(result)).toEqual([{ vehicle: 'van#2', stops: ['a', 'b,"x"'] }]);
  });

  it('CSV: one row per stop with route, sequence, ETA, window, slack and load; quoted ids; unassigned with reason', () => {
    const lines = planCsv(result).trim().split('\n');
    expect(lines[0]).toBe('route,sequence,stop,lon,lat,arrival,serviceStart,departure,waitingMin,slackMin,windowStart,windowEnd,bindingWindow,load_kg,late,unassignedReason');
    expect(lines[1]).toBe('van#2,1,a,0.01,0,08:03,08:05,08:07,2,0,08:05,08:20,yes,3,,');
    expect(lines[2]).toBe('van#2,2,"b,""x""",0.02,0,08:10,08:10,08:10,0,,,,,0,yes,');
    expect(lines[3]).toBe(',,c,,,,,,,,,,,,,capacity');
    expect(lines).toHaveLength(4);
  });

  it('GeoJSON keeps the features and adds the route colour', () => {
    const g = JSON.parse(planGeojson(result, { depot: [0, 0] }));
    expect(g.features).toHaveLength(2);
    expect(g.features[0].properties.stroke).toBe('#E69F00');
    expect(g.features[1].properties.stroke).toBeUndefined();
  });
});

describe('ops CSV import', () => {
  it('reads ; or , separated text, skipping # and blank lines, guessing the columns', () => {
    const t = readCsv('# comment\nStop ID;Longitude;Latitude;Weight (kg);Service time;Earliest;Latest\n\nS1;120.1;30.2;5;4;09:00;10:00\n');
    expect(t.header).toHaveLength(7);
    expect(t.rows).toEqual([{ line: 4, cells: ['S1', '120.1', '30.2', '5', '4', '09:00', '10:00'] }]);
    expect(guessMapping(t.header)).toEqual({ id: 0, lon: 1, lat: 2, kg: 3, serviceMin: 4, twStart: 5, twEnd: 6, pickupId: -1 });
    expect(guessMapping(['lat', 'lng', 'name'])).toMatchObject({ id: 2, lon: 1, lat: 0, kg: -1 });
  });

  it('turns rows into stops with one clear error per bad row, line numbers as in the file', () => {
    const t = readCsv('id,lon,lat,kg,from,to\na,120.1,30.2,5,09:00,10:00\nb,200,30.2,1,,\nc,120.2,30.1,x,,\na,120.3,30.3,,,\nd,120.4,30.4,,11:00,\ne,120.5,30.5,2.5,,\n');
    const { stops, errors } = stopsFromTable(t, guessMapping(t.header));
    expect(stops.map((s) => s.id)).toEqual(['a', 'e']);
    expect(stops[0]).toEqual({ id: 'a', location: [120.1, 30.2], demand: { kg: 5 }, timeWindows: [[32400, 36000]] });
    expect(errors.map(errorLine)).toEqual([
      'Line 3, Longitude: 200 is out of range (-180 to 180)',
      'Line 4, Demand (kg): "x" is not a number',
      'Line 5, Stop id: duplicate id "a" (also line 2)',
      'Line 6, Window closes (HH:MM): give both ends of the window, or neither',
    ]);
  });

  it('reads pickup-and-delivery pairs from a pickup column, with errors for unknown or repeated pickups', () => {
    const t = readCsv('id,lon,lat,pickup\np1,1,1,\nd1,1,2,p1\nd2,1,3,p1\nd3,1,4,zz\nd4,1,5,d4\n');
    const m = guessMapping(t.header);
    expect(m.pickupId).toBe(3);
    const r = stopsFromTable(t, m);
    expect(r.stops).toHaveLength(5);
    expect(r.pairs).toEqual([{ pickup: 'p1', delivery: 'd1' }]);
    expect(r.errors.map((e) => e.line)).toEqual([4, 5, 6]);
    expect(r.errors[1].message).toContain('no stop "zz"');
  });

  it('asks for the coordinates when they are not mapped; rows without an id are named by line', () => {
    const t = readCsv('where,weight\nx,1\n');
    expect(stopsFromTable(t, guessMapping(t.header)).errors[0].message).toContain('longitude and latitude');
    const t2 = readCsv('lon,lat\n1,2\n');
    expect(stopsFromTable(t2, guessMapping(t2.header)).stops[0].id).toBe('row2');
  });
});
