import { loadNetworkData, Network } from '../../network/index.js';
import { runSavings, type SavingsReport } from '../../savings/index.js';
import { defaultDataDir } from '../../shared/paths.js';
import { flagString, parseArgs } from '../args.js';
import { progressBar, writeAtomic } from '../output.js';
import { cancellable, intFlag, paramsFlag, switchesFlag } from './flywheel.js';

function printReport(r: SavingsReport): void {
  console.log(`Baseline vs optimised, week ${r.week} after the history (seed ${r.seed}), ${r.parcels.toLocaleString('en-US')} SYNTHETIC parcels, same realised demand`);
  console.log(`forecast error (WAPE per city and day): last week ${r.forecastErrorPctBaseline.toFixed(1)}%, optimised ${r.forecastErrorPctOptimised.toFixed(1)}%`);
  console.log(`${'forecasting'.padEnd(11)} ${'allocation'.padEnd(10)} ${'routing'.padEnd(9)} ${'¥/parcel'.padStart(9)} ${'week ¥'.padStart(12)}`);
  for (const c of r.combinations) {
    console.log(`${c.forecasting.padEnd(11)} ${c.allocation.padEnd(10)} ${c.routing.padEnd(9)} ${c.costPerParcelCny.toFixed(4).padStart(9)} ${Math.round(c.totalCny).toLocaleString('en-US').padStart(12)}`);
  }
  const a = r.attribution;
  const pct = (x: number) => (a.totalCny ? `${((100 * x) / a.totalCny).toFixed(1)}%` : '–');
  console.log(`saving ¥${Math.round(a.totalCny).toLocaleString('en-US')} (${r.savingPct.toFixed(1)}% of the baseline cost), Shapley split: forecasting ¥${Math.round(a.forecastingCny).toLocaleString('en-US')} (${pct(a.forecastingCny)}), allocation ¥${Math.round(a.allocationCny).toLocaleString('en-US')} (${pct(a.allocationCny)}), routing ¥${Math.round(a.routingCny).toLocaleString('en-US')} (${pct(a.routingCny)})`);
}

/**
 * hubflow savings [--seed 1] [--week 1] [--params name=value,...] [--cities N]
 *                 [--off forecasting,allocation,routing] [--json] [--out FILE] [--data DIR]
 * One week, baseline against optimised on the same realised demand: the 8
 * combinations and the Shapley attribution. Progress bar on stderr; Ctrl-C exits 130.
 */
export async function run(argv: string[]): Promise<void> {
  const args = parseArgs(argv, { values: ['seed', 'week', 'params', 'cities', 'off', 'out', 'data'], booleans: ['json'] });
  const seed = intFlag(args, 'seed', 1, 0, 2 ** 31 - 1);
  const week = intFlag(args, 'week', 1, 1, 520);
  const params = paramsFlag(args);
  const switches = switchesFlag(args);
  const network = new Network(loadNetworkData(flagString(args, 'data') ?? defaultDataDir()));
  const bar = progressBar(process.stderr, 'savings');
  const report = await cancellable('savings', (signal) => runSavings(network, { seed, week, params, switches, onProgress: bar.update, signal }), bar.clear);
  bar.clear();
  const out = flagString(args, 'out');
  if (out) {
    writeAtomic(out, JSON.stringify(report, null, 1));
    console.error(`wrote ${out}`);
  }
  if (args.flags.has('json')) console.log(JSON.stringify(report, null, 2));
  else printReport(report);
}
