// Unit tests of the Analysis view's pure logic (no browser): URL state, request bodies and keys, the
// story figures, CSV, scales and the SVG charts.
import { describe, expect, it } from 'vitest';
import { COLORS, lineChart, waterfallSvg, weekTicks, type Box } from '../../web/src/analysis-chart.js';
import { comparisonHtml, kpiCards, storyLine } from '../../web/src/analysis-dash.js';
import {
  DEFAULT_ANALYSIS,
  diffTone,
  errorWindow,
  flywheelBody,
  formatAnalysis,
  inputsKey,
  niceRange,
  parseAnalysis,
  periodsCsv,
  scenarioInputs,
  stateFromInputs,
  story,
  waterfallSteps,
  type AnalysisUrlState,
} from '../../web/src/analysis-logic.js';
import type { FlywheelPeriod, FlywheelResult } from '../../web/src/analysis-types.js';

const BOX: Box = { width: 300, height: 150, left: 40, right: 10, top: 10, bottom: 20 };

function period(i: number, o: Partial<FlywheelPeriod> = {}): FlywheelPeriod {
  return {
    period: i,
    merchants: 1000 + 100 * (i - 1),
    parcels: 10_000,
    forecastErrorPct: 10 - i,
    forecastErrorPctBaseline: 12,
    costPerParcelBaselineCny: 4,
    costPerParcelOptimisedCny: 3,
    priceCny: 3.3,
    baselinePriceCny: 4.4,
    cumulativeSavingsCny: 10_000 * i,
    combosCnyPerParcel: {},
    attribution: { forecastingCny: 1000, allocationCny: 3000, routingCny: 6000, totalCny: 10_000 },
    station: { stops: 0, parcels: 0, baselineRoutes: 0, optimisedRoutes: 0 },
    ...o,
  };
}

function report(periods: FlywheelPeriod[]): FlywheelResult {
  const total = periods.reduce((s, p) => s + p.attribution.totalCny, 0);
  return {
    synthetic: true,
    seed: 1,
    seeds: [1],
    periods,
    attribution: { forecastingCny: total * 0.1, allocationCny: total * 0.3, routingCny: total * 0.6, totalCny: total },
    attributionBySeed: [],
    bands: [],
    assumptions: { table: [{ parameter: 'margin', value: 0.1, source: 'assumption' }], cities: ['a', 'b'], switches: { forecasting: true, allocation: true, routing: true }, notes: [] },
    kpis: {} as FlywheelResult['kpis'],
    timings: { setupS: 0, periodsS: 0, totalS: 0, lpSolves: 0, lpMsTotal: 0 },
  };
}

describe('URL state', () => {
  it('leaves defaults out and reads back what it writes', () => {
    const parts: string[] = [];
    formatAnalysis(DEFAULT_ANALYSIS, parts);
    expect(parts).toEqual([]);
    const s: AnalysisUrlState = { ...DEFAULT_ANALYSIS, periods: 52, seeds: 3, margin: 0.15, elasticity: 0, off: ['routing', 'forecasting'] };
    const out: string[] = [];
    formatAnalysis(s, out);
    expect(out).toContain('ap=52');
    expect(out).toContain('ae=0');
    const back = parseAnalysis(new URLSearchParams(out.join('&')));
    expect(back).toEqual({ ...s, off: ['forecasting', 'routing'] });
  });

  it('ignores invalid values (out of range, not integers, unknown components)', () => {
    const s = parseAnalysis(new URLSearchParams('ap=0&as=9&am=-1&ac=2.5&aseed=x&aoff=routing,teleport&ae='));
    expect(s).toEqual({ ...DEFAULT_ANALYSIS, off: ['routing'] });
  });
});

describe('request bodies and keys', () => {
  it('a scenario of a state gives the same state back and the same key as its body', () => {
    const s: AnalysisUrlState = { ...DEFAULT_ANALYSIS, seed: 7, seeds: 2, cities: 12, off: ['allocation'] };
    const { inputs, seed } = scenarioInputs(s);
    expect(seed).toBe(7);
    expect(inputs).not.toHaveProperty('seed');
    expect(stateFromInputs(inputs as unknown as Record<string, unknown>, seed)).toEqual(s);
    expect(flywheelBody(s).off).toEqual(['allocation']);
  });

  it('hub inputs go into the URL and the body only when changed (older stored scenarios keep their keys)', () => {
    expect(flywheelBody(DEFAULT_ANALYSIS).params).not.toHaveProperty('hubCapacityScale');
    expect(flywheelBody(DEFAULT_ANALYSIS).params).not.toHaveProperty('closedHubs');
    const s: AnalysisUrlState = { ...DEFAULT_ANALYSIS, hubCapacityScale: 0.001, closedHubs: ['hub-wuhan', 'hub-beijing'] };
    expect(flywheelBody(s).params).toMatchObject({ hubCapacityScale: 0.001, closedHubs: ['hub-beijing', 'hub-wuhan'] });
    const parts: string[] = [];
    formatAnalysis(s, parts);
    expect(parts).toEqual(['ahc=0.001', 'aclosed=hub-wuhan,hub-beijing']);
    expect(parseAnalysis(new URLSearchParams(parts.join('&')))).toEqual(s);
    expect(parseAnalysis(new URLSearchParams('aclosed=hub-a,hub-a,<x>')).closedHubs).toEqual(['hub-a']);
    const lanes: AnalysisUrlState = { ...DEFAULT_ANALYSIS, closedLanes: ['hub-wuhan~hub-shanghai~rail'] };
    const lp: string[] = [];
    formatAnalysis(lanes, lp);
    expect(lp).toEqual(['alanes=hub-wuhan~hub-shanghai~rail']);
    expect(parseAnalysis(new URLSearchParams(lp.join('&')))).toEqual(lanes);
    expect(parseAnalysis(new URLSearchParams('alanes=nonsense,a~b~road')).closedLanes).toEqual(['a~b~road']);
    expect(flywheelBody(lanes).params.closedLanes).toEqual(['hub-wuhan~hub-shanghai~rail']);
    const { inputs, seed } = scenarioInputs(s);
    expect(stateFromInputs(inputs as unknown as Record<string, unknown>, seed)).toEqual({ ...s, closedHubs: ['hub-beijing', 'hub-wuhan'] });
  });

  it('the key ignores the order of keys and a missing off, but not the seed or a parameter', () => {
    const a = { periods: 3, seeds: 1, params: { margin: 0.1, cities: 5 } };
    const b = { params: { cities: 5, margin: 0.1 }, off: [], periods: 3 };
    expect(inputsKey(a, 1)).toBe(inputsKey(b, 1));
    expect(inputsKey(a, 1)).not.toBe(inputsKey(a, 2));
    expect(inputsKey(a, 1)).not.toBe(inputsKey({ ...a, params: { margin: 0.2, cities: 5 } }, 1));
  });
});

describe('story figures', () => {
  it('weights cost by parcels and takes the error of the first and last quarter (median)', () => {
    const r = report([
      period(1, { parcels: 1000, costPerParcelBaselineCny: 5, costPerParcelOptimisedCny: 4 }),
      period(2, { parcels: 3000, costPerParcelBaselineCny: 4, costPerParcelOptimisedCny: 3 }),
      period(3),
      period(4),
    ]);
    const st = story(r);
    // (5·1000 + 4·3000 + 4·20000) / 24000 and (4·1000 + 3·3000 + 3·20000) / 24000.
    expect(st.costBaselineCny).toBeCloseTo(97_000 / 24_000, 10);
    expect(st.costOptimisedCny).toBeCloseTo(73_000 / 24_000, 10);
    expect(st.savingPct).toBeCloseTo((100 * 24) / 97, 10);
    expect(st.errorWeeks).toBe(1);
    expect(st.errorStartPct).toBe(9);
    expect(st.errorEndPct).toBe(6);
    expect(st.merchantsStart).toBe(1000);
    expect(st.merchantsEnd).toBe(1300);
    expect(st.cumulativeSavingsCny).toBe(40_000);
    expect(storyLine(st, r)).toMatch(/cuts the cost per parcel by <strong>24\.7%<\/strong>.*from 1,000 to <strong>1,300<\/strong> in 4 weeks.*falls from 9\.0% to 6\.0%/);
    expect(kpiCards(st)).toMatch(/data-testid="kpi-savings"/);
  });

  it('uses one week at each end for very short runs and says when merchants stay', () => {
    expect(errorWindow(1)).toBe(1);
    expect(errorWindow(3)).toBe(1);
    expect(errorWindow(13)).toBe(3);
    expect(errorWindow(52)).toBe(13);
    expect(errorWindow(104)).toBe(13);
    // Medians: one spiking week among the last three does not move the end figure.
    const spiky = report([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((i) => period(i, { forecastErrorPct: i === 11 ? 60 : 5 })));
    expect(story(spiky).errorEndPct).toBe(5);
    const r = report([period(1, { merchants: 500 }), period(2, { merchants: 500 })]);
    expect(storyLine(story(r), r)).toMatch(/keeps merchants at 500/);
    // A run where the optimised plan costs more says so.
    const worse = report([period(1, { costPerParcelOptimisedCny: 5, merchants: 500 }), period(2, { costPerParcelOptimisedCny: 5, merchants: 450 })]);
    const line = storyLine(story(worse), worse);
    expect(line).toMatch(/raises the cost per parcel by <strong>25\.0%<\/strong>.*the higher price shrinks merchants from 500 to <strong>450<\/strong>/);
    expect(kpiCards(story(worse))).toMatch(/class="bad">\+25\.0%/);
  });
});

describe('CSV', () => {
  it('has a comment line, a header and one row per week with the attribution', () => {
    const lines = periodsCsv(report([period(1), period(2)])).trim().split('\n');
    expect(lines[0]).toMatch(/^# hubflow flywheel, SYNTHETIC demand/);
    expect(lines[1].split(',')).toEqual([
      'period', 'merchants', 'parcels', 'forecastErrorPct', 'forecastErrorPctBaseline', 'costPerParcelBaselineCny', 'costPerParcelOptimisedCny',
      'priceCny', 'baselinePriceCny', 'cumulativeSavingsCny', 'forecastingCny', 'allocationCny', 'routingCny',
    ]);
    expect(lines).toHaveLength(4);
    expect(lines[3].split(',')).toEqual(['2', '1100', '10000', '8.00', '12.00', '4.0000', '3.0000', '3.3000', '4.4000', '20000', '1000', '3000', '6000']);
  });
});

describe('scales and charts', () => {
  it('niceRange covers the data with round steps, keeping zero when asked', () => {
    const t = niceRange(2.74, 3.86, 4);
    expect(t[0]).toBeLessThanOrEqual(2.74);
    expect(t[t.length - 1]).toBeGreaterThanOrEqual(3.86);
    expect(t.length).toBeLessThanOrEqual(7);
    expect(niceRange(0, 870_000, 4)).toEqual([0, 250_000, 500_000, 750_000, 1_000_000]);
    const flat = niceRange(5, 5);
    expect(flat[0]).toBeLessThan(5);
    expect(flat[flat.length - 1]).toBeGreaterThan(5);
  });

  it('weekTicks keeps the first and last week, ascending, few labels', () => {
    for (const [a, b] of [[1, 1], [1, 3], [1, 13], [1, 52], [1, 104]]) {
      const t = weekTicks(a, b);
      expect(t[0]).toBe(a);
      expect(t[t.length - 1]).toBe(b);
      expect([...t].sort((x, y) => x - y)).toEqual(t);
      expect(new Set(t).size).toBe(t.length);
      expect(t.length).toBeLessThanOrEqual(7);
    }
  });

  it('draws a band only for series that have one', () => {
    const svg = lineChart({
      id: 'x',
      weeks: [1, 2, 3],
      box: BOX,
      label: 'x',
      yFmt: String,
      series: [
        { key: 'a', label: 'a', values: [1, 2, 3], color: '#000', band: { lo: [0, 1, 2], hi: [2, 3, 4] } },
        { key: 'b', label: 'b', values: [3, 2, 1], color: '#111', dashed: true },
      ],
    });
    expect(svg).toContain('data-testid="band-a"');
    expect(svg).not.toContain('data-testid="band-b"');
    expect(svg).toMatch(/class="line dashed" data-testid="line-b"/);
  });

  it('the waterfall steps add up to the total; a negative share is drawn in the loss colour', () => {
    const a = { forecastingCny: -200, allocationCny: 500, routingCny: 700, totalCny: 1000 };
    const steps = waterfallSteps(a);
    expect(steps.reduce((s, x) => s + x.sharePct, 0)).toBeCloseTo(100, 10);
    const svg = waterfallSvg(a, BOX);
    expect(svg).toMatch(new RegExp(`data-testid="wf-forecasting" data-cny="-200"[^>]*fill="${COLORS.loss}"`));
    expect(svg).toMatch(/data-testid="wf-total" data-cny="1000"/);
  });
});

describe('comparison', () => {
  it('colours a difference by what is better for the operator; percentages differ in points', () => {
    expect(diffTone('costPerParcelOptimisedCny', -0.1)).toBe('good');
    expect(diffTone('merchantsEnd', -10)).toBe('bad');
    expect(diffTone('forecastErrorPctMean', 1)).toBe('bad');
    expect(diffTone('unknownKpi', 1)).toBe('same');
    expect(diffTone('savingPct', 0)).toBe('same');
    const html = comparisonHtml({
      a: { scenarioId: 'a', name: 'A <x>', runId: 'r1' },
      b: { scenarioId: 'b', name: 'B', runId: 'r2' },
      kpis: [
        { name: 'savingPct', a: 14.7, b: 12.2, diff: -2.5, diffPct: -17 },
        { name: 'merchantsEnd', a: 4000, b: 4400, diff: 400, diffPct: 10 },
      ],
    });
    expect(html).toContain('A · A &#60;x&#62;');
    expect(html).toMatch(/data-kpi="savingPct".*−2\.50 pp<\/td>/);
    expect(html).toMatch(/data-kpi="merchantsEnd".*class="num diff good">\+400 <span class="an-dpct">\(\+10\.0%\)/);
  });
});
