import type { Network, Place, RawPath } from '../network/index.js';
import { PathTreeCache } from './path-cache.js';
import { pathKey, planRoute, type RoutePlan } from './route-plan.js';
import type { Service, Tariff } from './tariff.js';

/**
 * Route slots (origin × destination × service, × chargeable-weight step for
 * services whose best path depends on the weight) kept before the table is
 * emptied: bounds memory on adversarial input. A realistic stream fills a
 * few hundred thousand at most (17,000 city pairs, a few dozen weight steps
 * in use).
 */
const MAX_ROUTE_SLOTS = 2_000_000;
/** Distinct path plans kept before the table is emptied (~4 KB each with their JSON pieces). */
const MAX_PLANS = 50_000;
/** Weight steps indexed per pair and service; a heavier parcel's path is searched each time (rare: tariffs cap the weight). */
const MAX_STEPS = 4096;

/**
 * The chargeable weight in the service's rounding steps, or -1 where the step
 * would not name this very weight (chargeableWeight rounds step × roundingKg
 * to 1e-6 kg) or is beyond MAX_STEPS.
 */
function stepOf(svc: Service, chargeKg: number): number {
  const step = Math.round(chargeKg / svc.roundingKg);
  return step >= 1 && step <= MAX_STEPS && Math.round(step * svc.roundingKg * 1e6) / 1e6 === chargeKg ? step : -1;
}

/**
 * The plan (RoutePlan) of the best path for every origin, destination and
 * service met so far, found by array indexing: one slot per
 * (origin × places + destination) × services + service (`slot()`). For
 * weight-free objectives (time, CO₂) a slot holds the plan, or null where the
 * service has no route; for cost, whose best path can change with the
 * weight, an array of them by chargeable-weight step. Paths are searched on
 * first use (one tree per origin, see PathTreeCache), and the same lanes
 * found by several searches share one plan (keyed by pathKey).
 */
export class RouteTable {
  private readonly paths: PathTreeCache;
  private planBySlot: (RoutePlan | null | undefined)[];
  private plansBySlot: ((RoutePlan | null | undefined)[] | undefined)[];
  private plans = new Map<string, RoutePlan>();
  private slots = 0;
  hits = 0;
  misses = 0;

  constructor(
    private readonly network: Network,
    private readonly tariff: Tariff,
    private readonly provinceZh: ReadonlyMap<string, string>,
    /** Slots and plans kept before the table starts again empty (defaults: MAX_ROUTE_SLOTS, MAX_PLANS). */
    private readonly limits = { slots: MAX_ROUTE_SLOTS, plans: MAX_PLANS },
  ) {
    this.paths = new PathTreeCache(network);
    this.planBySlot = new Array(this.size());
    this.plansBySlot = new Array(this.size());
  }

  /** The slot of an origin and destination (numbers in network.places) for service number 0; add the service number. */
  slot(originNo: number, destNo: number): number {
    return (originNo * this.network.places.length + destNo) * this.tariff.services.length;
  }

  /** The plan of the best path for a service and chargeable weight (null when the service has no route). */
  plan(slot: number, origin: Place, dest: Place, svc: Service, chargeKg: number): RoutePlan | null {
    if (svc.objective !== 'cost') {
      const plan = this.planBySlot[slot];
      if (plan !== undefined) {
        this.hits++;
        return plan;
      }
      const found = this.search(origin, dest, svc, chargeKg);
      this.keep();
      this.planBySlot[slot] = found;
      return found;
    }
    const step = stepOf(svc, chargeKg);
    if (step < 0) return this.search(origin, dest, svc, chargeKg);
    const plan = this.plansBySlot[slot]?.[step];
    if (plan !== undefined) {
      this.hits++;
      return plan;
    }
    const found = this.search(origin, dest, svc, chargeKg);
    this.keep();
    (this.plansBySlot[slot] ??= [])[step] = found;
    return found;
  }

  /**
   * Prepares the compiled graph of each service's modes and, for services
   * whose best path does not depend on the weight, the tree from every place.
   */
  warmUp(): void {
    for (const svc of this.tariff.services) {
      const g = this.network.compiled(svc.modes);
      if (svc.objective === 'cost') continue;
      for (const id of g.ids) this.paths.tree(id, svc.objective, svc.modes, 1);
    }
  }

  /** Slots filled, distinct plans, path trees kept. */
  get stats(): { routes: number; routePlans: number; pathTrees: number } {
    return { routes: this.slots, routePlans: this.plans.size, pathTrees: this.paths.size };
  }

  /** Counts a route about to be kept; at the limits the table starts again empty. */
  private keep(): void {
    this.misses++;
    if (this.slots >= this.limits.slots || this.plans.size >= this.limits.plans) {
      this.planBySlot = new Array(this.size());
      this.plansBySlot = new Array(this.size());
      this.plans = new Map();
      this.slots = 0;
    }
    this.slots++;
  }

  private size(): number {
    return this.network.places.length ** 2 * this.tariff.services.length;
  }

  /** The plan of the best path, searched. */
  private search(origin: Place, dest: Place, svc: Service, chargeKg: number): RoutePlan | null {
    const raw = this.paths.path(origin.id, dest.id, svc.objective, svc.modes, chargeKg);
    return raw ? this.planOf(raw) : null;
  }

  /** The plan of a path, shared by every search that finds the same lanes. */
  private planOf(raw: RawPath): RoutePlan {
    const key = pathKey(raw);
    let plan = this.plans.get(key);
    if (!plan) {
      plan = planRoute(this.network, this.tariff, this.provinceZh, raw);
      this.plans.set(key, plan);
    }
    return plan;
  }
}
