import type { Network } from '../../network/network.js';
import { MODES } from '../../network/types.js';
import { laneId } from '../../network/graph.js';
import { InputError } from '../../shared/errors.js';
import type { AllocationOverrides, HubModelOptions, OdDemand } from './types.js';

/** Defaults of the hub allocation model; each figure that is not a source's is an assumption. */
export const HUB_MODEL_DEFAULTS: HubModelOptions = {
  nearestHubs: 2,
  trunkModeSets: [['road'], ['road', 'rail'], ['road', 'rail', 'sea'], ['air']],
  maxRoutesPerOd: 4,
  localShipmentKg: 1_000,
  trunkShipmentKg: 10_000,
  /** ASSUMPTION: above the dearest candidate route (air trunk ≈ ¥10/kg), so demand is left only when no capacity is left. */
  unmetPenaltyCnyPerKg: 30,
  integer: false,
  /** ASSUMPTION: rent, staff and equipment of a sort hub ≈ ¥50/day per tonne/day of capacity (¥250,000/day at 5,000 t/day). */
  hubFixedCnyPerTonneCapacity: 50,
  laneDecisions: 'none',
  /**
   * ASSUMPTION: a lane that runs commits one bulk shipment (10 t) a day each way, paid whether full or
   * not: 2 × 10 t × the lane's line-haul cost per tonne (data/modes.csv; e.g. ¥9,000/day for 1,000 km by road).
   */
  laneFixedShipmentsPerDay: 1,
  strongLinking: 'auto',
};

const num = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/** Resolves options over the defaults, checking each. */
export function resolveOptions(o: Partial<HubModelOptions> = {}): HubModelOptions {
  const r = { ...HUB_MODEL_DEFAULTS, ...Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) } as HubModelOptions;
  const pos = (k: keyof HubModelOptions, int = false) => {
    const v = r[k];
    if (!num(v) || v <= 0 || (int && !Number.isInteger(v))) throw new InputError(`${k} must be a positive ${int ? 'integer' : 'number'}`, `options.${k}`);
  };
  pos('nearestHubs', true);
  pos('maxRoutesPerOd', true);
  pos('localShipmentKg');
  pos('trunkShipmentKg');
  pos('unmetPenaltyCnyPerKg');
  if (!num(r.hubFixedCnyPerTonneCapacity) || r.hubFixedCnyPerTonneCapacity < 0) throw new InputError('hubFixedCnyPerTonneCapacity must be >= 0', 'options.hubFixedCnyPerTonneCapacity');
  if (!num(r.laneFixedShipmentsPerDay) || r.laneFixedShipmentsPerDay < 0) throw new InputError('laneFixedShipmentsPerDay must be >= 0', 'options.laneFixedShipmentsPerDay');
  const ld = r.laneDecisions;
  if (!(ld === 'none' || ld === 'linehaul' || ld === 'all' || (Array.isArray(ld) && ld.every((x) => typeof x === 'string')))) {
    throw new InputError('laneDecisions must be none, linehaul, all or a list of lane ids', 'options.laneDecisions');
  }
  r.trunkModeSets.forEach((set, i) => {
    if (!Array.isArray(set) || set.length === 0 || set.some((m) => !(MODES as readonly string[]).includes(m))) {
      throw new InputError(`trunkModeSets[${i}] must be a non-empty list of ${MODES.join(', ')}`, `options.trunkModeSets.${i}`);
    }
  });
  return r;
}

/** Checks OD demand against the network's cities; merges repeated pairs. Fields are named as JSON pointers. */
export function validateDemand(network: Network, demand: readonly OdDemand[]): OdDemand[] {
  if (!Array.isArray(demand)) throw new InputError('demand must be an array of { from, to, kgPerDay }', 'demand');
  const cities = new Set(network.data.cities.map((c) => c.id));
  const merged = new Map<string, OdDemand>();
  demand.forEach((d, i) => {
    if (!cities.has(d.from)) throw new InputError(`demand: "${d.from}" is not a city id`, `demand.${i}.from`);
    if (!cities.has(d.to)) throw new InputError(`demand: "${d.to}" is not a city id`, `demand.${i}.to`);
    if (d.from === d.to) throw new InputError('demand: to must differ from from (intra-city volume does not cross the network)', `demand.${i}.to`);
    if (!num(d.kgPerDay) || d.kgPerDay < 0) throw new InputError('kgPerDay must be a number >= 0', `demand.${i}.kgPerDay`);
    if (d.kgPerDay === 0) return;
    const key = `${d.from}>${d.to}`;
    const prev = merged.get(key);
    if (prev) prev.kgPerDay += d.kgPerDay;
    else merged.set(key, { from: d.from, to: d.to, kgPerDay: d.kgPerDay });
  });
  return [...merged.values()];
}

/** Checks what-if overrides (known hub and lane ids, capacities, factors and fixed costs >= 0) and the lanes listed in options.laneDecisions. */
export function validateOverrides(network: Network, ov: AllocationOverrides = {}, options?: Pick<HubModelOptions, 'laneDecisions'>): void {
  const hubs = new Set(network.data.hubs.map((h) => h.id));
  const lanes = new Set(network.data.lanes.map(laneId));
  const hub = (id: string, at: string) => {
    if (!hubs.has(id)) throw new InputError(`unknown hub "${id}"`, at);
  };
  const lane = (id: string, at: string) => {
    if (!lanes.has(id)) throw new InputError(`unknown lane "${id}" (lane ids are from~to~mode as in data/lanes.csv)`, at);
  };
  const nonNeg = (v: unknown, at: string, what: string) => {
    if (!num(v) || v < 0) throw new InputError(`${what} must be a number >= 0`, at);
  };
  for (const [id, t] of Object.entries(ov.hubCapacityTonnesPerDay ?? {})) {
    hub(id, `overrides.hubCapacityTonnesPerDay.${id}`);
    nonNeg(t, `overrides.hubCapacityTonnesPerDay.${id}`, 'capacity');
  }
  for (const [id, t] of Object.entries(ov.laneCapacityTonnesPerDay ?? {})) {
    lane(id, `overrides.laneCapacityTonnesPerDay.${id}`);
    nonNeg(t, `overrides.laneCapacityTonnesPerDay.${id}`, 'capacity');
  }
  (ov.closedHubs ?? []).forEach((id, i) => hub(id, `overrides.closedHubs.${i}`));
  (ov.closedLanes ?? []).forEach((id, i) => lane(id, `overrides.closedLanes.${i}`));
  (ov.forcedOpenHubs ?? []).forEach((id, i) => {
    hub(id, `overrides.forcedOpenHubs.${i}`);
    if (ov.closedHubs?.includes(id)) throw new InputError(`hub "${id}" cannot be both closed and forced open`, `overrides.forcedOpenHubs.${i}`);
  });
  for (const [m, f] of Object.entries(ov.modeCostFactor ?? {})) {
    if (!(MODES as readonly string[]).includes(m)) throw new InputError(`unknown mode "${m}"`, `overrides.modeCostFactor.${m}`);
    nonNeg(f, `overrides.modeCostFactor.${m}`, 'cost factor');
  }
  for (const [id, f] of Object.entries(ov.laneCostFactor ?? {})) {
    lane(id, `overrides.laneCostFactor.${id}`);
    nonNeg(f, `overrides.laneCostFactor.${id}`, 'cost factor');
  }
  for (const [id, c] of Object.entries(ov.hubFixedCnyPerDay ?? {})) {
    hub(id, `overrides.hubFixedCnyPerDay.${id}`);
    nonNeg(c, `overrides.hubFixedCnyPerDay.${id}`, 'fixed cost');
  }
  for (const [id, c] of Object.entries(ov.laneFixedCnyPerDay ?? {})) {
    lane(id, `overrides.laneFixedCnyPerDay.${id}`);
    nonNeg(c, `overrides.laneFixedCnyPerDay.${id}`, 'fixed cost');
  }
  (ov.forcedOpenLanes ?? []).forEach((id, i) => {
    lane(id, `overrides.forcedOpenLanes.${i}`);
    if (ov.closedLanes?.includes(id)) throw new InputError(`lane "${id}" cannot be both closed and forced open`, `overrides.forcedOpenLanes.${i}`);
  });
  const ld = options?.laneDecisions;
  if (Array.isArray(ld)) ld.forEach((id, i) => lane(id, `options.laneDecisions.${i}`));
}
