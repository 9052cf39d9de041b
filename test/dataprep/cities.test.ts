import { describe, expect, it } from 'vitest';
import { distanceToPolygonKm } from '../../src/dataprep/geo.js';
import { header, readCsv, readProvinces } from './shipped.js';

const cities = readCsv('cities.csv');

describe('data/cities.csv', () => {
  it('has the exact header the network loader expects', () => {
    expect(header('cities.csv')).toEqual(['id', 'name', 'nameZh', 'province', 'provinceZh', 'lon', 'lat', 'population', 'geonamesId', 'isProvincialCapital']);
  });

  it('has at least 100 cities with unique slug ids', () => {
    expect(cities.length).toBeGreaterThanOrEqual(100);
    const ids = cities.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(ids).toEqual(expect.arrayContaining(['shanghai', 'beijing', 'xian', 'hohhot', 'urumqi', 'lhasa', 'hong-kong', 'macau']));
  });

  it('has well-formed numbers and a Chinese name for every city', () => {
    for (const c of cities) {
      expect(c.lon, c.id).toMatch(/^-?\d+\.\d{5}$/);
      expect(c.lat, c.id).toMatch(/^-?\d+\.\d{5}$/);
      const lon = Number(c.lon);
      const lat = Number(c.lat);
      expect(lon > 73 && lon < 136 && lat > 17 && lat < 54, `${c.id} inside China's bounding box`).toBe(true);
      expect(c.population, c.id).toMatch(/^\d+$/);
      expect(Number(c.population), c.id).toBeGreaterThan(0);
      expect(c.geonamesId, c.id).toMatch(/^\d+$/);
      expect(c.nameZh, c.id).toMatch(/^[\u4e00-\u9fff]+$/);
      expect(c.provinceZh, c.id).toMatch(/^[\u4e00-\u9fff]+$/);
      expect(['0', '1']).toContain(c.isProvincialCapital);
    }
  });

  it('has exactly one provincial capital in each of the 31 mainland provincial-level divisions', () => {
    const capitals = cities.filter((c) => c.isProvincialCapital === '1');
    expect(capitals).toHaveLength(31);
    const provinces = new Set(capitals.map((c) => c.province));
    expect(provinces.size).toBe(31);
    expect(provinces.has('Hong Kong') || provinces.has('Macau')).toBe(false);
    const byProvince = Object.fromEntries(capitals.map((c) => [c.province, c.id]));
    expect(byProvince).toMatchObject({ Tibet: 'lhasa', Xinjiang: 'urumqi', 'Inner Mongolia': 'hohhot', Shaanxi: 'xian', Heilongjiang: 'harbin', Guangdong: 'guangzhou', Hainan: 'haikou' });
  });

  it('puts every city inside its province polygon (15 km tolerance for coarse coasts)', () => {
    const shapes = new Map(readProvinces().features.map((f) => [f.properties.name, f.geometry]));
    const outside: string[] = [];
    for (const c of cities) {
      const shape = shapes.get(c.province);
      expect(shape, `${c.id}: province ${c.province} has an outline`).toBeDefined();
      const d = distanceToPolygonKm([Number(c.lon), Number(c.lat)], shape!);
      if (d > 15) outside.push(`${c.id} ${d.toFixed(0)} km outside ${c.province}`);
    }
    expect(outside).toEqual([]);
  });

  it('has no two cities closer than 5 km (duplicates were merged)', () => {
    const close: string[] = [];
    for (let i = 0; i < cities.length; i++) {
      for (let j = i + 1; j < cities.length; j++) {
        const dLon = (Number(cities[i].lon) - Number(cities[j].lon)) * Math.cos((Number(cities[i].lat) * Math.PI) / 180) * 111.32;
        const dLat = (Number(cities[i].lat) - Number(cities[j].lat)) * 110.57;
        if (Math.hypot(dLon, dLat) < 5) close.push(`${cities[i].id}-${cities[j].id}`);
      }
    }
    expect(close).toEqual([]);
  });

  it('keeps the known GeoNames fixes: Zhongshan at its seat, Xuzhou with its district population', () => {
    const zs = cities.find((c) => c.id === 'zhongshan')!;
    expect(Number(zs.lon)).toBeCloseTo(113.38, 1);
    expect(Number(zs.lat)).toBeCloseTo(22.52, 1);
    const xz = cities.find((c) => c.id === 'xuzhou')!;
    expect(Number(xz.population)).toBeGreaterThan(1_000_000);
    expect(cities.some((c) => c.id === 'tongshan' || c.id === 'dadonghai' || c.id === 'zhabei')).toBe(false);
  });
});
