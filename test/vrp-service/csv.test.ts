import { describe, expect, it } from 'vitest';
import { DataError } from '../../src/shared/errors.js';
import { formatClock, parseClock, parseStopsCsv, parseVehiclesCsv } from '../../src/vrp-service/csv.js';
import { generateStationSample } from '../../src/vrp-service/sample-station.js';
import { buildVrp } from '../../src/vrp-service/build.js';
import { greatCircleM } from '../../src/vrp-service/travel.js';

const STOPS = 'id,lon,lat,kg,serviceMin,twStart,twEnd\nA,120.1,30.2,5,3,09:00,12:00\n# note\n\nB,120.2,30.3,,,,\n';

describe('stops and vehicles CSV', () => {
  it('reads stops: minutes to seconds, HH:MM to seconds, blanks as absent', () => {
    expect(parseStopsCsv('s.csv', STOPS)).toEqual([
      { id: 'A', location: [120.1, 30.2], demand: { kg: 5 }, serviceS: 180, timeWindows: [[32400, 43200]] },
      { id: 'B', location: [120.2, 30.3] },
    ]);
  });

  it.each([
    ['id,lon,lat,kg\nA,120.1,30.2,5\nB,120.1,abc,5\n', 3, 'lat'],
    ['id,lon,lat,twStart,twEnd\nA,120.1,30.2,9:75,10:00\n', 2, 'twStart'],
    ['id,lon,lat,twStart,twEnd\nA,120.1,30.2,11:00,10:00\n', 2, 'twEnd'],
    ['id,lon,lat,twStart,twEnd\nA,120.1,30.2,11:00,\n', 2, 'twEnd'],
    ['id,lon,lat\nA,120.1,30.2\nA,120.1,30.2\n', 3, 'id'],
    ['id,lon,kg\nA,120.1,3\n', 1, 'lat'],
    ['id,lon,lat,kg\nA,120.1,30.2,-1\n', 2, 'kg'],
  ])('a bad stops file names the line and column (%#)', (text, line, column) => {
    try {
      parseStopsCsv('s.csv', text);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DataError);
      expect((e as DataError).row).toBe(line);
      expect((e as DataError).field).toBe(column);
      expect((e as Error).message).toContain(`s.csv:${line} (${column})`);
    }
  });

  it('reads vehicles with shift, count and costs', () => {
    const v = parseVehiclesCsv('v.csv', 'id,lon,lat,capacityKg,shiftStart,shiftEnd,count,fixedCny,perKmCny,perHourCny\nvan,120,30,300,08:00,18:00,4,100,,45\n');
    expect(v).toEqual([{ id: 'van', start: [120, 30], capacity: { kg: 300 }, shift: [28800, 64800], count: 4, costs: { fixedCny: 100, perHourCny: 45 } }]);
    expect(() => parseVehiclesCsv('v.csv', 'id,lon,lat,capacityKg,count\nvan,120,30,300,2.5\n')).toThrow(/v\.csv:2 \(count\)/);
  });

  it('reads a stop penalty and a vehicle break', () => {
    expect(parseStopsCsv('s.csv', 'id,lon,lat,penaltyCny\nA,120.1,30.2,80\nB,120.1,30.2,\n')).toEqual([
      { id: 'A', location: [120.1, 30.2], penaltyCny: 80 },
      { id: 'B', location: [120.1, 30.2] },
    ]);
    const v = parseVehiclesCsv('v.csv', 'id,lon,lat,capacityKg,breakMin,breakFrom,breakTo\nvan,120,30,300,30,11:30,13:30\n');
    expect(v[0].break).toEqual({ durationS: 1800, window: [41400, 48600] });
    expect(() => parseVehiclesCsv('v.csv', 'id,lon,lat,capacityKg,breakMin\nvan,120,30,300,30\n')).toThrow(/v\.csv:2 \(breakFrom\)/);
    expect(() => parseVehiclesCsv('v.csv', 'id,lon,lat,capacityKg,breakMin,breakFrom,breakTo\nvan,120,30,300,30,13:30,11:30\n')).toThrow(/v\.csv:2 \(breakTo\)/);
  });

  it('clock round trip', () => {
    expect(parseClock('08:05')).toBe(29100);
    expect(parseClock('8:05:30')).toBe(29130);
    expect(parseClock('8h')).toBeNull();
    expect(formatClock(29100)).toBe('08:05');
  });
});

describe('station sample', () => {
  it('is deterministic, 60 stops within 12 km of the station, and builds a problem', () => {
    const a = generateStationSample(7);
    expect(generateStationSample(7)).toEqual(a);
    const stops = parseStopsCsv('s', a.stopsCsv);
    const vehicles = parseVehiclesCsv('v', a.vehiclesCsv);
    expect(stops).toHaveLength(60);
    for (const s of stops) expect(greatCircleM(s.location!, vehicles[0].start!)).toBeLessThanOrEqual(12_000);
    const built = buildVrp({ stops, vehicles });
    expect(built.matrixSource).toBe('great-circle');
    expect(built.problem.numLocations).toBe(61);
  });
});
