import { describe, expect, it } from 'vitest';
import { allocationRequest, DEFAULT_FLOWS, editsToOverrides, forecastTotals, formatFlows, parseFlows, solveKey, type FlowsUrlState } from '../../web/src/flows-logic.js';
import type { DemandForecast } from '../../web/src/demand-types.js';
import { actionOfButton, applyEdit } from '../../web/src/flows-edits.js';
import { bottlenecks, cnyDay, costLines, diffPlans, laneTotals, laneWidthPx, LANE_WIDTH_PX, priceSentence, utilBand, visibleLanes, widthLegendTonnes } from '../../web/src/flows-plan.js';
import type { Allocation, CapacityPrice, LaneFlow } from '../../web/src/flows-types.js';
import { formatUrlState, parseUrlState } from '../../web/src/url-state.js';

const q = (s: string) => new URLSearchParams(s);
const fmt = (s: FlowsUrlState) => {
  const parts: string[] = [];
  formatFlows(s, parts);
  return parts.join('&');
};

describe('Flows URL state', () => {
  it('a fresh page writes nothing and reads the defaults back', () => {
    expect(fmt(DEFAULT_FLOWS)).toBe('');
    expect(parseFlows(q(''))).toEqual(DEFAULT_FLOWS);
  });

  it('round-trips every parameter, edits included', () => {
    const s: FlowsUrlState = {
      demand: 'p95',
      day: 6,
      cities: 30,
      scale: 1.5,
      integer: true,
      lanes: true,
      minPct: 10,
      local: true,
      edits: { hubCap: { 'hub-wuhan': 3000, 'hub-beijing': 0 }, laneCap: { 'hub-wuhan~hub-shanghai~rail': 120.5 }, closedHubs: ['hub-hefei'], openHubs: ['ehub-dubai'], closedLanes: ['a~b~road'], openLanes: ['c~d~rail'] },
    };
    const text = fmt(s);
    expect(text).toBe('fdemand=p95&fday=6&fcities=30&fscale=1.5&fmip=1&flanes=1&fmin=10&flocal=1&fhcap=hub-beijing:0,hub-wuhan:3000&flcap=hub-wuhan~hub-shanghai~rail:120.5&fclose=hub-hefei&fopen=ehub-dubai&fcloselane=a~b~road&fopenlane=c~d~rail');
    expect(parseFlows(q(text))).toEqual({ ...s, edits: { ...s.edits, hubCap: { 'hub-beijing': 0, 'hub-wuhan': 3000 } } });
  });

  it('drops invalid values: negative or empty capacities, bad ids, out-of-range numbers, a hub both closed and kept open', () => {
    const s = parseFlows(q('fdemand=p50&fday=28&fcities=1&fscale=-2&fmin=500&fhcap=hub-a:-5,hub-b:,hub-c:12,bad%20id:3,nocolon&fclose=hub-x,hub-x&fopen=hub-x,hub-y'));
    expect(s.cities).toBeNull();
    expect([s.demand, s.day]).toEqual(['synthetic', 0]);
    expect(s.scale).toBe(1);
    expect(s.minPct).toBe(DEFAULT_FLOWS.minPct);
    expect(s.edits.hubCap).toEqual({ 'hub-c': 12 });
    expect(s.edits.closedHubs).toEqual(['hub-x']);
    expect(s.edits.openHubs).toEqual(['hub-y']);
  });

  it('lives in the page hash next to the other views', () => {
    const u = parseUrlState('#view=flows&fcities=12&fhcap=hub-shanghai:1500');
    expect(u.tab).toBe('flows');
    expect(u.flows.cities).toBe(12);
    expect(formatUrlState(u)).toBe('#view=flows&fcities=12&fhcap=hub-shanghai:1500');
  });

  it('the request: a city subset of the most populous, overrides only when edited, forced-open hubs only for the MIP', () => {
    const byPop = ['shanghai', 'beijing', 'shenzhen', 'guangzhou'];
    expect(allocationRequest(DEFAULT_FLOWS, byPop)).toEqual({ demand: { synthetic: { seed: 1 } }, integer: false });
    const s: FlowsUrlState = { ...DEFAULT_FLOWS, cities: 2, scale: 2, edits: { ...DEFAULT_FLOWS.edits, openHubs: ['hub-a'], closedHubs: ['hub-b'] } };
    expect(allocationRequest(s, byPop)).toEqual({ demand: { synthetic: { seed: 1, scale: 2, cities: ['shanghai', 'beijing'] } }, overrides: { closedHubs: ['hub-b'] }, integer: false });
    expect(editsToOverrides(s.edits, true)).toEqual({ closedHubs: ['hub-b'], forcedOpenHubs: ['hub-a'] });
    const lanes: FlowsUrlState = { ...DEFAULT_FLOWS, integer: true, lanes: true, edits: { ...DEFAULT_FLOWS.edits, openLanes: ['x~y~rail', 'z~w~road'], closedLanes: ['z~w~road'] } };
    expect(allocationRequest(lanes, byPop)).toEqual({ demand: { synthetic: { seed: 1 } }, overrides: { closedLanes: ['z~w~road'], forcedOpenLanes: ['x~y~rail'] }, integer: true, options: { laneDecisions: 'linehaul' } });
    // lanes are decided only by the mixed-integer model
    expect(parseFlows(q('flanes=1')).lanes).toBe(false);
    // a subset as large as the network is no subset
    expect(allocationRequest({ ...DEFAULT_FLOWS, cities: 4 }, byPop).demand).toEqual({ synthetic: { seed: 1 } });
  });

  it('forecast demand: per-city totals of the chosen day and bound, in kg at 0.5 kg a parcel, scaled', () => {
    const series = (mean: number[], hi80: number[], hi95: number[]) => ({ historyTail: [], forecast: { mean, intervals: { '80': { lo: mean, hi: hi80 }, '95': { lo: mean, hi: hi95 } } }, model: 'x', backtest: {} });
    const f = {
      horizonDays: 2,
      historyDays: 0,
      dates: ['2026-01-01', '2026-01-02'],
      cities: [
        { id: 'a', origin: series([100, 200], [150, 250], [180, 300]), destination: series([10, 20], [15, 25], [18, 30]) },
        { id: 'b', origin: series([0, 0], [0, 0], [0, 0]), destination: series([0, 0], [0, 0], [0, 0]) },
        { id: 'c', origin: series([40, 40], [50, 50], [60, 60]), destination: series([4, 4], [5, 5], [6, 6]) },
      ],
    } as unknown as DemandForecast;
    expect(forecastTotals(f, 'mean', 1)).toEqual([
      { city: 'a', sendKgPerDay: 100, receiveKgPerDay: 10 },
      { city: 'c', sendKgPerDay: 20, receiveKgPerDay: 2 },
    ]);
    expect(forecastTotals(f, 'p95', 0, ['a'])).toEqual([{ city: 'a', sendKgPerDay: 90, receiveKgPerDay: 9 }]);
    expect(forecastTotals(f, 'p80', 9)[0]).toEqual({ city: 'a', sendKgPerDay: 125, receiveKgPerDay: 12.5 });
    const req = allocationRequest({ ...DEFAULT_FLOWS, demand: 'mean', scale: 2 }, [], forecastTotals(f, 'mean', 0));
    expect(req.demand).toEqual({ cities: [{ city: 'a', sendKgPerDay: 100, receiveKgPerDay: 10 }, { city: 'c', sendKgPerDay: 40, receiveKgPerDay: 4 }], seed: 1 });
    expect(() => allocationRequest({ ...DEFAULT_FLOWS, demand: 'mean' }, [])).toThrow(/forecast/);
  });

  it('the solve key ignores the drawing filters but not the edits', () => {
    expect(solveKey({ ...DEFAULT_FLOWS, minPct: 1, local: true })).toBe(solveKey(DEFAULT_FLOWS));
    expect(solveKey({ ...DEFAULT_FLOWS, edits: { ...DEFAULT_FLOWS.edits, closedHubs: ['h'] } })).not.toBe(solveKey(DEFAULT_FLOWS));
  });
});

const lane = (laneId: string, from: string, to: string, kgPerDay: number): LaneFlow => ({ laneId, from, to, mode: laneId.split('~')[2] as LaneFlow['mode'], kgPerDay });

function plan(lanes: LaneFlow[], extra: Partial<Allocation> = {}): Allocation {
  return {
    status: 'optimal',
    backend: 'highs',
    objectiveCny: 0,
    integer: false,
    demandKgPerDay: 1000,
    servedKgPerDay: 1000,
    costs: { firstMileCny: 10, trunkCnyByMode: { rail: 30 }, trunkCny: 30, lastMileCny: 5, handlingCny: 20, unmetPenaltyCny: 0, fixedHubCny: 0, fixedLaneCny: 0, totalCny: 65 },
    lanes,
    hubs: [
      { hub: 'h1', name: 'H1', usedKgPerDay: 10, capacityKgPerDay: 10, utilisation: 1, open: true, closed: false },
      { hub: 'h2', name: 'H2', usedKgPerDay: 0, capacityKgPerDay: 10, utilisation: 0, open: true, closed: false },
    ],
    unmet: [],
    capacityPrices: [],
    unusedLanes: [],
    laneRuns: [],
    congestion: {},
    shape: { routes: 0, odPairs: 0, variables: 0, constraints: 0, nonzeros: 0, integers: 0 },
    timingsMs: { build: 0, solve: 0, prices: 0 },
    ...extra,
  };
}

describe('one plan', () => {
  it('merges the two directions of a lane and sorts by flow', () => {
    const t = laneTotals([lane('a~b~road', 'a', 'b', 100), lane('a~b~road', 'b', 'a', 40), lane('a~c~rail', 'a', 'c', 200)]);
    expect(t.map((x) => [x.laneId, x.kgPerDay, x.abKg, x.baKg])).toEqual([
      ['a~c~rail', 200, 200, 0],
      ['a~b~road', 140, 100, 40],
    ]);
  });

  it('widths are linear in flow, from the minimum to the maximum', () => {
    expect(laneWidthPx(1000, 1000)).toBe(LANE_WIDTH_PX.max);
    expect(laneWidthPx(0, 1000)).toBe(LANE_WIDTH_PX.min);
    expect(laneWidthPx(500, 1000)).toBeCloseTo((LANE_WIDTH_PX.min + LANE_WIDTH_PX.max) / 2, 9);
    expect(widthLegendTonnes(7_300_000)).toEqual([5000, 2000, 500]);
    expect(widthLegendTonnes(0)).toEqual([]);
  });

  it('hides lanes under the share of the largest flow, and first/last mile unless asked, and says how much', () => {
    const isHub = (id: string) => id.startsWith('h');
    const t = laneTotals([lane('h1~h2~rail', 'h1', 'h2', 1000), lane('h1~h3~road', 'h1', 'h3', 15), lane('c~h1~road', 'c', 'h1', 5000)]);
    const v = visibleLanes(t, { minPct: 2, local: false, isHub });
    expect(v.shown.map((x) => x.laneId)).toEqual(['h1~h2~rail']);
    expect([v.hiddenSmall, v.hiddenSmallKg, v.hiddenLocal, v.maxKg]).toEqual([1, 15, 1, 1000]);
    const all = visibleLanes(t, { minPct: 0, local: true, isHub });
    expect(all.shown).toHaveLength(3);
  });

  it('bands hub utilisation, closed hubs apart', () => {
    expect([utilBand(0, true), utilBand(0.3, true), utilBand(0.6, true), utilBand(0.9, true), utilBand(0.999, true), utilBand(1, false)]).toEqual(['idle', 'low', 'mid', 'high', 'full', 'closed']);
  });

  it('says a capacity price in plain words, with the range when it is known', () => {
    const p: CapacityPrice = { kind: 'hub', id: 'hub-wuhan', capacityTonnesPerDay: 3000, usedTonnesPerDay: 3000, binding: true, savingCnyPerTonne: 412.4, validToTonnesPerDay: 3400, text: '' };
    const name = (id: string) => ({ 'hub-wuhan': 'Wuhan hub', a: 'Alpha', b: 'Beta' })[id] ?? id;
    expect(priceSentence(p, name)).toBe('1 more t/day at Wuhan hub saves ¥412/day, up to 3,400 t/day');
    expect(priceSentence({ ...p, kind: 'lane', id: 'a~b~rail', from: 'b', to: 'a', savingCnyPerTonne: 12.345, validToTonnesPerDay: undefined }, name)).toBe('1 more t/day at the rail lane Beta → Alpha saves ¥12.35/day');
    expect(priceSentence({ ...p, binding: false, savingCnyPerTonne: 0, usedTonnesPerDay: 1200 }, name)).toBe('Wuhan hub has spare capacity (1,200 of 3,000 t/day used)');
    expect(bottlenecks([{ ...p, savingCnyPerTonne: 5 }, { ...p, binding: false }, { ...p, id: 'x', savingCnyPerTonne: 50 }]).map((x) => x.savingCnyPerTonne)).toEqual([50, 5]);
  });

  it('lists cost components in order, trunk by mode, and formats money per day', () => {
    expect(costLines(plan([]).costs).map((l) => [l.key, l.cny])).toEqual([
      ['firstMile', 10],
      ['trunk-rail', 30],
      ['lastMile', 5],
      ['handling', 20],
    ]);
    expect([cnyDay(43_962_435), cnyDay(-412, true), cnyDay(12_345, true)]).toEqual(['¥43.96 M/day', '−¥412/day', '+¥12.3 k/day']);
  });
});

describe('diffPlans', () => {
  const before = plan([lane('h1~h2~rail', 'h1', 'h2', 1000), lane('h1~h3~road', 'h1', 'h3', 400), lane('h2~h3~sea', 'h2', 'h3', 2)]);
  const after = plan([lane('h1~h2~rail', 'h1', 'h2', 600), lane('h1~h4~rail', 'h1', 'h4', 400), lane('h1~h3~road', 'h1', 'h3', 400), lane('h2~h3~sea', 'h2', 'h3', 3)], {
    costs: { ...before.costs, trunkCnyByMode: { rail: 40 }, trunkCny: 40, totalCny: 75 },
    hubs: [before.hubs[0], { ...before.hubs[1], open: false }],
    unmet: [{ from: 'a', to: 'b', kgPerDay: 7, demandKgPerDay: 10, reason: 'at capacity: H1', closedHubs: [], hubsAtCapacity: ['h1'], lanesAtCapacity: [] }],
    servedKgPerDay: 993,
  });

  it('names the lanes that gained and lost flow, largest change first, ignoring changes under 0.5 % of the largest flow', () => {
    const d = diffPlans(before, after);
    expect(d.lanes.map((l) => [l.laneId, l.deltaKg])).toEqual([
      ['h1~h2~rail', -400],
      ['h1~h4~rail', 400],
    ]);
    expect([d.gained, d.lost]).toEqual([1, 1]);
  });

  it('gives the cost change in total and per component, unmet demand, and hubs that changed status', () => {
    const d = diffPlans(before, after);
    expect(d.costDeltaCny).toBe(10);
    expect(d.costLines).toEqual([{ key: 'trunk-rail', label: 'Trunk by rail', deltaCny: 10 }]);
    expect([d.unmetBeforeKg, d.unmetAfterKg, d.servedDeltaKg]).toEqual([0, 7, -7]);
    expect(d.closed).toEqual(['h2']);
    expect(d.opened).toEqual([]);
  });

  it('a plan against itself has no difference', () => {
    const d = diffPlans(before, before);
    expect([d.costDeltaCny, d.lanes.length, d.costLines.length]).toEqual([0, 0, 0]);
  });
});

describe('what-if edit actions', () => {
  const base = { ...DEFAULT_FLOWS.edits, hubCap: { h1: 10 }, openHubs: ['h2'], openLanes: ['l1'] };

  it('closing a hub drops its "kept open" and closing again reopens it; a closed hub cannot be kept open', () => {
    const closed = applyEdit(base, { type: 'closeHub', id: 'h2' });
    expect([closed.closedHubs, closed.openHubs]).toEqual([['h2'], []]);
    expect(applyEdit(closed, { type: 'keepHub', id: 'h2' }).openHubs).toEqual([]);
    expect(applyEdit(closed, { type: 'closeHub', id: 'h2' }).closedHubs).toEqual([]);
    expect(base.openHubs).toEqual(['h2']); // the input is not changed
  });

  it('lanes work the same way; capacities are set only when valid; remove and clear', () => {
    const c = applyEdit(base, { type: 'closeLane', id: 'l1' });
    expect([c.closedLanes, c.openLanes]).toEqual([['l1'], []]);
    expect(applyEdit(base, { type: 'capacity', on: 'lane', id: 'l2', tonnesPerDay: 50 }).laneCap).toEqual({ l2: 50 });
    expect(applyEdit(base, { type: 'capacity', on: 'hub', id: 'h1', tonnesPerDay: -1 }).hubCap).toEqual({ h1: 10 });
    expect(applyEdit(base, { type: 'capacity', on: 'hub', id: 'h1', tonnesPerDay: NaN }).hubCap).toEqual({ h1: 10 });
    expect(applyEdit(base, { type: 'remove', kind: 'hubCap', id: 'h1' }).hubCap).toEqual({});
    expect(applyEdit(base, { type: 'remove', kind: 'openLanes', id: 'l1' }).openLanes).toEqual([]);
    expect(applyEdit(base, { type: 'clear' })).toEqual(DEFAULT_FLOWS.edits);
  });

  it('maps the panel buttons to actions', () => {
    const cap = () => 1500;
    expect(actionOfButton({ testid: 'flows-cap-apply' }, 'hub-x', true, cap)).toEqual({ type: 'capacity', on: 'hub', id: 'hub-x', tonnesPerDay: 1500 });
    expect(actionOfButton({ testid: 'flows-cap-apply' }, 'a~b~rail', false, cap)).toEqual({ type: 'capacity', on: 'lane', id: 'a~b~rail', tonnesPerDay: 1500 });
    expect(actionOfButton({ add: 'hub-y', kind: 'hub', cap: '3300' }, null, false, cap)).toEqual({ type: 'capacity', on: 'hub', id: 'hub-y', tonnesPerDay: 3300 });
    expect(actionOfButton({ remove: 'closedHubs', id: 'hub-z' }, null, false, cap)).toEqual({ type: 'remove', kind: 'closedHubs', id: 'hub-z' });
    expect(actionOfButton({ testid: 'flows-close-hub' }, null, false, cap)).toBeNull();
    expect(actionOfButton({ testid: 'flows-solve' }, 'hub-x', true, cap)).toBeNull();
  });
});
