/**
 * Hubs: national sort hubs in large Chinese cities and the publicly announced Cainiao eHubs.
 * Which cities host a sort hub, and every capacity not marked `public`, are illustrative
 * assumptions of this project, not operator data.
 */
import type { CityRow } from './cities.js';

/** A transport mode. */
export type Mode = 'road' | 'rail' | 'air' | 'sea';

/** The four modes in a fixed order. */
export const MODES: readonly Mode[] = ['road', 'rail', 'air', 'sea'];

/** One row of data/hubs.csv. */
export interface HubRow {
  id: string;
  name: string;
  nameZh: string;
  kind: 'sort' | 'ehub';
  cityId: string;
  country: string;
  lon: number;
  lat: number;
  modes: Mode[];
  capacityTonnesPerDay: number;
  capacityBasis: 'assumption' | 'public';
  source: string;
}

/** Sort hubs: host city id and the modes the hub handles (ports handle sea; air where a major cargo airport serves the city). */
export const SORT_HUBS: readonly { cityId: string; modes: Mode[] }[] = [
  { cityId: 'shanghai', modes: ['road', 'rail', 'air', 'sea'] },
  { cityId: 'beijing', modes: ['road', 'rail', 'air'] },
  { cityId: 'guangzhou', modes: ['road', 'rail', 'air', 'sea'] },
  { cityId: 'shenzhen', modes: ['road', 'rail', 'air', 'sea'] },
  { cityId: 'hangzhou', modes: ['road', 'rail'] },
  { cityId: 'wuhan', modes: ['road', 'rail', 'air'] },
  { cityId: 'chengdu', modes: ['road', 'rail', 'air'] },
  { cityId: 'chongqing', modes: ['road', 'rail', 'air'] },
  { cityId: 'xian', modes: ['road', 'rail', 'air'] },
  { cityId: 'zhengzhou', modes: ['road', 'rail', 'air'] },
  { cityId: 'tianjin', modes: ['road', 'rail', 'air', 'sea'] },
  { cityId: 'nanjing', modes: ['road', 'rail', 'air'] },
  { cityId: 'shenyang', modes: ['road', 'rail', 'air'] },
  { cityId: 'harbin', modes: ['road', 'rail', 'air'] },
  { cityId: 'jinan', modes: ['road', 'rail'] },
  { cityId: 'qingdao', modes: ['road', 'rail', 'air', 'sea'] },
  { cityId: 'dalian', modes: ['road', 'rail', 'sea'] },
  { cityId: 'ningbo', modes: ['road', 'rail', 'sea'] },
  { cityId: 'xiamen', modes: ['road', 'rail', 'air', 'sea'] },
  { cityId: 'hefei', modes: ['road', 'rail'] },
  { cityId: 'changsha', modes: ['road', 'rail', 'air'] },
  { cityId: 'kunming', modes: ['road', 'rail', 'air'] },
  { cityId: 'nanning', modes: ['road', 'rail', 'air'] },
  { cityId: 'lanzhou', modes: ['road', 'rail'] },
  { cityId: 'urumqi', modes: ['road', 'rail', 'air'] },
  { cityId: 'hohhot', modes: ['road', 'rail'] },
];

/** An announced eHub: where it is, what it handles, and the public sources. */
export interface EHubSpec {
  id: string;
  name: string;
  nameZh: string;
  /** City id in cities.csv, or '' abroad. */
  cityId: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  lon: number;
  lat: number;
  modes: Mode[];
  /** Where the coordinates point (airport coordinates are approximate reference points, about ±1 km). */
  site: string;
  /** Public sources (text; no commas). */
  source: string;
  /** A published (planned) throughput, t/year, when one exists. */
  capacityPublicTonnesPerYear?: number;
  /** Otherwise an illustrative capacity, t/day. */
  capacityAssumedTonnesPerDay?: number;
}

/** The six eHubs Cainiao announced (2018 Global Smart Logistics Summit and later), with their public sources. */
export const EHUBS: readonly EHubSpec[] = [
  {
    id: 'ehub-hangzhou', name: 'Cainiao eHub Hangzhou', nameZh: '菜鸟杭州eHub', cityId: 'hangzhou', country: 'CN',
    lon: 120.4317, lat: 30.2364, modes: ['road', 'air'], site: 'Hangzhou Xiaoshan International Airport (HGH)',
    capacityAssumedTonnesPerDay: 3000,
    source: 'Named eHub at the Global Smart Logistics Summit Hangzhou 2018-05-31 (hangzhou.com.cn 2018-06-01; caasint.com 2018-05-31)',
  },
  {
    id: 'ehub-hong-kong', name: 'Cainiao eHub Hong Kong', nameZh: '菜鸟香港eHub', cityId: 'hong-kong', country: 'HK',
    lon: 113.9144, lat: 22.3089, modes: ['road', 'air', 'sea'], site: 'Hong Kong International Airport (HKG)',
    capacityPublicTonnesPerYear: 1_700_000,
    source: 'Alibaba/Cainiao US$1.5 bn logistics centre at HKIA announced 2018-06 with planned throughput of about 1.7 million t/year (Air Cargo World 2018-06-07; Cargo Facts 2018)',
  },
  {
    id: 'ehub-kuala-lumpur', name: 'Cainiao eHub Kuala Lumpur', nameZh: '菜鸟吉隆坡eHub', cityId: '', country: 'MY',
    lon: 101.7097, lat: 2.7433, modes: ['road', 'air', 'sea'], site: 'KLIA Aeropolis DFTZ Park at Kuala Lumpur International Airport (KUL); sea via Port Klang',
    capacityPublicTonnesPerYear: 700_000,
    source: 'Named 2018-05-31 (caasint.com); Cainiao Aeropolis eWTP hub at KLIA opened in 2020 with about 700000 t/year planned handling (MAHB/Alibaba announcement reported by wisebk.com 2020)',
  },
  {
    id: 'ehub-dubai', name: 'Cainiao eHub Dubai', nameZh: '菜鸟迪拜eHub', cityId: '', country: 'AE',
    lon: 55.30927, lat: 25.07725, modes: ['road', 'air', 'sea'], site: 'Dubai (GeoNames 292223; exact site not public); sea via Jebel Ali',
    capacityAssumedTonnesPerDay: 800,
    source: 'Named 2018-05-31 (caasint.com; hangzhou.com.cn 2018-06-01); Emirates SkyCargo handles Cainiao e-commerce in the Middle East (bytheeast.com 2018-06-14)',
  },
  {
    id: 'ehub-moscow', name: 'Cainiao eHub Moscow', nameZh: '菜鸟莫斯科eHub', cityId: '', country: 'RU',
    lon: 37.61556, lat: 55.75222, modes: ['road', 'rail', 'air'], site: 'Moscow (GeoNames 524901; Moscow-region warehouse complex)',
    capacityAssumedTonnesPerDay: 800,
    source: 'Named 2018-05-31 (caasint.com; fc-union.com 2018-06-04); Hangzhou-Moscow Cainiao flights from 2018-03-29 (Global Times 2018-03-29)',
  },
  {
    id: 'ehub-liege', name: 'Cainiao eHub Liège', nameZh: '菜鸟列日eHub', cityId: '', country: 'BE',
    lon: 5.4431, lat: 50.6375, modes: ['road', 'rail', 'air'], site: 'Liège Airport (LGG)',
    capacityAssumedTonnesPerDay: 1000,
    source: 'Belgium-Alibaba eWTP MoU 2018-12 with 220000 m2 leased at Liège Airport (Air Cargo World; Cargo Facts); eHub opened 2021-11-08 (aviation24.be; flanders-china.be)',
  },
];

/**
 * Assumed daily sort capacity of a city's sort hub: 1,500 t/day × sqrt(population / 1 million),
 * rounded to 100 t. Roughly a large express sort centre (millions of parcels a day at ~1 kg)
 * in the largest cities; illustrative, not operator data.
 */
export function assumedSortCapacityTonnesPerDay(population: number): number {
  return Math.max(300, Math.round((1500 * Math.sqrt(population / 1e6)) / 100) * 100);
}

/** Build the hub rows from the city table. Throws when a sort-hub city is missing. */
export function buildHubs(cities: readonly CityRow[]): HubRow[] {
  const byId = new Map(cities.map((c) => [c.id, c]));
  const rows: HubRow[] = [];
  for (const h of SORT_HUBS) {
    const c = byId.get(h.cityId);
    if (!c) throw new Error(`sort hub city ${h.cityId} is not in cities.csv`);
    rows.push({
      id: `hub-${c.id}`,
      name: `${c.name} sort hub`,
      nameZh: `${c.nameZh}分拨中心`,
      kind: 'sort',
      cityId: c.id,
      country: 'CN',
      lon: c.lon,
      lat: c.lat,
      modes: h.modes,
      capacityTonnesPerDay: assumedSortCapacityTonnesPerDay(c.population),
      capacityBasis: 'assumption',
      source: `Location = city coordinates (GeoNames ${c.geonamesId}); hub and capacity illustrative (1500 t/day x sqrt(population/1e6))`,
    });
  }
  for (const e of EHUBS) {
    if (e.cityId && !byId.has(e.cityId)) throw new Error(`eHub city ${e.cityId} is not in cities.csv`);
    const pub = e.capacityPublicTonnesPerYear;
    rows.push({
      id: e.id, name: e.name, nameZh: e.nameZh, kind: 'ehub', cityId: e.cityId, country: e.country,
      lon: e.lon, lat: e.lat, modes: e.modes,
      capacityTonnesPerDay: pub ? Math.round(pub / 365) : e.capacityAssumedTonnesPerDay!,
      capacityBasis: pub ? 'public' : 'assumption',
      source: `${e.source}. Site: ${e.site}`,
    });
  }
  return rows;
}
