import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { flagNumber, flagString, parseArgs, requireFlag } from '../args.js';
import { InputError } from '../../shared/errors.js';
import { forecastSafe } from '../../forecast/fallback.js';
import { formatM4, parseM4, type NamedSeries } from '../../forecast/m4-format.js';
import { coverage, mase, msis, owa, smape } from '../../forecast/metrics.js';
import { calendarPeriods } from '../../forecast/periods.js';
import { DEFAULT_MODEL, MODELS, modelByName } from '../../forecast/registry.js';
import type { Forecast } from '../../forecast/types.js';

/** Scores of one model over a set. */
interface ModelScore {
  model: string;
  smape: number;
  mase: number;
  owa: number;
  msis: number;
  coverage80: number;
  coverage95: number;
  fallbacks: number;
  /** Wall-clock seconds to fit and forecast every series. */
  seconds: number;
  /** CPU seconds of this process over the same (user + system; the fairer figure on a busy machine). */
  cpuSeconds: number;
}

const usage =
  'bench forecast --train TRAIN.csv --test TEST.csv --horizon H --season M [--model NAME|auto|all] [--periods 24,168] [--limit N] [--out RESULT.json] [--forecasts FORECASTS.csv]';

function setName(file: string): string {
  return basename(file).replace(/\.csv$/i, '').replace(/[-_]train$/i, '');
}

function runModel(name: string, train: NamedSeries[], h: number, m: number, periods: number[]): { forecasts: Forecast[]; seconds: number; cpuSeconds: number } {
  const model = modelByName(name);
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  // Naive2 is the M4 benchmark: its season is the MASE period alone.
  const season = name === 'naive2' ? [m] : periods;
  const forecasts = train.map((s) => forecastSafe(model, s.values, h, { season, levels: [80, 95] }));
  const c = process.cpuUsage(c0);
  return { forecasts, seconds: (performance.now() - t0) / 1000, cpuSeconds: (c.user + c.system) / 1e6 };
}

function score(name: string, train: NamedSeries[], test: NamedSeries[], fc: Forecast[], m: number, seconds: number, cpuSeconds: number): Omit<ModelScore, 'owa'> {
  let s = 0;
  let ma = 0;
  let ms = 0;
  let c80 = 0;
  let c95 = 0;
  let fb = 0;
  let nScaled = 0;
  for (let i = 0; i < train.length; i++) {
    const y = test[i].values;
    const f = fc[i];
    s += smape(y, f.mean);
    // MASE and MSIS are undefined on a constant history (zero scale): such series are left out of both averages.
    const ma1 = mase(train[i].values, y, f.mean, m);
    const ms1 = msis(train[i].values, y, f.intervals[95].lo, f.intervals[95].hi, m);
    if (Number.isFinite(ma1) && Number.isFinite(ms1)) {
      ma += ma1;
      ms += ms1;
      nScaled++;
    }
    c80 += coverage(y, f.intervals[80].lo, f.intervals[80].hi);
    c95 += coverage(y, f.intervals[95].lo, f.intervals[95].hi);
    if (f.fallback) fb++;
  }
  const n = train.length;
  return { model: name, smape: s / n, mase: ma / nScaled, msis: ms / nScaled, coverage80: (100 * c80) / n, coverage95: (100 * c95) / n, fallbacks: fb, seconds, cpuSeconds };
}

/** `npm run bench -- forecast ...`: scores models on an M4-layout train/test pair. */
export async function run(argv: string[]): Promise<void> {
  const args = parseArgs(argv, { values: ['train', 'test', 'horizon', 'season', 'model', 'out', 'forecasts', 'periods', 'limit'] });
  const trainFile = requireFlag(args, 'train');
  const testFile = requireFlag(args, 'test');
  const h = flagNumber(args, 'horizon');
  const m = flagNumber(args, 'season');
  if (h === undefined || !Number.isInteger(h) || h < 1) throw new InputError(`--horizon must be a positive integer. ${usage}`, 'horizon');
  if (m === undefined || !Number.isInteger(m) || m < 1) throw new InputError(`--season must be a positive integer. ${usage}`, 'season');
  const which = flagString(args, 'model', 'all')!;
  const names = which === 'all' ? Object.keys(MODELS) : [which];
  for (const n of names) modelByName(n);
  const periodsFlag = flagString(args, 'periods');
  const periods = periodsFlag !== undefined ? periodsFlag.split(',').filter(Boolean).map(Number) : calendarPeriods(m);
  let train = parseM4(readFileSync(trainFile, 'utf8'), trainFile);
  let test = parseM4(readFileSync(testFile, 'utf8'), testFile);
  const limit = flagNumber(args, 'limit');
  if (limit !== undefined) {
    train = train.slice(0, limit);
    test = test.slice(0, limit);
  }
  const testById = new Map(test.map((s) => [s.id, s]));
  test = train.map((s) => {
    const t = testById.get(s.id);
    if (!t) throw new InputError(`${testFile}: no test row for series ${s.id}`, 'test');
    if (t.values.length < h) throw new InputError(`${testFile}: series ${s.id} has ${t.values.length} test values, fewer than --horizon ${h}`, 'horizon');
    return { id: s.id, values: t.values.slice(0, h) };
  });
  const set = setName(trainFile);
  const headline = which === 'all' ? DEFAULT_MODEL : which;
  const runNames = [...new Set(['naive2', ...names])];
  const results = new Map<string, { forecasts: Forecast[]; score: Omit<ModelScore, 'owa'> }>();
  for (const name of runNames) {
    const r = runModel(name, train, h, m, periods);
    results.set(name, { forecasts: r.forecasts, score: score(name, train, test, r.forecasts, m, r.seconds, r.cpuSeconds) });
  }
  const ref = results.get('naive2')!.score;
  const table: ModelScore[] = runNames.map((n) => {
    const s = results.get(n)!.score;
    return { ...s, owa: owa(s.smape, s.mase, ref.smape, ref.mase) };
  });
  const pad = (s: string, w: number): string => s.padStart(w);
  console.log(`${set}: ${train.length} series, h ${h}, MASE period ${m}, seasonal periods tested ${periods.length ? periods.join(',') : 'none'}`);
  console.log(['model'.padEnd(8), pad('sMAPE', 8), pad('MASE', 7), pad('OWA', 6), pad('MSIS', 8), pad('cov80', 6), pad('cov95', 6), pad('fallbk', 6), pad('seconds', 8), pad('cpu s', 8)].join(' '));
  for (const r of table) {
    console.log(
      [
        r.model.padEnd(8),
        pad(r.smape.toFixed(3), 8),
        pad(r.mase.toFixed(3), 7),
        pad(r.owa.toFixed(3), 6),
        pad(r.msis.toFixed(2), 8),
        pad(r.coverage80.toFixed(1), 6),
        pad(r.coverage95.toFixed(1), 6),
        pad(String(r.fallbacks), 6),
        pad(r.seconds.toFixed(2), 8),
        pad(r.cpuSeconds.toFixed(2), 8),
      ].join(' '),
    );
  }
  const head = results.get(headline)!;
  const forecastsFile = flagString(args, 'forecasts');
  if (forecastsFile) {
    const rows = (get: (f: Forecast) => number[]): { id: string; values: number[] }[] => train.map((s, i) => ({ id: s.id, values: get(head.forecasts[i]) }));
    const base = forecastsFile.replace(/\.csv$/i, '');
    writeFileSync(forecastsFile, formatM4(rows((f) => f.mean)));
    writeFileSync(`${base}-lo95.csv`, formatM4(rows((f) => f.intervals[95].lo)));
    writeFileSync(`${base}-hi95.csv`, formatM4(rows((f) => f.intervals[95].hi)));
  }
  const out = flagString(args, 'out');
  if (out) {
    const fallbacks = train.flatMap((s, i) => (head.forecasts[i].fallback ? [{ id: s.id, fallback: head.forecasts[i].fallback }] : []));
    const chosen: Record<string, number> = {};
    for (const f of head.forecasts) chosen[f.model] = (chosen[f.model] ?? 0) + 1;
    writeFileSync(out, JSON.stringify({ set, series: train.length, horizon: h, season: m, periods, headline, models: table, chosen, fallbacks }, null, 2) + '\n');
  }
  const hs = table.find((r) => r.model === headline)!;
  console.log(`${set}: sMAPE ${hs.smape.toFixed(3)}, MASE ${hs.mase.toFixed(3)}, OWA ${hs.owa.toFixed(3)}, ${train.length} series, ${hs.seconds.toFixed(1)} s`);
}
