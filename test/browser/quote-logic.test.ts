// Unit tests of the Quote view's pure logic (no browser): form checks, breakdown rows, dates,
// services, the batch CSV summary and sample, legs of a quote's path, URL state.
import { describe, expect, it } from 'vitest';
import { countDataRows, parseCsv, sampleCsv, summarizeBatchCsv } from '../../web/src/batch-csv.js';
import { quoteLegs } from '../../web/src/quote-legs.js';
import { breakdownRows, checkQuoteForm, componentLabel, deliveryDay, formFieldOf, mergeServices, shipAtIso, type QuoteFormValues } from '../../web/src/quote-logic.js';
import type { QuoteOption } from '../../web/src/quote-types.js';
import { DEFAULT_STATE, formatUrlState, parseUrlState } from '../../web/src/url-state.js';

const form: QuoteFormValues = { from: 'hangzhou', to: 'beijing', weight: '2.5', length: '', width: '', height: '', value: '', service: '', shipAt: '' };
const fields = (v: QuoteFormValues) => checkQuoteForm(v).errors.map((e) => e.field);

describe('checkQuoteForm', () => {
  it('builds the request from a quick estimate (two cities and a weight)', () => {
    expect(checkQuoteForm(form)).toEqual({ request: { origin: 'hangzhou', destination: 'beijing', weightKg: 2.5 }, errors: [] });
  });

  it('adds the optional fields that were given', () => {
    const r = checkQuoteForm({ ...form, length: '30', width: '20', height: '10', value: '0', service: 'express', shipAt: '2026-11-28T09:30' }).request;
    expect(r).toEqual({
      origin: 'hangzhou',
      destination: 'beijing',
      weightKg: 2.5,
      lengthCm: 30,
      widthCm: 20,
      heightCm: 10,
      declaredValueCny: 0,
      service: 'express',
      shipAt: '2026-11-28T09:30:00+08:00',
    });
  });

  it('names every field that is wrong, as the API names them', () => {
    expect(fields({ ...form, from: null, to: null, weight: '' })).toEqual(['origin', 'destination', 'weightKg']);
    expect(fields({ ...form, to: 'hangzhou' })).toEqual(['destination']);
    expect(fields({ ...form, weight: '0' })).toEqual(['weightKg']);
    expect(fields({ ...form, weight: '-1' })).toEqual(['weightKg']);
    expect(fields({ ...form, weight: 'abc' })).toEqual(['weightKg']);
    expect(fields({ ...form, length: '30' })).toEqual(['widthCm', 'heightCm']);
    expect(fields({ ...form, length: '30', width: '0', height: '10' })).toEqual(['widthCm']);
    expect(fields({ ...form, value: '-5' })).toEqual(['declaredValueCny']);
    expect(fields({ ...form, shipAt: 'tomorrow' })).toEqual(['shipAt']);
    expect(checkQuoteForm({ ...form, weight: '' }).request).toBeNull();
  });

  it('reads the hand-in time as China Standard Time', () => {
    expect(shipAtIso('2026-11-28T09:30')).toBe('2026-11-28T09:30:00+08:00');
    expect(new Date(shipAtIso('2026-11-28T09:30')!).toISOString()).toBe('2026-11-28T01:30:00.000Z');
    expect(shipAtIso('2026-13-40T09:30')).toBeNull();
    expect(shipAtIso('')).toBeNull();
  });

  it('maps a problem field to a form field', () => {
    expect(formFieldOf('weightKg')).toBe('weightKg');
    expect(formFieldOf('origin.0')).toBe('origin');
    expect(formFieldOf('rows')).toBeNull();
    expect(formFieldOf(undefined)).toBeNull();
  });
});

describe('breakdownRows', () => {
  const lines = [
    { component: 'firstMile', amountCny: 0.55, detail: 'pickup' },
    { component: 'lineHaul', amountCny: 1.21, detail: 'road 312 km' },
    { component: 'margin', amountCny: 0.18, detail: '10% margin' },
  ] satisfies { component: 'firstMile' | 'lineHaul' | 'margin'; amountCny: number; detail: string }[];
  it('adds up to the price as it is', () => {
    const { rows, totalCny } = breakdownRows({ breakdown: lines, priceCny: 1.94 });
    expect(rows.map((r) => r.label)).toEqual(['First mile', 'Line haul', 'Margin']);
    expect(totalCny).toBe(1.94);
  });

  it('shows a cent lost to rounding as its own row, so that the table still adds up', () => {
    const { rows } = breakdownRows({ breakdown: lines, priceCny: 1.95 });
    expect(rows.at(-1)).toMatchObject({ component: 'rounding', amountCny: 0.01 });
    expect(Math.round(rows.reduce((s, r) => s + r.amountCny, 0) * 100)).toBe(195);
  });

  it('labels unknown components from their name', () => {
    expect(componentLabel('peakSeasonSurcharge')).toBe('Peak season surcharge');
    expect(componentLabel('minimumCharge')).toBe('Minimum charge');
  });
});

describe('dates and services', () => {
  it('shows a delivery date with its weekday', () => {
    expect(deliveryDay('2026-11-29')).toBe('Sun 29 Nov');
    expect(deliveryDay('2027-01-01')).toBe('Fri 1 Jan');
    expect(deliveryDay('soon')).toBe('soon');
  });

  it('lists services from answers, in the order first seen', () => {
    const a = mergeServices([], { options: [{ service: 'economy', label: 'Economy' } as QuoteOption], unavailable: [{ service: 'express', reason: 'no air route' }] });
    expect(a).toEqual([
      { id: 'economy', label: 'Economy' },
      { id: 'express', label: 'Express' },
    ]);
    const b = mergeServices(a, { options: [{ service: 'express', label: 'Express (air)' } as QuoteOption, { service: 'standard', label: 'Standard' } as QuoteOption], unavailable: [] });
    expect(b.map((s) => `${s.id}:${s.label}`)).toEqual(['economy:Economy', 'express:Express (air)', 'standard:Standard']);
  });
});

describe('batch CSV', () => {
  const answer = [
    'row,origin,destination,service,priceCny,chargeableWeightKg,transitDays,deliveryDate,co2Kg,distanceKm,modes,tags,error',
    '1,shanghai,beijing,economy,4.59,2,6,2026-12-03,0.0389,1483,road;sea,cheapest;lowestCo2,',
    '1,shanghai,beijing,express,13.46,1.5,2,2026-11-29,1.0768,1122,road;air,fastest,',
    '2,,,,,,,,,,,,"origin: no city or hub called ""nowhere"", sorry"',
    '3,lhasa,ehub-x,economy,,,,,,,,,no road/rail/sea route from Lhasa to X',
    '4,,,,,,,,,,,,weightKg must be a number',
  ].join('\r\n');

  it('parses quoted cells with commas and doubled quotes', () => {
    expect(parseCsv('a,"b,c","say ""hi"""\n1,,3\n')).toEqual([
      ['a', 'b,c', 'say "hi"'],
      ['1', '', '3'],
    ]);
    expect(parseCsv('\ufeffx\r\ny')).toEqual([['x'], ['y']]);
    expect(parseCsv('a,"line\nbreak"')).toEqual([['a', 'line\nbreak']]);
  });

  it('counts rows quoted, rows with errors and rows with no route', () => {
    const s = summarizeBatchCsv(answer);
    expect(s).toMatchObject({ rows: 4, quotedRows: 1, errorRows: 2, options: 2, noRouteRows: 1 });
    expect(s.errors).toEqual([
      { row: 2, detail: 'origin: no city or hub called "nowhere", sorry' },
      { row: 4, detail: 'weightKg must be a number' },
    ]);
    expect(s.lines[1]).toMatchObject({ row: 1, service: 'express', priceCny: 13.46, transitDays: 2, tags: ['fastest'] });
  });

  it('refuses an answer that is not a quotes CSV', () => {
    expect(() => summarizeBatchCsv('a,b\n1,2\n')).toThrow(/not a quotes CSV/);
  });

  it('makes a sample with the columns and real ids, every row different ends', () => {
    const ids = ['shanghai', 'beijing', 'tianjin', 'guangzhou', 'shenzhen', 'wuhan'];
    const text = sampleCsv(ids, new Date('2026-11-27T20:00:00Z'));
    const [head, ...rows] = parseCsv(text);
    expect(head).toEqual(['origin', 'destination', 'weightKg', 'lengthCm', 'widthCm', 'heightCm', 'declaredValueCny', 'service', 'shipAt']);
    expect(rows.length).toBe(5);
    for (const r of rows) {
      expect(r.length).toBe(head.length);
      expect(ids).toContain(r[0]);
      expect(r[0]).not.toBe(r[1]);
      expect(Number(r[2])).toBeGreaterThan(0);
    }
    // 20:00 UTC is 04:00 on the 28th in China: the next day there is the 29th.
    expect(rows.some((r) => r[8] === '2026-11-29T09:00:00+08:00')).toBe(true);
    expect(countDataRows(text)).toBe(5);
    expect(() => sampleCsv(['a', 'b'], new Date())).toThrow();
  });
});

describe('quoteLegs', () => {
  // O (city) –road– H1 (hub) –rail– H2 (hub) –road, 0 km– D (city, at H2's position).
  const places = new Map([
    ['o', { name: 'O', lon: 0, lat: 0 }],
    ['h1', { name: 'H1 hub', lon: 1, lat: 0 }],
    ['h2', { name: 'H2 hub', lon: 3, lat: 0 }],
    ['d', { name: 'D', lon: 3, lat: 0 }],
  ]);
  const option = (over: Partial<QuoteOption['path']> = {}): Pick<QuoteOption, 'path'> => ({
    path: {
      hubs: ['H1 hub', 'H2 hub'],
      hubIds: ['h1', 'h2'],
      modes: ['road', 'rail'],
      distanceM: 333_000,
      durationS: 17600,
      legs: [
        { from: 'o', to: 'h1', mode: 'road', distanceM: 111_000, durationS: 5000 },
        { from: 'h1', to: 'h2', mode: 'rail', distanceM: 222_000, durationS: 12000 },
        { from: 'h2', to: 'd', mode: 'road', distanceM: 0, durationS: 600 },
      ],
      geometry: { type: 'LineString', coordinates: [[0, 0], [0.5, 0], [1, 0], [2, 0.00001], [3, 0], [3, 0]] },
      ...over,
    },
  });

  it('keeps the API legs (ids, modes, figures) and names their ends', () => {
    const legs = quoteLegs(option(), places);
    expect(legs.map((l) => `${l.from}-${l.to}:${l.mode}`)).toEqual(['o-h1:road', 'h1-h2:rail', 'h2-d:road']);
    expect(legs.map((l) => `${l.fromName}-${l.toName}`)).toEqual(['O-H1 hub', 'H1 hub-H2 hub', 'H2 hub-D']);
    expect(legs.map((l) => l.distanceM)).toEqual([111_000, 222_000, 0]);
  });

  it('cuts the LineString at the places where the legs meet', () => {
    const legs = quoteLegs(option(), places);
    expect(legs[0].coordinates).toEqual([[0, 0], [0.5, 0], [1, 0]]);
    expect(legs[1].coordinates).toEqual([[1, 0], [2, 0.00001], [3, 0]]);
    expect(legs[2].coordinates).toEqual([[3, 0], [3, 0]]);
  });

  it('draws straight lines between the places without a LineString', () => {
    const legs = quoteLegs(option({ geometry: undefined }), places);
    expect(legs.map((l) => l.coordinates)).toEqual([
      [[0, 0], [1, 0]],
      [[1, 0], [3, 0]],
      [[3, 0], [3, 0]],
    ]);
  });

  it('keeps a leg whose place is unknown, named by its id, and never invents a line for it', () => {
    const few = new Map([...places].filter(([id]) => id !== 'h2'));
    const legs = quoteLegs(option({ geometry: undefined }), few);
    expect(legs.map((l) => l.toName)).toEqual(['H1 hub', 'h2', 'D']);
    expect(legs.map((l) => l.coordinates.length)).toEqual([2, 0, 0]);
    expect(quoteLegs(option({ legs: [] }), places)).toEqual([]);
  });
});

describe('url state of the Quote view', () => {
  it('round-trips the view and the form', () => {
    const s = { ...DEFAULT_STATE, tab: 'quote' as const, quote: { from: 'hangzhou', to: 'beijing', weightKg: 2.5, dimsCm: [30, 20, 10] as [number, number, number], declaredValueCny: 0, service: 'express', shipAt: '2026-11-28T09:30' } };
    const hash = formatUrlState(s);
    expect(hash).toBe('#view=quote&qfrom=hangzhou&qto=beijing&qweight=2.5&qdims=30x20x10&qvalue=0&qservice=express&qship=2026-11-28T09:30');
    expect(parseUrlState(hash)).toEqual(s);
    expect(parseUrlState('#view=batch').tab).toBe('batch');
  });

  it('ignores invalid quote values', () => {
    const q = parseUrlState('#view=nope&qweight=-2&qdims=30x0x10&qvalue=-1&qservice=a%20b&qship=tomorrow').quote;
    expect(q).toEqual(DEFAULT_STATE.quote);
    expect(parseUrlState('#view=nope').tab).toBe('paths');
  });
});
