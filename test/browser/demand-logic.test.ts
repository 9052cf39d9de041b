// Unit tests of the Demand view's pure logic (no browser): scales, colours, ticks, formatting,
// the chart's geometry and the view's URL state.
import { describe, expect, it } from 'vitest';
import { bandPath, chartMax, chartSvg, linePath, scales, xLabelIndices, type ChartBox } from '../../web/src/demand-chart.js';
import {
  BLUES,
  DEFAULT_DEMAND,
  YLORRD,
  chartHistoryDays,
  dayFigures,
  demandRadius,
  formatCount,
  formatDay,
  formatPct,
  formatTick,
  levelsWidestFirst,
  maxForecast,
  maxSmape,
  niceFloor,
  niceTicks,
  parseDemand,
  rampColor,
  shortDayWd,
  sizeKeyValues,
  trimHistory,
  valueForRadius,
} from '../../web/src/demand-logic.js';
import type { DemandCity, DemandForecast, DemandSeries } from '../../web/src/demand-types.js';
import { DEFAULT_STATE, formatUrlState, parseUrlState } from '../../web/src/url-state.js';

/** A hand-made series: 3 history days, 2 forecast days. */
const series = (mean: number[], smape: number | null = 5): DemandSeries => ({
  historyTail: [10, 12, 14],
  forecast: { mean, intervals: { '80': { lo: mean.map((m) => m - 2), hi: mean.map((m) => m + 2) }, '95': { lo: mean.map((m) => m - 5), hi: mean.map((m) => m + 5) } } },
  model: 'theta[7]',
  backtest: { smape, mase: 0.5, msis: 3, coverage: 0.95, level: 95, from: '2025-12-04', origins: 1 },
});
const city = (id: string, o: number[], d: number[], smape: number | null = 5): DemandCity => ({
  id,
  name: id,
  nameZh: id,
  province: 'P',
  provinceZh: 'P',
  population: 1e6,
  lon: 120,
  lat: 30,
  origin: series(o, smape),
  destination: series(d, smape),
});
const forecast = (cities: DemandCity[]): DemandForecast => ({
  synthetic: true,
  note: '',
  seed: 1,
  model: 'theta',
  horizonDays: 2,
  levels: [80, 95],
  historyDays: 3,
  fitDays: 365,
  dates: ['2025-12-29', '2025-12-30', '2025-12-31', '2026-01-01', '2026-01-02'],
  cities,
  provinces: [],
  national: { id: 'china', name: 'China', nameZh: '中国', cities: cities.length, origin: series([0, 0]), destination: series([0, 0]) },
  method: { totals: '', backtest: '' },
});

describe('circle size (sqrt scale)', () => {
  it('makes the area proportional to the value', () => {
    expect(demandRadius(100, 100, 20)).toBe(20);
    expect(demandRadius(25, 100, 20)).toBe(10); // a quarter of the parcels → half the radius
    expect(demandRadius(1, 100, 20)).toBe(2.5); // floor: still clickable
    expect(demandRadius(0, 100, 20)).toBe(2.5);
    expect(demandRadius(10, 0, 20)).toBe(2.5);
    expect(demandRadius(400, 100, 20)).toBe(20); // clamped at the maximum
    expect(valueForRadius(10, 100, 20)).toBe(25);
  });

  it('takes its maximum over every city and day of one direction', () => {
    const f = forecast([city('a', [5, 40], [7, 8]), city('b', [30, 20], [9, 60])]);
    expect(maxForecast(f, 'origin')).toBe(40);
    expect(maxForecast(f, 'destination')).toBe(60);
  });
});

describe('sequential colours', () => {
  it('interpolates between the stops and clamps', () => {
    expect(rampColor(0, BLUES)).toBe('#eff3ff');
    expect(rampColor(1, BLUES)).toBe('#08519c');
    expect(rampColor(2, BLUES)).toBe('#08519c');
    expect(rampColor(-1, YLORRD)).toBe('#ffffb2');
    expect(rampColor(Number.NaN, YLORRD)).toBe('#ffffb2');
    expect(rampColor(0.5, YLORRD)).toBe('#fd8d3c'); // the middle stop of five
    // halfway between #ffffb2 and #fecc5c: (255+254)/2 → 255 (0x7f.8 rounds up), (255+204)/2, (178+92)/2
    expect(rampColor(0.125, YLORRD)).toBe('#ffe687');
  });

  it('gets darker as the error grows', () => {
    const lum = (h: string) => parseInt(h.slice(1, 3), 16) + parseInt(h.slice(3, 5), 16) + parseInt(h.slice(5, 7), 16);
    const ls = [0, 0.2, 0.4, 0.6, 0.8, 1].map((t) => lum(rampColor(t, YLORRD)));
    for (let i = 1; i < ls.length; i++) expect(ls[i]).toBeLessThan(ls[i - 1]);
  });

  it('finds the largest defined sMAPE', () => {
    expect(maxSmape(forecast([city('a', [1, 1], [1, 1], 4.2), city('b', [1, 1], [1, 1], null), city('c', [1, 1], [1, 1], 12.5)]), 'origin')).toBe(12.5);
    expect(maxSmape(forecast([city('a', [1, 1], [1, 1], null)]), 'origin')).toBe(0);
  });
});

describe('ticks and keys', () => {
  it('runs from 0 to a nice ceiling', () => {
    expect(niceTicks(9.55e6, 4)).toEqual([0, 2e6, 4e6, 6e6, 8e6, 1e7]);
    expect(niceTicks(13.2, 4)).toEqual([0, 5, 10, 15]);
    expect(niceTicks(100, 4)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(niceTicks(7, 4)).toEqual([0, 2, 4, 6, 8]);
    expect(niceTicks(0)).toEqual([0, 1]);
  });

  it('picks round size-key values below the maximum', () => {
    expect(niceFloor(9.55e6)).toBe(5e6);
    expect(niceFloor(2.4e6)).toBe(2e6);
    expect(niceFloor(0.15)).toBe(0.1);
    expect(sizeKeyValues(9.55e6)).toEqual([5e5, 2e6, 5e6]);
    expect(sizeKeyValues(1)).toEqual([0.05, 0.2, 1]);
  });
});

describe('formatting', () => {
  it('writes counts compactly', () => {
    expect(formatCount(940.4)).toBe('940');
    expect(formatCount(1234)).toBe('1.23 k');
    expect(formatCount(12345)).toBe('12.3 k');
    expect(formatCount(633_000)).toBe('633 k');
    expect(formatCount(1_510_000)).toBe('1.51 M');
    expect(formatCount(107_800_000)).toBe('107.8 M');
    expect(formatCount(3_019_700_000)).toBe('3.02 B');
    expect(formatTick(300e6)).toBe('300 M');
    expect(formatTick(2e6)).toBe('2 M');
    expect(formatTick(2.5e6)).toBe('2.5 M');
    expect(formatTick(0)).toBe('0');
  });

  it('writes percentages and calendar dates', () => {
    expect(formatPct(5.17)).toBe('5.2 %');
    expect(formatPct(null)).toBe('–');
    expect(formatDay('2026-01-01')).toBe('Thu 1 Jan 2026');
    expect(formatDay('2025-11-11')).toBe('Tue 11 Nov 2025');
    expect(shortDayWd('2026-01-28')).toBe('Wed 28 Jan');
  });

  it('reads a day of a series (clamped) with its bands', () => {
    const s = series([20, 30]);
    expect(dayFigures(s, 1)).toEqual({ mean: 30, bands: { '80': [28, 32], '95': [25, 35] } });
    expect(dayFigures(s, 9).mean).toBe(30);
    expect(levelsWidestFirst(s)).toEqual(['95', '80']);
  });
});

describe('chart geometry', () => {
  const box: ChartBox = { width: 110, height: 60, left: 10, right: 0, top: 0, bottom: 10 };

  it('maps indices and values into the box', () => {
    const { x, y } = scales(5, 100, box);
    expect(x(0)).toBe(10);
    expect(x(4)).toBe(110);
    expect(y(0)).toBe(50);
    expect(y(100)).toBe(0);
    expect(linePath([[1, 2], [3.04, 4]])).toBe('M1,2L3,4');
    expect(bandPath([0, 10], [1, 2], [3, 4], (v) => v)).toBe('M0,3L10,4L10,2L0,1Z');
  });

  it('draws history, mean and both bands, widest first, and the day marker', () => {
    const s = series([20, 30]);
    expect(chartMax(s)).toBe(35);
    const svg = chartSvg(s, forecast([]).dates, 1, box);
    const i95 = svg.indexOf('demand-band-95');
    const i80 = svg.indexOf('demand-band-80');
    expect(i95).toBeGreaterThan(0);
    expect(i80).toBeGreaterThan(i95);
    expect(svg).toContain('data-testid="demand-history"');
    expect(svg).toContain('data-testid="demand-mean"');
    // day 1 of the horizon = index 4 of 5 dates = the right edge
    expect(svg).toMatch(/data-testid="demand-day-marker" x1="110"/);
  });

  it('labels the first of each month, else every few days', () => {
    expect(xLabelIndices(['2025-11-30', '2025-12-01', '2025-12-02', '2026-01-01'])).toEqual([1, 3]);
    expect(xLabelIndices(['2025-12-02', '2025-12-03', '2025-12-04', '2025-12-05'], 2)).toEqual([0, 2]);
  });

  it('trims the history shown to 1.5 × the horizon (6 weeks at least)', () => {
    expect(chartHistoryDays(28, 90)).toBe(42);
    expect(chartHistoryDays(56, 90)).toBe(84);
    expect(chartHistoryDays(90, 90)).toBe(90);
    expect(chartHistoryDays(7, 30)).toBe(30);
    const t = trimHistory(series([20, 30]), forecast([]).dates, 3, 2);
    expect(t.series.historyTail).toEqual([12, 14]);
    expect(t.dates).toEqual(['2025-12-30', '2025-12-31', '2026-01-01', '2026-01-02']);
  });
});

describe('URL state of the Demand view', () => {
  it('round-trips through the hash, defaults left out', () => {
    const s = { ...DEFAULT_STATE, tab: 'demand' as const, demand: { horizonDays: 14, model: 'theta', day: 5, direction: 'destination' as const, colorBy: 'error' as const, city: 'hangzhou', cities: ['hangzhou', 'yiwu'] } };
    const hash = formatUrlState(s);
    expect(hash).toBe('#view=demand&dh=14&dmodel=theta&dday=5&ddir=destination&dcolor=error&dcity=hangzhou&dcities=hangzhou,yiwu');
    expect(parseUrlState(hash)).toEqual(s);
    expect(formatUrlState({ ...DEFAULT_STATE, tab: 'demand' })).toBe('#view=demand');
    expect(parseUrlState('#view=demand').demand).toEqual(DEFAULT_DEMAND);
  });

  it('drops invalid values', () => {
    const d = parseDemand(new URLSearchParams('dh=0&dmodel=arima&dday=40&ddir=x&dcolor=y&dcity=<b>&dcities=,,'));
    expect(d).toEqual(DEFAULT_DEMAND);
    expect(parseDemand(new URLSearchParams('dh=7&dday=6')).day).toBe(6);
    expect(parseDemand(new URLSearchParams('dh=7&dday=7')).day).toBe(0); // beyond the horizon
  });
});
