import { describe, expect, it } from 'vitest';
import { schedule } from '../../src/quote/index.js';

const base = { firstMileH: 2, cutoffHour: 18, dispatchHours: [10], extraDays: 0, timeZoneOffsetH: 8 };

describe('schedule (China Standard Time, UTC+8)', () => {
  it('leaves at the cut-off and is delivered with the next wave', () => {
    // handed in 10:00 local, leaves 18:00, 10 h on the way → 04:00 next day, delivered in the 10:00 wave
    const s = schedule({ ...base, shipAt: new Date('2026-11-27T02:00:00Z'), pathDurationS: 10 * 3600 });
    expect(s.departAt).toBe('2026-11-27T10:00:00.000Z');
    expect(s.arriveAt).toBe('2026-11-27T20:00:00.000Z');
    expect(s.deliveryDate).toBe('2026-11-28');
    expect(s.transitDays).toBe(1);
  });
  it('waits for the next day when the first mile misses the cut-off', () => {
    // handed in 17:00 local + 2 h first mile = 19:00 > 18:00 cut-off
    const s = schedule({ ...base, shipAt: new Date('2026-11-27T09:00:00Z'), pathDurationS: 3600 });
    expect(s.departAt).toBe('2026-11-28T10:00:00.000Z');
    expect(s.deliveryDate).toBe('2026-11-29');
    expect(s.transitDays).toBe(2);
  });
  it('misses a wave by a minute and takes the next day', () => {
    // leaves 18:00, arrives 10:01 next day, after the 10:00 wave
    const s = schedule({ ...base, shipAt: new Date('2026-11-27T02:00:00Z'), pathDurationS: 16 * 3600 + 60 });
    expect(s.deliveryDate).toBe('2026-11-29');
    expect(schedule({ ...base, shipAt: new Date('2026-11-27T02:00:00Z'), pathDurationS: 16 * 3600, dispatchHours: [10] }).deliveryDate).toBe('2026-11-28');
    expect(schedule({ ...base, shipAt: new Date('2026-11-27T02:00:00Z'), pathDurationS: 16 * 3600 + 60, dispatchHours: [10, 15] }).deliveryDate).toBe('2026-11-28');
  });
  it('adds customs days', () => {
    const s = schedule({ ...base, shipAt: new Date('2026-11-27T02:00:00Z'), pathDurationS: 10 * 3600, extraDays: 2 });
    expect(s.deliveryDate).toBe('2026-11-30');
    expect(s.transitDays).toBe(3);
  });
  it('counts days in local time across the UTC date line', () => {
    // 23:30 local on the 27th is 15:30 UTC; next-day departure at 18:00 local on the 28th
    const s = schedule({ ...base, shipAt: new Date('2026-11-27T15:30:00Z'), pathDurationS: 3600 });
    expect(s.departAt).toBe('2026-11-28T10:00:00.000Z');
    expect(s.deliveryDate).toBe('2026-11-29');
    expect(s.transitDays).toBe(2);
  });
});
