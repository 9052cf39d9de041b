// Unit tests of the Streets view's pure logic (no browser): typed coordinates, clicks, figures,
// attribution, and the view's URL state.
import { describe, expect, it } from 'vitest';
import {
  attributionHtml,
  attributionText,
  averageKmh,
  clickTarget,
  formatLonLat,
  graphTitle,
  inExtent,
  licenceShort,
  parseLonLat,
  streetKm,
  streetMin,
  swappedHint,
} from '../../web/src/streets-logic.js';
import { DEFAULT_STATE, formatUrlState, parseUrlState } from '../../web/src/url-state.js';

const BALTIMORE: [number, number, number, number] = [-76.6128029, 39.2510315, -76.5175777, 39.3142836];

describe('parseLonLat', () => {
  it('reads "lon, lat" with commas, semicolons or spaces', () => {
    expect(parseLonLat('-76.6122, 39.2904')).toEqual({ ok: true, point: [-76.6122, 39.2904] });
    expect(parseLonLat('  -76.6122 39.2904 ')).toEqual({ ok: true, point: [-76.6122, 39.2904] });
    expect(parseLonLat('-76.6122;39.2904')).toEqual({ ok: true, point: [-76.6122, 39.2904] });
    expect(parseLonLat('+10,.5')).toEqual({ ok: true, point: [10, 0.5] });
  });

  it('rejects anything but two numbers in range', () => {
    for (const bad of ['', 'Baltimore', '1', '1, 2, 3', '1e3, 2', '1,2x', '0x10, 2', 'NaN, 1']) expect(parseLonLat(bad).ok).toBe(false);
    const lat = parseLonLat('10, 95');
    expect(lat.ok === false && lat.message).toMatch(/latitude 95/);
    const lon = parseLonLat('-181, 10');
    expect(lon.ok === false && lon.message).toMatch(/longitude -181/);
  });

  it('formats a point back with 5 decimals', () => {
    expect(formatLonLat([-76.6, 39.29041])).toBe('-76.60000, 39.29041');
    const p = parseLonLat(formatLonLat([-76.123456, 39.654321]));
    expect(p).toEqual({ ok: true, point: [-76.12346, 39.65432] });
  });
});

describe('extent checks', () => {
  it('tells inside from outside, edges included', () => {
    expect(inExtent([-76.6, 39.29], BALTIMORE)).toBe(true);
    expect(inExtent([BALTIMORE[0], BALTIMORE[1]], BALTIMORE)).toBe(true);
    expect(inExtent([-76.4, 39.29], BALTIMORE)).toBe(false);
  });

  it('hints at "lat, lon" only when swapping the numbers lands inside', () => {
    expect(swappedHint([39.29, -76.6], BALTIMORE)).toMatch(/-76\.60000, 39\.29000/);
    expect(swappedHint([-76.6, 39.29], BALTIMORE)).toBeNull();
    expect(swappedHint([-76.4, 39.29], BALTIMORE)).toBeNull();
  });
});

describe('clicks and figures', () => {
  it('fills the start, then the end, then starts over', () => {
    expect(clickTarget(null, null)).toBe('from');
    expect(clickTarget([0, 0], null)).toBe('to');
    expect(clickTarget(null, [0, 0])).toBe('from');
    expect(clickTarget([0, 0], [1, 1])).toBe('restart');
  });

  it('formats km and minutes', () => {
    expect(streetKm(10_633.85)).toBe('10.6');
    expect(streetKm(853)).toBe('0.853');
    expect(streetMin(581.6)).toBe('9.7');
    expect(streetMin(722.3)).toBe('12');
    expect(streetMin(0)).toBe('0.0');
    expect(averageKmh(10_000, 600)).toBeCloseTo(60, 9);
    expect(averageKmh(0, 600)).toBeNull();
  });
});

describe('attribution', () => {
  const osm = { attribution: '© OpenStreetMap contributors', licence: 'ODbL-1.0' };
  it('reads "© OpenStreetMap contributors (ODbL)"', () => {
    expect(licenceShort('ODbL-1.0')).toBe('ODbL');
    expect(licenceShort('CC-BY-4.0')).toBe('CC-BY');
    expect(attributionText(osm)).toBe('© OpenStreetMap contributors (ODbL)');
    expect(attributionText({ attribution: 'City of X', licence: undefined })).toBe('City of X');
  });

  it('links OpenStreetMap to its copyright page and escapes the rest', () => {
    const html = attributionHtml(osm);
    expect(html).toContain('href="https://www.openstreetmap.org/copyright"');
    expect(html.replace(/<[^>]+>/g, '')).toBe('© OpenStreetMap contributors (ODbL)');
    expect(attributionHtml({ attribution: '<b>x</b>', licence: undefined })).toBe('&#60;b&#62;x&#60;/b&#62;');
  });

  it('titles graph names', () => {
    expect(graphTitle('baltimore')).toBe('Baltimore');
    expect(graphTitle('new-york_city')).toBe('New York City');
  });
});

describe('url state of the Streets view', () => {
  it('round-trips the tab, the points and the weight', () => {
    const s = { ...DEFAULT_STATE, tab: 'streets' as const, streets: { from: [-76.591945, 39.268706] as [number, number], to: [-76.5366, 39.2953] as [number, number], weight: 'distance' as const } };
    const hash = formatUrlState(s);
    expect(hash).toBe('#view=streets&sfrom=-76.591945,39.268706&sto=-76.5366,39.2953&sweight=distance');
    expect(parseUrlState(hash)).toEqual(s);
    expect(formatUrlState({ ...DEFAULT_STATE, tab: 'streets' })).toBe('#view=streets');
  });

  it('ignores invalid points and weights', () => {
    const st = parseUrlState('#view=streets&sfrom=1,2,3&sto=200,1&sweight=fast').streets;
    expect(st).toEqual(DEFAULT_STATE.streets);
    expect(parseUrlState('#sfrom=,5').streets.from).toBeNull();
  });
});
