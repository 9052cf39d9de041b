import { greatCircleM, type Network, type Place, type RawPath } from '../network/index.js';
import { InputError } from '../shared/errors.js';
import { BoundedCache } from './bounded-cache.js';
import { chargeableWeight, type Dimensions } from './chargeable.js';
import { PathTreeCache } from './path-cache.js';
import { money, pricePath, type PricedPath } from './pricing.js';
import { QuoteJsonWriter, tag, toResult } from './quote-render.js';
import type { Located, Location, QuoteOptions, QuoteRequest, QuoteResult, RatedOption, Rating } from './quote-types.js';
import { pathKey, planGeometry, planRoute, type RoutePlan } from './route-plan.js';
import { departure, scheduleFrom, type ScheduleInput } from './schedule.js';
import type { Service, Tariff } from './tariff.js';

export type { Location, QuoteRequest, QuoteResult, QuoteOption, QuoteLeg, BreakdownLine, QuoteTag, QuoteOptions, PlaceSummary } from './quote-types.js';

const SNAP_MAX_M = 300_000;
/** Priced paths per cache generation (origin × destination × service × chargeable weight; ~1 KB each with their JSON). */
const PRICED_GENERATION = 50_000;
/**
 * Keys remembered per generation for admission. Under a realistic mix (pairs by population, log-normal
 * weights, boxes) about two thirds of (pair, service, chargeable weight) keys are not seen again soon;
 * keeping them would only churn the cache and the garbage collector.
 */
const SEEN_GENERATION = 200_000;
/** Route plans per cache generation (distinct paths; ~2 KB each). */
const PLAN_GENERATION = 20_000;

/** Cache sizes and hit rates, for reports. */
export interface QuoteCacheStats {
  pricedPaths: number;
  pricedHits: number;
  pricedMisses: number;
  routePlans: number;
  pathTrees: number;
}

/**
 * Prices parcels from their actual path through the network. Holds the
 * tariff, the read-only network, shortest-path trees per origin (PathTreeCache),
 * the plans of the paths found (weight-free facts and their JSON) and the
 * priced paths per origin, destination, service and chargeable weight (bounded
 * caches), so that after the first quote for a pair every quote is arithmetic.
 * `quote` answers with objects, `quoteJson` with the same answer as JSON text
 * written from cached fragments (the API's hot path).
 */
export class QuoteEngine {
  private readonly paths: PathTreeCache;
  private congestion: ReadonlyMap<string, number> = new Map();
  private readonly provinceZh: Map<string, string>;
  private readonly priced = new BoundedCache<number | string, PricedPath | null>(PRICED_GENERATION);
  /** Keys of priced paths seen once: a path is kept from its second use on (admission as TinyLFU's doorkeeper). */
  private readonly seen = new BoundedCache<number | string, true>(SEEN_GENERATION);
  /** Numbers of places and services, for numeric cache keys. */
  private readonly placeNo: Map<Place, number>;
  private readonly serviceNo: Map<Service, number>;
  private readonly plans = new BoundedCache<string, RoutePlan>(PLAN_GENERATION);
  /** Plans by path object (a Map, not a WeakMap: V8 scavenges large WeakMaps slowly, ~10× the GC time in a cold batch). */
  private readonly planOf = new BoundedCache<RawPath, RoutePlan>(PLAN_GENERATION);
  private readonly writer = new QuoteJsonWriter();
  /** Schedule parameters per service, domestic [0] and international [1]. */
  private readonly scheduleParams: Map<Service, Omit<ScheduleInput, 'shipAt' | 'pathDurationS'>[]>;

  constructor(
    readonly network: Network,
    readonly tariff: Tariff,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.paths = new PathTreeCache(network);
    this.provinceZh = new Map(network.data.cities.map((c) => [c.id, c.provinceZh]));
    this.placeNo = new Map(network.places.map((p, i) => [p, i]));
    this.serviceNo = new Map(tariff.services.map((s, i) => [s, i]));
    const sp = (svc: Service, extraDays: number) => ({ firstMileH: tariff.firstMile.hours, cutoffHour: svc.cutoffHour, dispatchHours: svc.dispatchHours, extraDays, timeZoneOffsetH: tariff.timeZoneOffsetH });
    this.scheduleParams = new Map(tariff.services.map((svc) => [svc, [sp(svc, 0), sp(svc, tariff.international.customsDays)]]));
  }

  /**
   * Capacity prices from the allocation stage: CNY per kg for a hub id or a
   * lane id (`from~to~mode`) at capacity. Quotes whose path uses one carry a
   * congestion surcharge.
   */
  setCongestion(prices: ReadonlyMap<string, number>): void {
    this.congestion = prices;
    this.priced.clear();
    this.seen.clear();
  }

  /** The quote as an object. */
  quote(req: QuoteRequest, opts: QuoteOptions = {}): QuoteResult {
    return toResult(this.rate(req, opts));
  }

  /**
   * The same answer as `quote`, as JSON text (what POST /api/quotes sends), in
   * ASCII: non-ASCII characters are written as \u escapes.
   */
  quoteJson(req: QuoteRequest, opts: QuoteOptions = {}): string {
    return this.writer.write(this.rate(req, opts));
  }

  /** quoteJson handed out in pieces to `out` (for batches that write bytes as they go). */
  quoteJsonTo(req: QuoteRequest, out: (piece: string) => void, opts: QuoteOptions = {}): void {
    this.writer.writeTo(this.rate(req, opts), out);
  }

  /**
   * Prepares what every first quote would otherwise wait for: the compiled
   * graph of each service's modes and, for services whose best path does not
   * depend on the weight (time, CO₂), the shortest-path tree from every place.
   * About 0.1–0.2 s on the shipped network; a server calls it once at start.
   */
  warmUp(): void {
    for (const svc of this.tariff.services) {
      const g = this.network.compiled(svc.modes);
      if (svc.objective === 'cost') continue;
      for (const id of g.ids) this.paths.tree(id, svc.objective, svc.modes, 1);
    }
  }

  /** Sizes and hit counts of the caches. */
  cacheStats(): QuoteCacheStats {
    return { pricedPaths: this.priced.size, pricedHits: this.priced.hits, pricedMisses: this.priced.misses, routePlans: this.plans.size, pathTrees: this.paths.size };
  }

  private rate(req: QuoteRequest, opts: QuoteOptions): Rating {
    const origin = this.locate(req.origin, 'origin');
    const destination = this.locate(req.destination, 'destination');
    if (origin.place.id === destination.place.id) throw new InputError('destination must differ from origin', 'destination');
    const dims = this.dimensions(req);
    if (!(req.weightKg > 0) || !Number.isFinite(req.weightKg)) throw new InputError(`weightKg must be a positive number, got ${req.weightKg}`, 'weightKg');
    if (req.weightKg > this.tariff.maxWeightKg) throw new InputError(`weightKg ${req.weightKg} is over the ${this.tariff.maxWeightKg} kg limit for parcels`, 'weightKg');
    if (req.declaredValueCny !== undefined && !(req.declaredValueCny >= 0)) throw new InputError('declaredValueCny must be ≥ 0', 'declaredValueCny');
    const shipAtMs = req.shipAt === undefined ? this.now().getTime() : Date.parse(req.shipAt);
    if (Number.isNaN(shipAtMs)) throw new InputError(`shipAt "${req.shipAt}" is not an ISO 8601 date-time`, 'shipAt');
    const services = this.services(req.service);
    const t = this.tariff;
    const geometry = opts.geometry === true;

    const options: RatedOption[] = [];
    const unavailable: { service: string; reason: string }[] = [];
    let volumetricKg: number | null = null;
    for (const svc of services) {
      const cw = chargeableWeight(req.weightKg, dims, t.volumetricDivisorCm3PerKg, svc.roundingKg);
      volumetricKg = cw.volumetricKg;
      const pp = this.pricedPath(svc, origin.place, destination.place, cw.chargeableKg);
      if (!pp) {
        unavailable.push({ service: svc.id, reason: `no ${svc.modes.join('/')} route from ${origin.place.name} to ${destination.place.name}` });
        continue;
      }
      const plan = pp.plan;
      if (geometry) planGeometry(this.network, plan);
      const params = this.scheduleParams.get(svc)![plan.international ? 1 : 0];
      const { shipDayMs, departMs } = departure(shipAtMs, params);
      let timed = pp.timed;
      if (!timed || timed.shipDayMs !== shipDayMs || timed.departMs !== departMs) {
        timed = { shipDayMs, departMs, when: scheduleFrom(shipAtMs, { ...params, pathDurationS: plan.durationS }), json: null };
        pp.timed = timed;
      }
      const co2Kg = Math.round(plan.co2KgPerKg * req.weightKg * 1e4) / 1e4;
      options.push({ svc, pp, chargeKg: cw.chargeableKg, basis: cw.basis, money: money(t, svc, pp, req.declaredValueCny), when: timed.when, timed, co2Kg, tags: [] });
    }
    tag(options);
    return { origin, destination, actualWeightKg: req.weightKg, volumetricWeightKg: volumetricKg, options, unavailable, geometry };
  }

  /** The priced path for a service and chargeable weight (null when the service has no route), cached. */
  private pricedPath(svc: Service, origin: Place, dest: Place, chargeKg: number): PricedPath | null {
    const key = this.pricedKey(svc, origin, dest, chargeKg);
    let pp = this.priced.get(key);
    if (pp !== undefined) return pp;
    const raw = this.paths.path(origin.id, dest.id, svc.objective, svc.modes, chargeKg);
    pp = raw ? pricePath(this.network, this.tariff, this.congestion, this.plan(raw), chargeKg) : null;
    if (this.seen.get(key) !== undefined) this.priced.set(key, pp);
    else this.seen.set(key, true);
    return pp;
  }

  /**
   * A number naming origin, destination, service and chargeable weight (in
   * rounding steps): hashing it is cheaper than hashing a string built per
   * lookup. Out-of-range weights fall back to a string.
   */
  private pricedKey(svc: Service, origin: Place, dest: Place, chargeKg: number): number | string {
    const steps = Math.round(chargeKg / svc.roundingKg);
    const o = this.placeNo.get(origin);
    const d = this.placeNo.get(dest);
    if (o === undefined || d === undefined || !(steps < 2 ** 20) || Math.abs(steps * svc.roundingKg - chargeKg) > 1e-6) return `${origin.id}|${dest.id}|${svc.id}|${chargeKg}`;
    return ((o * this.placeNo.size + d) * this.serviceNo.size + this.serviceNo.get(svc)!) * 2 ** 20 + steps;
  }

  /** The plan of a path: by identity for paths of weight-free trees, else by its lanes. */
  private plan(raw: RawPath): RoutePlan {
    let plan = this.planOf.get(raw);
    if (plan) return plan;
    const key = pathKey(raw);
    plan = this.plans.get(key);
    if (!plan) {
      plan = planRoute(this.network, this.tariff, this.provinceZh, raw);
      this.plans.set(key, plan);
    }
    this.planOf.set(raw, plan);
    return plan;
  }

  private services(id: string | undefined): Service[] {
    if (id === undefined || id === 'all') return this.tariff.services;
    const s = this.tariff.services.find((x) => x.id === id);
    if (!s) throw new InputError(`service must be one of ${this.tariff.services.map((x) => x.id).join(', ')} or all, got "${id}"`, 'service');
    return [s];
  }

  private dimensions(req: QuoteRequest): Dimensions | null {
    if (req.lengthCm === undefined && req.widthCm === undefined && req.heightCm === undefined) return null;
    for (const k of ['lengthCm', 'widthCm', 'heightCm'] as const) {
      const v = req[k];
      if (v === undefined) throw new InputError(`${k} is missing: give all of lengthCm, widthCm and heightCm, or none`, k);
      if (!Number.isFinite(v) || v <= 0) throw new InputError(`${k} must be a positive number of centimetres, got ${v}`, k);
      if (v > this.tariff.maxSideCm) throw new InputError(`${k} ${v} cm is over the ${this.tariff.maxSideCm} cm limit for a parcel side`, k);
    }
    return { lengthCm: req.lengthCm!, widthCm: req.widthCm!, heightCm: req.heightCm! };
  }

  /** A place from an id or name, or the nearest city or eHub to a [lon, lat] coordinate. */
  private locate(loc: Location, field: string): Located {
    if (Array.isArray(loc)) {
      const [lon, lat] = loc;
      if (loc.length !== 2 || !Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lon) > 180 || Math.abs(lat) > 90) {
        throw new InputError(`${field} must be a city id or name, or [lon, lat]`, field);
      }
      let best: Place | null = null;
      let bestM = Infinity;
      for (const p of this.network.places) {
        if (p.kind === 'hub' && p.hubKind !== 'ehub') continue;
        const d = greatCircleM([lon, lat], [p.lon, p.lat]);
        if (d < bestM) [best, bestM] = [p, d];
      }
      if (!best || bestM > SNAP_MAX_M) throw new InputError(`${field}: no city within ${SNAP_MAX_M / 1000} km of [${lon}, ${lat}]`, field);
      return { place: best, snappedFromM: Math.round(bestM) };
    }
    return { place: this.network.resolve(loc, field) };
  }
}
