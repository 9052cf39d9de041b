import { describe, expect, it } from 'vitest';
import { BoundedCache } from '../../src/quote/bounded-cache.js';
import { isoDate, isoUtc } from '../../src/quote/iso-time.js';
import { ByteOut, schedule } from '../../src/quote/index.js';
import { arrivalAfter, departure, departureOf, scheduleFrom } from '../../src/quote/schedule.js';
import { createRng } from '../../src/shared/random.js';

describe('BoundedCache', () => {
  it('holds at most two generations and keeps what is used', () => {
    const c = new BoundedCache<number, string>(3);
    for (let i = 0; i < 3; i++) c.set(i, `v${i}`); // young: 0 1 2
    c.set(3, 'v3'); // 0 1 2 become old; young: 3
    expect(c.size).toBe(4);
    expect(c.get(0)).toBe('v0'); // moved back to young: 3 0
    c.set(4, 'v4'); // young: 3 0 4
    c.set(5, 'v5'); // old: 3 0 4 (1 and 2 dropped); young: 5
    expect(c.get(1)).toBeUndefined();
    expect(c.get(2)).toBeUndefined();
    expect(c.get(0)).toBe('v0');
    expect(c.size).toBeLessThanOrEqual(6);
    expect(c.hits).toBe(2);
    expect(c.misses).toBe(2);
  });

  it('never grows past 2 × generation', () => {
    const c = new BoundedCache<string, number>(100);
    for (let i = 0; i < 10_000; i++) c.set(`k${i}`, i);
    expect(c.size).toBeLessThanOrEqual(200);
    expect(c.get('k9999')).toBe(9999);
  });
});

describe('isoUtc / isoDate', () => {
  it('write what Date#toISOString writes, fractions and instants before 1970 included', () => {
    const rng = createRng(5);
    for (let i = 0; i < 5000; i++) {
      const ms = (rng.next() - 0.3) * 4e12 + (i % 3 === 0 ? rng.next() : 0);
      expect(isoUtc(ms)).toBe(new Date(ms).toISOString());
      expect(isoDate(ms)).toBe(new Date(ms).toISOString().slice(0, 10));
    }
    expect(isoUtc(0)).toBe('1970-01-01T00:00:00.000Z');
    expect(isoUtc(-1)).toBe('1969-12-31T23:59:59.999Z');
    expect(isoUtc(Date.UTC(2026, 10, 27, 10, 5, 9, 7))).toBe('2026-11-27T10:05:09.007Z');
  });

  it('ByteOut.isoUtc writes the same bytes, and out of range throws as Date does', () => {
    const rng = createRng(6);
    const out = new ByteOut();
    const written = (ms: number) => {
      out.begin();
      out.isoUtc(ms);
      return out.end().toString('latin1');
    };
    for (let i = 0; i < 5000; i++) {
      const ms = (rng.next() - 0.3) * 4e12 + (i % 3 === 0 ? rng.next() : 0);
      expect(written(ms)).toBe(new Date(ms).toISOString());
    }
    for (const ms of [0, -1, 8.64e15, -8.64e15, 253402300799999]) expect(written(ms)).toBe(new Date(ms).toISOString());
    expect(() => written(8.64e15 + 1)).toThrow(RangeError);
  });
});

describe('arrivalAfter', () => {
  it("gives scheduleFrom's arrival, delivery date and transit days for any path after the shared departure", () => {
    const rng = createRng(7);
    for (let i = 0; i < 3000; i++) {
      const s = { firstMileH: rng.int(6), cutoffHour: 12 + rng.int(12), dispatchHours: [9, 14].slice(0, 1 + rng.int(2)), extraDays: rng.int(3), timeZoneOffsetH: 8, pathDurationS: rng.next() * 5 * 86_400 };
      const shipAtMs = Date.UTC(2026, 0, 1) + rng.next() * 400 * 86_400_000;
      const { shipDayMs, departMs } = departure(shipAtMs, s);
      const dep = departureOf(s, shipDayMs, departMs);
      const a = arrivalAfter(dep, s.pathDurationS, s);
      const want = scheduleFrom(shipAtMs, s);
      expect({ departAt: dep.departAt, arriveAt: isoUtc(a.arriveAtMs), deliveryDate: a.deliveryDate, transitDays: a.transitDays }).toEqual(want);
      expect(dep.json.toString('latin1')).toBe(`","departAt":"${want.departAt}","arriveAt":"`);
    }
  });
});

describe('schedule before 1970', () => {
  it('finds the delivery wave (the search used to loop on negative instants)', () => {
    const s = schedule({ shipAt: new Date('1969-06-01T02:00:00Z'), pathDurationS: 3600, firstMileH: 2, cutoffHour: 18, dispatchHours: [10], extraDays: 0, timeZoneOffsetH: 8 });
    expect(s.departAt).toBe('1969-06-01T10:00:00.000Z');
    expect(s.deliveryDate).toBe('1969-06-02');
    expect(s.transitDays).toBe(1);
  });
});
