// Unit tests of the map UI's pure logic (no browser): URL state, place search, antimeridian
// unwrapping, cutting a path into legs, number formatting.
import { describe, expect, it } from 'vitest';
import { unwrapRing } from '../../web/src/antimeridian.js';
import { duration, km, sig3 } from '../../web/src/format.js';
import { splitByLegs } from '../../web/src/leg-geometry.js';
import { checkInputs } from '../../web/src/path-panel.js';
import { fold, matchPlaces } from '../../web/src/place-search.js';
import type { Place } from '../../web/src/types.js';
import { DEFAULT_STATE, formatUrlState, parseUrlState } from '../../web/src/url-state.js';

describe('url state', () => {
  it('round-trips the view and the path', () => {
    const s = { ...DEFAULT_STATE, view: { zoom: 5.5, lat: 31.2345678, lon: 121.4567 }, from: 'shanghai', to: 'ehub-liege', objective: 'co2' as const, weightKg: 2.5, modes: ['rail' as const, 'sea' as const] };
    const hash = formatUrlState(s);
    expect(hash).toBe('#map=5.5/31.235/121.457&from=shanghai&to=ehub-liege&objective=co2&weight=2.5&modes=rail,sea');
    const back = parseUrlState(hash);
    expect(back).toEqual({ ...s, view: { zoom: 5.5, lat: 31.235, lon: 121.457 } });
  });

  it('leaves defaults out and reads a bare hash as the defaults', () => {
    expect(formatUrlState({ ...DEFAULT_STATE, from: 'a', to: 'b' })).toBe('#from=a&to=b');
    expect(formatUrlState(DEFAULT_STATE)).toBe('');
    expect(parseUrlState('')).toEqual(DEFAULT_STATE);
  });

  it('ignores invalid values instead of failing', () => {
    const s = parseUrlState('#map=x/1/2&objective=fast&weight=-3&modes=road,boat');
    expect(s.view).toBeNull();
    expect(s.objective).toBe('cost');
    expect(s.weightKg).toBe(1);
    expect(s.modes).toEqual(['road']);
    expect(parseUrlState('#modes=').modes).toEqual([]);
  });

  it('encodes ids with reserved characters', () => {
    const hash = formatUrlState({ ...DEFAULT_STATE, from: 'a&b', to: 'c d' });
    expect(parseUrlState(hash)).toMatchObject({ from: 'a&b', to: 'c d' });
  });
});

describe('place search', () => {
  const places: Place[] = [
    { id: 'shangrao', kind: 'city', name: 'Shangrao', nameZh: '上饶', country: 'CN', lon: 117.9, lat: 28.4, population: 1e6 },
    { id: 'shanghai', kind: 'city', name: 'Shanghai', nameZh: '上海', country: 'CN', lon: 121.5, lat: 31.2, population: 22e6 },
    { id: 'hub-shanghai', kind: 'hub', name: 'Shanghai sort hub', nameZh: '上海分拨中心', country: 'CN', lon: 121.5, lat: 31.2 },
    { id: 'ehub-liege', kind: 'hub', name: 'Cainiao eHub Liège', nameZh: '菜鸟列日eHub', country: 'BE', lon: 5.6, lat: 50.6 },
  ];

  it('ranks exact, then prefix (by population), then word prefix', () => {
    expect(matchPlaces(places, 'shanghai').map((p) => p.id)).toEqual(['shanghai', 'hub-shanghai']);
    expect(matchPlaces(places, 'shang').map((p) => p.id)).toEqual(['shanghai', 'shangrao', 'hub-shanghai']);
  });

  it('finds Chinese names and folds accents', () => {
    expect(matchPlaces(places, '上海').map((p) => p.id)).toEqual(['shanghai', 'hub-shanghai']);
    expect(matchPlaces(places, 'liege').map((p) => p.id)).toEqual(['ehub-liege']);
    expect(fold(' Liège ')).toBe('liege');
    expect(matchPlaces(places, '  ')).toEqual([]);
  });
});

describe('unwrapRing', () => {
  it('keeps an ordinary ring as it is', () => {
    const r = [[10, 0], [20, 0], [20, 10], [10, 0]];
    expect(unwrapRing(r)).toEqual(r);
  });

  it('makes a ring across the antimeridian continuous', () => {
    const r = unwrapRing([[170, 60], [-170, 60], [-170, 70], [170, 70], [170, 60]]);
    expect(r).toEqual([[170, 60], [190, 60], [190, 70], [170, 70], [170, 60]]);
  });

  it('shifts a ring that starts on the far side back near [-180, 180]', () => {
    const r = unwrapRing([[-170, 60], [170, 60], [100, 60], [100, 70], [-170, 70], [-170, 60]]);
    expect(r.map(([lon]) => lon)).toEqual([190, 170, 100, 100, 190, 190]);
  });

  it('closes a ring around the south pole along the pole', () => {
    const r = unwrapRing([[-180, -70], [-60, -65], [60, -70], [179, -68]]);
    expect(r.slice(-3)).toEqual([[179, -90], [-180, -90], [-180, -70]]);
  });
});

describe('splitByLegs', () => {
  it('cuts at the vertex nearest to each intermediate stop', () => {
    const coords: [number, number][] = [[0, 0], [1, 0], [2, 0], [2, 1], [2, 2]];
    const legs = splitByLegs(coords, [[2.01, 0], [2, 2]]);
    expect(legs).toEqual([[[0, 0], [1, 0], [2, 0]], [[2, 0], [2, 1], [2, 2]]]);
  });

  it('gives the whole line to a single leg', () => {
    const coords: [number, number][] = [[0, 0], [5, 5]];
    expect(splitByLegs(coords, [[5, 5]])).toEqual([coords]);
  });
});

describe('format', () => {
  it('formats distances, durations and small quantities', () => {
    expect(km(1_205_481)).toBe('1,205');
    expect(duration(45 * 60)).toBe('45 min');
    expect(duration(15 * 3600 + 4 * 60)).toBe('15 h 4 min');
    expect(duration(3 * 86400 + 5 * 3600)).toBe('3 d 5 h');
    expect(sig3(0.024153)).toBe('0.0242');
    expect(sig3(1.128)).toBe('1.13');
    expect(sig3(1207.4)).toBe('1,207');
    expect(sig3(0)).toBe('0');
  });
});

describe('checkInputs', () => {
  const ok = { from: 'a', to: 'b', objective: 'cost' as const, weightKg: 1, modes: ['road' as const] };
  it('names the field the API would reject', () => {
    expect(checkInputs(ok)).toBeNull();
    expect(checkInputs({ ...ok, weightKg: 0 })?.field).toBe('weightKg');
    expect(checkInputs({ ...ok, weightKg: NaN })?.field).toBe('weightKg');
    expect(checkInputs({ ...ok, modes: [] })?.field).toBe('modes');
    expect(checkInputs({ ...ok, to: 'a' })?.field).toBe('to');
  });
});
