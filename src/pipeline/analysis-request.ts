/**
 * Checks the bodies of the savings and flywheel requests (API bodies and
 * stored scenario inputs alike) and turns them into the library's options.
 * Every error is an InputError naming the field (with a prefix such as
 * `inputs.` for scenario inputs).
 */
import { modelByName } from '../forecast/index.js';
import type { Network } from '../network/index.js';
import { COMPONENTS, resolveParams, type SavingsParams, type Switches } from '../savings/index.js';
import { InputError } from '../shared/errors.js';

/** Longest flywheel the API runs (two years of weeks). */
export const MAX_API_PERIODS = 104;
/** Most seeds of one flywheel request (bands over seeds). */
export const MAX_API_SEEDS = 5;
/** Latest week a one-period comparison may look at. */
export const MAX_API_WEEK = 104;

/** A checked flywheel request: what `runFlywheelSeeds` needs. */
export interface FlywheelRequest {
  periods: number;
  seeds: number[];
  params: Partial<SavingsParams>;
  switches: Partial<Switches>;
}

/** A checked one-period comparison: what `runSavings` needs. */
export interface SavingsRequest {
  seed: number;
  week: number;
  params: Partial<SavingsParams>;
  switches: Partial<Switches>;
}

const FLYWHEEL_KEYS = ['periods', 'seed', 'seeds', 'params', 'cities', 'off'];
const SAVINGS_KEYS = ['seed', 'week', 'params', 'cities', 'off'];

function isObject(x: unknown): x is Record<string, unknown> {
  return x !== null && typeof x === 'object' && !Array.isArray(x);
}

function int(body: Record<string, unknown>, key: string, prefix: string, min: number, max: number, fallback?: number): number {
  const v = body[key] ?? fallback;
  if (v === undefined) throw new InputError(`${key} is required`, prefix + key);
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    throw new InputError(`${key} must be an integer from ${min} to ${max}, got ${JSON.stringify(v)}`, prefix + key);
  }
  return v;
}

function checkKeys(body: unknown, allowed: string[], prefix: string): Record<string, unknown> {
  if (!isObject(body)) throw new InputError('expected an object', prefix.replace(/\.$/, '') || 'body');
  for (const k of Object.keys(body)) {
    if (!allowed.includes(k)) throw new InputError(`${k}: unknown property (one of ${allowed.join(', ')})`, prefix + k);
  }
  return body;
}

/** `off: ['forecasting', …]` → switches with those components kept at the baseline. */
function switchesOf(off: unknown, prefix: string): Partial<Switches> {
  if (off === undefined) return {};
  if (!Array.isArray(off)) throw new InputError(`off must be a list of ${COMPONENTS.join(', ')}`, `${prefix}off`);
  const out: Partial<Switches> = {};
  off.forEach((c, i) => {
    if (typeof c !== 'string' || !(COMPONENTS as readonly string[]).includes(c)) {
      throw new InputError(`off: ${JSON.stringify(c)} is not one of ${COMPONENTS.join(', ')}`, `${prefix}off.${i}`);
    }
    out[c as keyof Switches] = false;
  });
  return out;
}

/** Parameter overrides, checked by the library (unknown names, ranges, model names) and against the network's size. */
function paramsOf(body: Record<string, unknown>, network: Network, prefix: string): Partial<SavingsParams> {
  const given = body.params ?? {};
  if (!isObject(given)) throw new InputError('params must be an object of parameter overrides', `${prefix}params`);
  const params = { ...given } as Partial<SavingsParams>;
  if (body.cities !== undefined) {
    const cities = int(body, 'cities', prefix, 2, network.data.cities.length);
    if (params.cities !== undefined && params.cities !== cities) throw new InputError('cities and params.cities differ', `${prefix}cities`);
    params.cities = cities;
  }
  let p: SavingsParams;
  try {
    p = resolveParams(params);
  } catch (e) {
    if (e instanceof InputError) throw new InputError(e.message, prefix + (e.field ?? 'params'));
    throw e;
  }
  if (p.cities > network.data.cities.length) {
    throw new InputError(`params.cities must be at most ${network.data.cities.length} (the network's cities)`, `${prefix}params.cities`);
  }
  try {
    modelByName(p.forecastModel);
  } catch (e) {
    if (e instanceof InputError) throw new InputError(e.message, `${prefix}params.forecastModel`);
    throw e;
  }
  return params;
}

/**
 * Checks a flywheel body `{ periods, seed?, seeds?, params?, cities?, off? }`;
 * `withSeed: false` refuses a `seed` (a scenario keeps its seed apart).
 */
export function resolveFlywheelRequest(body: unknown, network: Network, prefix = '', withSeed = true): FlywheelRequest & { seed: number } {
  const b = checkKeys(body, withSeed ? FLYWHEEL_KEYS : FLYWHEEL_KEYS.filter((k) => k !== 'seed'), prefix);
  const periods = int(b, 'periods', prefix, 1, MAX_API_PERIODS);
  const seed = withSeed ? int(b, 'seed', prefix, 0, 2 ** 31 - 1, 1) : 1;
  const count = int(b, 'seeds', prefix, 1, MAX_API_SEEDS, 1);
  return { periods, seed, seeds: Array.from({ length: count }, (_, i) => seed + i), params: paramsOf(b, network, prefix), switches: switchesOf(b.off, prefix) };
}

/** Checks a one-period body `{ seed?, week?, params?, cities?, off? }` (see resolveFlywheelRequest for `withSeed`). */
export function resolveSavingsRequest(body: unknown, network: Network, prefix = '', withSeed = true): SavingsRequest {
  const b = checkKeys(body ?? {}, withSeed ? SAVINGS_KEYS : SAVINGS_KEYS.filter((k) => k !== 'seed'), prefix);
  return {
    seed: withSeed ? int(b, 'seed', prefix, 0, 2 ** 31 - 1, 1) : 1,
    week: int(b, 'week', prefix, 1, MAX_API_WEEK, 1),
    params: paramsOf(b, network, prefix),
    switches: switchesOf(b.off, prefix),
  };
}

/** Re-seeds a checked flywheel request (a scenario's seed): seeds seed, seed+1, … */
export function withFlywheelSeed(r: FlywheelRequest, seed: number): FlywheelRequest {
  return { ...r, seeds: r.seeds.map((_, i) => seed + i) };
}
