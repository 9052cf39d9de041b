/** Lanes to run: which lanes get a run/not-run decision, their default fixed cost, and the lanes of a route. */
import type { Network } from '../../network/network.js';
import { laneId } from '../../network/graph.js';
import type { Mode } from '../../network/types.js';
import type { AllocationOverrides, DirectedLane, HubModelOptions, LaneDecisions, Route } from './types.js';

/** A lane (both directions) the model decides to run or not. */
export interface LaneChoice {
  laneId: string;
  mode: Mode;
  from: string;
  to: string;
  /** Its binary variable (1 = the lane runs). */
  variable: number;
  fixedCnyPerDay: number;
  forced: boolean;
  /** Directed lanes (RouteSet.lanes indices) of this lane that candidate routes use. */
  directed: number[];
  /** Linking row `flow over one direction <= M × run` per directed lane, and its M (kg/day). */
  linkRows: { lane: number; row: number; bigMKg: number }[];
}

/** The directed lanes of a route, each once. */
export function routeLanes(r: Route): number[] {
  const out = new Set<number>();
  for (const p of [r.firstMile, r.trunk, r.lastMile]) if (p) for (const l of p.lanes) out.add(l);
  return [...out];
}

/**
 * Default fixed cost of running a lane, CNY/day (see HUB_MODEL_DEFAULTS.laneFixedShipmentsPerDay):
 * that many bulk shipments a day each way at the lane's line-haul cost.
 */
export function defaultLaneFixedCnyPerDay(l: DirectedLane, o: Pick<HubModelOptions, 'laneFixedShipmentsPerDay' | 'trunkShipmentKg'>): number {
  return 2 * o.laneFixedShipmentsPerDay * (l.fixedCnyPerShipment + l.haulCnyPerKg * o.trunkShipmentKg);
}

/** Which lane ids get a run/not-run decision. Forced-open lanes always do when any lane does. */
export function laneDecisionFilter(network: Network, ld: LaneDecisions, ov: AllocationOverrides): (laneId: string) => boolean {
  if (ld === 'none') return () => false;
  const forced = new Set(ov.forcedOpenLanes ?? []);
  if (ld === 'all') return () => true;
  if (Array.isArray(ld)) {
    const set = new Set([...ld, ...forced]);
    return (id) => set.has(id);
  }
  const hubs = new Set(network.data.hubs.map((h) => h.id));
  const linehaul = new Set(network.data.lanes.filter((l) => hubs.has(l.from) && hubs.has(l.to)).map(laneId));
  return (id) => linehaul.has(id) || forced.has(id);
}
