import { describe, expect, it } from 'vitest';
import type { FeatureCollection, Polygon } from 'geojson';
import { buildCities, displayName, slug } from '../../src/dataprep/cities.js';
import { toCsv } from '../../src/dataprep/csv.js';
import { FixLog } from '../../src/dataprep/fixlog.js';
import { components } from '../../src/dataprep/lanes.js';
import { DivisionIndex, englishKeys, foldLatin, pinyinVariants } from '../../src/dataprep/names.js';
import { provinceByAdmin1 } from '../../src/dataprep/provinces.js';
import { loadDivisions, type GeoNamesCity } from '../../src/dataprep/sources.js';

const div = loadDivisions();
const index = new DivisionIndex(div.cities, div.areas);

const square = (name: string, nameZh: string, w: number, s: number, e: number, n: number) => ({
  type: 'Feature' as const,
  properties: { name, nameZh },
  geometry: { type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] } as Polygon,
});
/** Two hand-drawn "provinces": Guangdong 112–116 E, Guangxi 105–112 E, both 20–25 N. */
const provinces: FeatureCollection<Polygon, { name: string; nameZh: string }> = {
  type: 'FeatureCollection',
  features: [square('Guangdong', '广东', 112, 20, 116, 25), square('Guangxi', '广西', 105, 20, 112, 25)],
};
const place = (cityId: string, name: string, featureCode: string, adminCode: string, population: number, lon: number, lat: number): GeoNamesCity => ({
  cityId, name, country: 'CN', featureCode, adminCode, population, loc: { type: 'Point', coordinates: [lon, lat] },
});

describe('names', () => {
  it('spells polyphonic place names every way and folds English names', () => {
    expect(pinyinVariants('长沙')).toContain('changsha');
    expect(pinyinVariants('重庆')).toContain('chongqing');
    expect(foldLatin('Ürümqi')).toBe('urumqi');
    expect(foldLatin("Xi’an")).toBe('xian');
    expect(englishKeys('Puyang Chengguanzhen').map((k) => k.key)).toEqual(['puyangchengguanzhen', 'puyang']);
    expect(englishKeys('Tongchuanshi').map((k) => k.key)).toContain('tongchuan');
  });

  it('matches within the province: prefecture before county, exonyms by hand', () => {
    const gd = provinceByAdmin1.get('30')!;
    expect(index.match(gd, 'Foshan')).toMatchObject({ level: 'prefecture', nameZh: '佛山', via: 'pinyin', exact: true });
    expect(index.match(gd, 'Baiyun')).toMatchObject({ level: 'county', prefectureZh: '广州' });
    expect(index.match(gd, 'Dadonghai')).toBeNull();
    expect(index.match(provinceByAdmin1.get('20')!, 'Hohhot')).toMatchObject({ level: 'prefecture', nameZh: '呼和浩特', via: 'hand' });
    expect(index.match(provinceByAdmin1.get('13')!, 'Ürümqi')).toMatchObject({ nameZh: '乌鲁木齐' });
    // Suzhou is 苏州 in Jiangsu and 宿州 in Anhui.
    expect(index.match(provinceByAdmin1.get('04')!, 'Suzhou')?.nameZh).toBe('苏州');
    expect(index.match(provinceByAdmin1.get('01')!, 'Suzhou')?.nameZh).toBe('宿州');
  });

  it('makes slugs and display names', () => {
    expect(slug("Xi'an")).toBe('xian');
    expect(slug('Hong Kong')).toBe('hong-kong');
    expect(displayName('Puyang Chengguanzhen', false)).toBe('Puyang');
    expect(displayName('Xi’an', true)).toBe("Xi'an");
  });
});

describe('buildCities on a hand-checkable fixture', () => {
  const geonames = [
    place('1', 'Guangzhou', 'PPLA', '30', 11_000_000, 113.25, 23.12),
    place('2', 'Foshan', 'PPLA2', '30', 3_600_000, 113.13, 23.03), // 16 km from Guangzhou, a distinct city
    place('3', 'Zhongshan', 'PPL', '30', 3_100_000, 112.5, 21.5), // misplaced copy
    place('4', 'Zhongshan', 'PPLA2', '30', 0, 113.38, 22.52), // the seat
    place('5', 'Baiyun', 'PPL', '30', 12_000_000, 113.27, 23.16), // a district of Guangzhou, 5 km away
    place('6', 'Nanning', 'PPLA', '30', 800_000, 108.32, 22.82), // wrong admin1: lies in Guangxi
    place('7', 'Dadonghai', 'PPL', '30', 5_000_000, 114.5, 22.0), // a town name, no division
    place('8', 'Tianhe', 'PPLX', '30', 4_000_000, 113.36, 23.13), // a section of a city
  ];
  const log = new FixLog();
  const rows = buildCities(geonames, index, provinces, log, { count: 10, requireCapitals: false });
  const byId = Object.fromEntries(rows.map((r) => [r.id, r]));

  it('keeps one row per prefecture-level city, largest first', () => {
    expect(rows.map((r) => r.id)).toEqual(['guangzhou', 'foshan', 'zhongshan', 'nanning']);
  });

  it('takes seat coordinates and the copy population for a misplaced duplicate', () => {
    expect(byId.zhongshan).toMatchObject({ lon: 113.38, lat: 22.52, population: 3_100_000, geonamesId: '4', nameZh: '中山' });
    expect(log.fixes.some((f) => f.kind === 'misplaced' && f.message.includes('"Zhongshan"'))).toBe(true);
  });

  it('merges a district into its city and keeps a distinct nearby city', () => {
    expect(byId.guangzhou.population).toBe(12_000_000);
    expect(log.fixes.some((f) => f.kind === 'district-merged' && f.message.includes('Baiyun'))).toBe(true);
    expect(byId.foshan).toBeDefined();
    expect(log.fixes.some((f) => f.kind === 'close-kept' && f.message.includes('Foshan (佛山)'))).toBe(true);
  });

  it('reassigns a wrong admin1 code from the polygon and marks capitals', () => {
    expect(byId.nanning).toMatchObject({ province: 'Guangxi', provinceZh: '广西', isProvincialCapital: 1 });
    expect(log.fixes.some((f) => f.kind === 'wrong-admin1' && f.message.includes('Nanning'))).toBe(true);
    expect(byId.guangzhou.isProvincialCapital).toBe(1);
    expect(byId.foshan.isProvincialCapital).toBe(0);
  });

  it('reports towns and city sections at least as large as the smallest chosen city as not cities', () => {
    const notCity = log.fixes.filter((f) => f.kind === 'not-a-city').map((f) => f.message).join('\n');
    expect(notCity).toContain('Dadonghai');
    expect(notCity).toContain('Tianhe');
  });
});

describe('helpers', () => {
  it('toCsv refuses cells that would need quoting', () => {
    expect(toCsv('x.csv', ['a', 'b'], [[1, 'two']])).toBe('a,b\n1,two\n');
    expect(() => toCsv('x.csv', ['a'], [['1,5']])).toThrow(/comma/);
    expect(() => toCsv('x.csv', ['a', 'b'], [[1]])).toThrow(/cells/);
  });

  it('components joins nodes through lanes', () => {
    const comp = components(['a', 'b', 'c', 'd'], [{ from: 'a', to: 'b' }, { from: 'c', to: 'd' }]);
    expect(comp.get('a')).toBe(comp.get('b'));
    expect(comp.get('a')).not.toBe(comp.get('c'));
  });
});
