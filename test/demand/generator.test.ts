import { describe, expect, it } from 'vitest';
import { dayNumber, daysFromSpringFestival, interpolate, weekday } from '../../src/demand/calendar.js';
import { generateDemand, poisson } from '../../src/demand/generator.js';
import { InputError } from '../../src/shared/errors.js';
import { createRng } from '../../src/shared/random.js';

const cities = [
  { id: 'shanghai', population: 24_870_000 },
  { id: 'hangzhou', population: 12_200_000 },
  { id: 'lhasa', population: 870_000 },
];

const mean = (x: number[]): number => x.reduce((a, b) => a + b, 0) / x.length;

describe('calendar', () => {
  it('weekday and Spring Festival offsets', () => {
    expect(weekday(dayNumber('2024-01-01'))).toBe(0); // a Monday
    expect(weekday(dayNumber('2024-11-11'))).toBe(0);
    expect(daysFromSpringFestival(dayNumber('2024-02-10'))).toBe(0);
    expect(daysFromSpringFestival(dayNumber('2025-01-27'))).toBe(-2);
    expect(Number.isNaN(daysFromSpringFestival(dayNumber('2024-07-01')))).toBe(true);
  });

  it('interpolates a piecewise-linear profile', () => {
    const pts = [[0, 1], [10, 2]] as const;
    expect(interpolate(pts, 5)).toBeCloseTo(1.5, 12);
    expect(interpolate(pts, 11)).toBe(1);
  });
});

describe('generateDemand (synthetic)', () => {
  const d = generateDemand(cities, 42);

  it('is labelled synthetic, two years long, and repeatable', () => {
    expect(d.synthetic).toBe(true);
    expect(d.note).toMatch(/SYNTHETIC/);
    expect(d.dates).toHaveLength(731);
    expect(d.dates[0]).toBe('2024-01-01');
    expect(generateDemand(cities, 42).cities[2].origin).toEqual(d.cities[2].origin);
    expect(generateDemand(cities, 43).cities[2].origin).not.toEqual(d.cities[2].origin);
    // a city's counts do not depend on the other cities given (destination side)
    expect(generateDemand([cities[2]], 42).cities[0].destination).toEqual(d.cities[2].destination);
  });

  it('volume grows with population and over time', () => {
    const recv = d.cities.map((c) => mean(c.destination));
    expect(recv[0]).toBeGreaterThan(recv[1]);
    expect(recv[1]).toBeGreaterThan(recv[2]);
    const sh = d.cities[0].destination;
    const y1 = mean(sh.slice(60, 150));
    const y2 = mean(sh.slice(60 + 366, 150 + 366));
    expect(y2 / y1).toBeGreaterThan(1.05);
  });

  it('Singles Day peaks, the Spring Festival dips on its lunar date, weekdays differ', () => {
    const sh = d.cities[0].origin;
    const at = (iso: string): number => d.dates.indexOf(iso);
    const octNormal = mean(sh.slice(at('2024-09-16'), at('2024-10-06')));
    expect(sh[at('2024-11-11')] / octNormal).toBeGreaterThan(1.5);
    const jan = mean(sh.slice(at('2024-01-01'), at('2024-01-15')));
    expect(mean(sh.slice(at('2024-02-10'), at('2024-02-16'))) / jan).toBeLessThan(0.45);
    expect(mean(sh.slice(at('2025-01-29'), at('2025-02-04'))) / mean(sh.slice(at('2024-12-02'), at('2024-12-16')))).toBeLessThan(0.45);
    const mon: number[] = [];
    const sat: number[] = [];
    sh.forEach((v, i) => (i % 7 === 0 ? mon.push(v) : i % 7 === 5 ? sat.push(v) : undefined));
    expect(mean(mon)).toBeGreaterThan(mean(sat));
  });

  it('total sent equals total received in expectation', () => {
    const sent = d.cities.reduce((s, c) => s + mean(c.origin), 0);
    const recv = d.cities.reduce((s, c) => s + mean(c.destination), 0);
    expect(Math.abs(sent / recv - 1)).toBeLessThan(0.03);
  });

  it('rejects bad input naming the field', () => {
    expect(() => generateDemand([], 1)).toThrow(InputError);
    try {
      generateDemand([{ id: 'x', population: 0 }], 1);
      expect.unreachable();
    } catch (e) {
      expect((e as InputError).field).toBe('cities/0/population');
    }
  });

  it('poisson draws have the right mean', () => {
    const rng = createRng(5);
    const xs = Array.from({ length: 4000 }, () => poisson(rng, 3));
    expect(mean(xs)).toBeGreaterThan(2.85);
    expect(mean(xs)).toBeLessThan(3.15);
  });
});
