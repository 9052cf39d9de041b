import { laneId, loadNetworkData, Network } from '../../network/index.js';
import { checkHubParams, COMPONENTS, resolveParams, runFlywheelSeeds, SAVINGS_DEFAULTS, type FlywheelBandReport, type FlywheelReport, type SavingsParams, type Switches } from '../../savings/index.js';
import { CancelledError, InputError } from '../../shared/errors.js';
import { defaultDataDir } from '../../shared/paths.js';
import { flagNumber, flagString, parseArgs, type ParsedArgs } from '../args.js';
import { progressBar, writeAtomic } from '../output.js';

/** Runs `work` with Ctrl-C wired to an AbortSignal; a cancelled run exits 130 and writes nothing. */
export async function cancellable<T>(what: string, work: (signal: AbortSignal) => Promise<T>, onCancel: () => void = () => {}): Promise<T> {
  const controller = new AbortController();
  const onSigint = (): void => controller.abort();
  process.once('SIGINT', onSigint);
  try {
    return await work(controller.signal);
  } catch (e) {
    if (e instanceof CancelledError || controller.signal.aborted) {
      onCancel();
      console.error(`hubflow: ${what} cancelled; nothing written`);
      process.exit(130);
    }
    throw e;
  } finally {
    process.off('SIGINT', onSigint);
  }
}

/** `--params a=1,b=2` over the savings defaults (unknown names and non-numbers are InputErrors naming the flag). */
export function paramsFlag(args: ParsedArgs): Partial<SavingsParams> {
  const text = flagString(args, 'params');
  const out: Record<string, number | string> = {};
  if (text !== undefined) {
    for (const part of text.split(',').map((s) => s.trim()).filter(Boolean)) {
      const [k, v] = part.split('=');
      if (!(k in SAVINGS_DEFAULTS) || v === undefined) throw new InputError(`--params: "${part}" is not name=value with a name of ${Object.keys(SAVINGS_DEFAULTS).join(', ')}`, 'params');
      out[k] = k === 'startDate' || k === 'forecastModel' ? v : Number(v);
    }
  }
  const cities = flagNumber(args, 'cities');
  if (cities !== undefined) out.cities = cities;
  const scale = flagNumber(args, 'hub-capacity');
  if (scale !== undefined) out.hubCapacityScale = scale;
  const lists: Record<string, string[]> = {};
  for (const [flag, key] of [['closed-hubs', 'closedHubs'], ['closed-lanes', 'closedLanes']] as const) {
    const v = flagString(args, flag);
    if (v !== undefined) lists[key] = v.split(',').map((x) => x.trim()).filter(Boolean);
  }
  Object.assign(out, lists);
  try {
    return resolveParams(out as Partial<SavingsParams>) && (out as Partial<SavingsParams>);
  } catch (e) {
    if (e instanceof InputError) throw new InputError(`--params: ${e.message}`, 'params');
    throw e;
  }
}

/** `--off forecasting,routing`: components kept at the baseline. */
export function switchesFlag(args: ParsedArgs): Partial<Switches> {
  const text = flagString(args, 'off');
  const out: Partial<Switches> = {};
  for (const c of (text ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
    if (!(COMPONENTS as readonly string[]).includes(c)) throw new InputError(`--off: "${c}" is not one of ${COMPONENTS.join(', ')}`, 'off');
    out[c as keyof Switches] = false;
  }
  return out;
}

/** A positive integer flag (InputError naming it otherwise). */
export function intFlag(args: ParsedArgs, name: string, fallback: number, min: number, max: number): number {
  const v = flagNumber(args, name, fallback)!;
  if (!Number.isInteger(v) || v < min || v > max) throw new InputError(`--${name} must be an integer from ${min} to ${max}, got ${v}`, name);
  return v;
}

const money = (x: number): string => (Math.abs(x) >= 1e6 ? `¥${(x / 1e6).toFixed(2)}M` : `¥${Math.round(x).toLocaleString('en-US')}`);

/** The per-period table of a report. */
export function periodTable(r: FlywheelReport): string[] {
  const lines = [`${'week'.padStart(4)} ${'merchants'.padStart(9)} ${'parcels'.padStart(9)} ${'err% naive/auto'.padStart(15)} ${'¥/parcel base'.padStart(13)} ${'optimised'.padStart(9)} ${'price'.padStart(6)} ${'cum. saving'.padStart(12)}`];
  for (const p of r.periods) {
    lines.push(
      `${String(p.period).padStart(4)} ${Math.round(p.merchants).toString().padStart(9)} ${p.parcels.toString().padStart(9)} ${`${p.forecastErrorPctBaseline.toFixed(1)}/${p.forecastErrorPct.toFixed(1)}`.padStart(15)} ${p.costPerParcelBaselineCny.toFixed(3).padStart(13)} ${p.costPerParcelOptimisedCny.toFixed(3).padStart(9)} ${p.priceCny.toFixed(2).padStart(6)} ${money(p.cumulativeSavingsCny).padStart(12)}`,
    );
  }
  return lines;
}

/** With several seeds: the last period's bands (min / median / max over seeds). */
export function bandLines(r: FlywheelBandReport): string[] {
  if (r.seeds.length < 2) return [];
  const b = r.bands[r.bands.length - 1];
  const f = (x: { min: number; median: number; max: number }, d: number) => `${x.min.toFixed(d)} / ${x.median.toFixed(d)} / ${x.max.toFixed(d)}`;
  return [
    `bands over seeds ${r.seeds.join(',')} (min / median / max), week ${b.period}: merchants ${f(b.merchants, 0)}; ¥/parcel baseline ${f(b.costPerParcelBaselineCny, 3)}, optimised ${f(b.costPerParcelOptimisedCny, 3)}; forecast error % ${f(b.forecastErrorPct, 1)}; cumulative saving ¥M ${f({ min: b.cumulativeSavingsCny.min / 1e6, median: b.cumulativeSavingsCny.median / 1e6, max: b.cumulativeSavingsCny.max / 1e6 }, 2)}`,
    '(the table and the summary line are the first seed\'s)',
  ];
}

/** The one-line summary: parcel-weighted cost per parcel both ways, attribution, seconds. */
export function summaryLine(r: FlywheelReport, seconds: number): string {
  const parcels = r.periods.reduce((s, p) => s + p.parcels, 0);
  const base = r.periods.reduce((s, p) => s + p.costPerParcelBaselineCny * p.parcels, 0) / parcels;
  const opt = r.periods.reduce((s, p) => s + p.costPerParcelOptimisedCny * p.parcels, 0) / parcels;
  const a = r.attribution;
  const share = (x: number) => (a.totalCny !== 0 ? `${((100 * x) / a.totalCny).toFixed(0)}%` : '–');
  return (
    `flywheel: ${r.periods.length} periods, cost per parcel baseline ¥${base.toFixed(3)} → optimised ¥${opt.toFixed(3)} (−${((100 * (base - opt)) / base).toFixed(1)}%), ` +
    `attribution forecasting ${money(a.forecastingCny)} (${share(a.forecastingCny)}) / allocation ${money(a.allocationCny)} (${share(a.allocationCny)}) / routing ${money(a.routingCny)} (${share(a.routingCny)}), ${seconds.toFixed(1)} s`
  );
}

/** Parses the flags shared by `hubflow flywheel` and `npm run bench -- flywheel`. */
export function flywheelRequest(args: ParsedArgs, defaultPeriods: number): { periods: number; seeds: number[]; params: Partial<SavingsParams>; switches: Partial<Switches> } {
  const periods = intFlag(args, 'periods', defaultPeriods, 1, 520);
  const seed = intFlag(args, 'seed', 1, 0, 2 ** 31 - 1);
  const count = intFlag(args, 'seeds', 1, 1, 50);
  return { periods, seeds: Array.from({ length: count }, (_, i) => seed + i), params: paramsFlag(args), switches: switchesFlag(args) };
}

export const FLYWHEEL_FLAGS = { values: ['periods', 'seed', 'seeds', 'out', 'data', 'params', 'cities', 'off', 'hub-capacity', 'closed-hubs', 'closed-lanes'], booleans: ['json', 'quiet'] };

/** Runs the request with a progress bar and Ctrl-C handling; the report and the wall seconds. */
export async function runWithBar(args: ParsedArgs, req: ReturnType<typeof flywheelRequest>, label: string): Promise<{ report: FlywheelBandReport; seconds: number }> {
  const network = new Network(loadNetworkData(flagString(args, 'data') ?? defaultDataDir()));
  try {
    checkHubParams(network.data.hubs.map((h) => h.id), resolveParams(req.params), '', network.data.lanes.map(laneId));
  } catch (e) {
    if (e instanceof InputError) throw new InputError(`--${e.field?.includes('closedLanes') ? 'closed-lanes' : 'closed-hubs'}: ${e.message}`, e.field ?? 'params');
    throw e;
  }
  const bar = progressBar(process.stderr, label);
  const t0 = performance.now();
  const report = await cancellable(label, (signal) => runFlywheelSeeds(network, { ...req, onProgress: args.flags.has('quiet') ? undefined : bar.update, signal }), bar.clear);
  bar.clear();
  return { report, seconds: (performance.now() - t0) / 1000 };
}

/**
 * hubflow flywheel --periods 52 --seed 1 [--seeds 3] [--out report.json] [--json]
 *                  [--params name=value,...] [--cities N] [--off forecasting,allocation,routing] [--data DIR]
 *                  [--hub-capacity SCALE] [--closed-hubs ID,ID] [--closed-lanes FROM~TO~MODE,...]
 * Runs the flywheel with a progress bar on stderr, prints the per-period table;
 * Ctrl-C stops it (exit 130) without writing --out.
 */
export async function run(argv: string[]): Promise<void> {
  const args = parseArgs(argv, FLYWHEEL_FLAGS);
  const req = flywheelRequest(args, 52);
  const { report, seconds } = await runWithBar(args, req, 'flywheel');
  const out = flagString(args, 'out');
  if (out) {
    writeAtomic(out, JSON.stringify(report, null, 1));
    console.error(`wrote ${out}`);
  }
  if (args.flags.has('json')) {
    console.log(JSON.stringify(report, null, 2));
    return;
  }
  for (const l of [...periodTable(report), ...bandLines(report)]) console.log(l);
  console.log('(SYNTHETIC demand; assumptions in the report\'s "assumptions" and /work/notes/savings.md)');
  console.log(summaryLine(report, seconds));
}
