import { describe, expect, it } from 'vitest';
import { header, readCsv } from './shipped.js';

const hubs = readCsv('hubs.csv');
const modes = readCsv('modes.csv');
const cityIds = new Set(readCsv('cities.csv').map((c) => c.id));
const MODES = ['road', 'rail', 'air', 'sea'];

describe('data/hubs.csv', () => {
  it('has the exact header', () => {
    expect(header('hubs.csv')).toEqual(['id', 'name', 'nameZh', 'kind', 'cityId', 'country', 'lon', 'lat', 'modes', 'capacityTonnesPerDay', 'capacityBasis', 'source']);
  });

  it('has the six announced eHubs with their countries and modes', () => {
    const ehubs = Object.fromEntries(hubs.filter((h) => h.kind === 'ehub').map((h) => [h.id, h]));
    expect(Object.keys(ehubs).sort()).toEqual(['ehub-dubai', 'ehub-hangzhou', 'ehub-hong-kong', 'ehub-kuala-lumpur', 'ehub-liege', 'ehub-moscow']);
    expect(ehubs['ehub-liege']).toMatchObject({ country: 'BE', cityId: '', modes: 'road;rail;air' });
    expect(ehubs['ehub-kuala-lumpur']).toMatchObject({ country: 'MY', cityId: '', modes: 'road;air;sea' });
    expect(ehubs['ehub-dubai']).toMatchObject({ country: 'AE', modes: 'road;air;sea' });
    expect(ehubs['ehub-moscow']).toMatchObject({ country: 'RU', modes: 'road;rail;air' });
    expect(ehubs['ehub-hong-kong']).toMatchObject({ country: 'HK', cityId: 'hong-kong', modes: 'road;air;sea' });
    expect(ehubs['ehub-hangzhou']).toMatchObject({ country: 'CN', cityId: 'hangzhou' });
    for (const e of Object.values(ehubs)) expect(e.source.length, e.id).toBeGreaterThan(30);
  });

  it('has 20-30 sort hubs named hub-<cityId> in existing cities', () => {
    const sort = hubs.filter((h) => h.kind === 'sort');
    expect(sort.length).toBeGreaterThanOrEqual(20);
    expect(sort.length).toBeLessThanOrEqual(30);
    for (const h of sort) {
      expect(h.id).toBe(`hub-${h.cityId}`);
      expect(cityIds.has(h.cityId), h.id).toBe(true);
      expect(h.country).toBe('CN');
    }
  });

  it('has unique ids, valid modes, positive capacities and a basis', () => {
    expect(new Set(hubs.map((h) => h.id)).size).toBe(hubs.length);
    for (const h of hubs) {
      const ms = h.modes.split(';');
      expect(ms.length, h.id).toBeGreaterThan(0);
      for (const m of ms) expect(MODES, h.id).toContain(m);
      expect(ms.includes('road'), `${h.id} handles road`).toBe(true);
      expect(Number(h.capacityTonnesPerDay), h.id).toBeGreaterThan(0);
      expect(['assumption', 'public']).toContain(h.capacityBasis);
      expect(Number.isFinite(Number(h.lon)) && Number.isFinite(Number(h.lat)), h.id).toBe(true);
      if (h.cityId !== '') expect(cityIds.has(h.cityId), h.id).toBe(true);
      expect(h.country).toMatch(/^[A-Z]{2}$/);
    }
  });
});

describe('data/modes.csv', () => {
  it('has the exact header', () => {
    expect(header('modes.csv')).toEqual(['mode', 'costCnyPerTonneKm', 'fixedCostCnyPerShipment', 'handlingCostCnyPerKg', 'speedKmh', 'handlingH', 'co2KgPerTonneKm', 'detourFactor', 'basis', 'range', 'source']);
  });

  it('has one complete, positive row per mode', () => {
    expect(modes.map((m) => m.mode)).toEqual(MODES);
    for (const m of modes) {
      for (const k of ['costCnyPerTonneKm', 'handlingCostCnyPerKg', 'speedKmh', 'handlingH', 'co2KgPerTonneKm']) {
        expect(Number(m[k]), `${m.mode}.${k}`).toBeGreaterThan(0);
      }
      expect(Number(m.fixedCostCnyPerShipment), m.mode).toBeGreaterThanOrEqual(0);
      expect(Number(m.detourFactor), m.mode).toBeGreaterThanOrEqual(1);
      expect(['public', 'default']).toContain(m.basis);
      expect(m.range.length, m.mode).toBeGreaterThan(10);
      expect(m.source.length, m.mode).toBeGreaterThan(10);
    }
  });

  it('orders the modes as expected: air fastest and dirtiest, rail cheapest per tonne-km over land', () => {
    const by = Object.fromEntries(modes.map((m) => [m.mode, m]));
    expect(Number(by.rail.costCnyPerTonneKm)).toBe(0.1551);
    expect(Number(by.air.speedKmh)).toBeGreaterThan(Number(by.road.speedKmh));
    expect(Number(by.air.co2KgPerTonneKm)).toBeGreaterThan(Number(by.road.co2KgPerTonneKm));
    expect(Number(by.road.co2KgPerTonneKm)).toBeGreaterThan(Number(by.rail.co2KgPerTonneKm));
    expect(Number(by.rail.costCnyPerTonneKm)).toBeLessThan(Number(by.road.costCnyPerTonneKm));
  });

  it('prices a 1 kg parcel over 1,000 km of road at a plausible share of express revenue', () => {
    const r = modes.find((m) => m.mode === 'road')!;
    const cost = Number(r.costCnyPerTonneKm) * 1000 * 0.001 + Number(r.fixedCostCnyPerShipment) + Number(r.handlingCostCnyPerKg);
    expect(cost).toBeGreaterThan(0.1 * 2.2);
    expect(cost).toBeLessThan(0.6 * 2.2);
  });
});
