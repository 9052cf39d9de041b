import { loadNetworkData, Network } from '../../network/index.js';
import { forecastDemand, type DemandForecast, type DirectionForecast } from '../../pipeline/demand-forecast.js';
import { DEMAND_FORECAST_DEFAULTS } from '../../pipeline/forecast-request.js';
import { CancelledError, HubflowError, InputError, NotFoundError } from '../../shared/errors.js';
import { defaultDataDir } from '../../shared/paths.js';
import { flagNumber, flagString, parseArgs } from '../args.js';
import { progressBar, writeAtomic } from '../output.js';

/** Request fields and the flags that set them (to name the flag in error messages). */
const FLAG_OF: Record<string, string> = { horizonDays: 'horizon', model: 'model', levels: 'levels', seed: 'seed', historyDays: 'history', cities: 'cities' };

const avg = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
const fmt = (x: number | null, digits: number): string => (x === null ? '–' : x.toFixed(digits));
const perDay = (d: DirectionForecast): string => Math.round(avg(d.forecast.mean)).toLocaleString('en-US');

function printSummary(r: DemandForecast): void {
  const first = r.dates[r.historyDays];
  const last = r.dates[r.dates.length - 1];
  console.log(`SYNTHETIC parcel demand (seed ${r.seed}): ${r.horizonDays}-day forecast ${first} … ${last}, model ${r.model}, fitted on the last ${r.fitDays} days`);
  console.log(`${'city'.padEnd(16)} ${'sent/day'.padStart(12)} ${'received/day'.padStart(12)}  backtest sMAPE % sent/recv  MASE sent/recv  cov${r.levels.includes(95) ? 95 : Math.max(...r.levels)}`);
  const row = (name: string, o: DirectionForecast, d: DirectionForecast): string =>
    `${name.padEnd(16).slice(0, 16)} ${perDay(o).padStart(12)} ${perDay(d).padStart(12)}  ${fmt(o.backtest.smape, 1).padStart(8)} / ${fmt(d.backtest.smape, 1).padEnd(10)} ${fmt(o.backtest.mase, 2).padStart(6)} / ${fmt(d.backtest.mase, 2).padEnd(6)} ${(o.backtest.coverage * 100).toFixed(0)}/${(d.backtest.coverage * 100).toFixed(0)}%`;
  for (const c of r.cities) console.log(row(c.name, c.origin, c.destination));
  console.log(row(`total (${r.national.cities})`, r.national.origin, r.national.destination));
  const fallbacks = r.cities.flatMap((c) => [c.origin, c.destination]).filter((d) => d.fallback).length;
  if (fallbacks) console.log(`${fallbacks} series fell back to a simpler model (see --json)`);
  console.log(`(per-day figures are means over the horizon; totals are bottom-up sums; ${r.note})`);
}

/**
 * hubflow forecast [--cities a,b] [--horizon 28] [--model auto] [--levels 80,95] [--seed 1]
 *                  [--history 90] [--json] [--out FILE] [--data DIR]
 * Forecasts the SYNTHETIC parcel demand of the network's cities with a progress bar on stderr;
 * Ctrl-C stops it (exit 130) without writing --out.
 */
export async function run(argv: string[]): Promise<void> {
  const args = parseArgs(argv, { values: ['cities', 'horizon', 'model', 'levels', 'seed', 'history', 'out', 'data'], booleans: ['json'] });
  const citiesFlag = flagString(args, 'cities');
  const levelsFlag = flagString(args, 'levels');
  const request = {
    cities: citiesFlag === undefined ? undefined : citiesFlag.split(',').map((s) => s.trim()).filter(Boolean),
    horizonDays: flagNumber(args, 'horizon', 28)!,
    model: flagString(args, 'model', DEMAND_FORECAST_DEFAULTS.model),
    levels: levelsFlag === undefined ? undefined : levelsFlag.split(',').map((s) => Number(s.trim())),
    seed: flagNumber(args, 'seed'),
    historyDays: flagNumber(args, 'history'),
  };
  const network = new Network(loadNetworkData(flagString(args, 'data') ?? defaultDataDir()));

  const controller = new AbortController();
  const onSigint = (): void => controller.abort();
  process.once('SIGINT', onSigint);
  const bar = progressBar(process.stderr, 'forecast');
  const t0 = performance.now();
  let result: DemandForecast;
  try {
    result = await forecastDemand(network, { ...request, onProgress: bar.update, signal: controller.signal });
  } catch (e) {
    bar.clear();
    if (e instanceof CancelledError) {
      console.error('hubflow: forecast cancelled; nothing written');
      process.exit(130);
    }
    const flag = e instanceof HubflowError && e.field ? FLAG_OF[e.field.split('/')[0]] : undefined;
    if (flag && e instanceof InputError) throw new InputError(`--${flag}: ${(e as Error).message}`, (e as InputError).field);
    if (flag && e instanceof NotFoundError) throw new NotFoundError(`--${flag}: ${(e as Error).message}`, (e as NotFoundError).field);
    throw e;
  } finally {
    process.off('SIGINT', onSigint);
  }
  bar.clear();
  const series = result.cities.length * 2;
  console.error(`forecast ${series} series in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  const out = flagString(args, 'out');
  if (out) {
    writeAtomic(out, JSON.stringify(result));
    console.error(`wrote ${out}`);
  }
  if (args.flags.has('json')) console.log(JSON.stringify(result, null, 2));
  else printSummary(result);
}
