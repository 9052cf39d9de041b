import { greatCircleM, type Network, type Place } from '../network/index.js';
import { ByteOut } from './byte-out.js';
import { InputError } from '../shared/errors.js';
import { chargeableWeight, type Dimensions } from './chargeable.js';
import { congestionLines, money, priceLines, type CongestionLines } from './pricing.js';
import { QuoteJsonWriter, tag, toResult } from './quote-render.js';
import type { Located, Location, QuoteOptions, QuoteRequest, QuoteResult, RatedOption, Rating } from './quote-types.js';
import { planGeometry, type RoutePlan } from './route-plan.js';
import { RouteTable } from './route-table.js';
import { arrivalAfter, departure, departureOf, type Departure, type ScheduleInput } from './schedule.js';
import type { Service, Tariff } from './tariff.js';

export type { Location, QuoteRequest, QuoteResult, QuoteOption, QuoteLeg, BreakdownLine, QuoteTag, QuoteOptions, PlaceSummary } from './quote-types.js';

const SNAP_MAX_M = 300_000;
const NO_CONGESTION: CongestionLines = { version: -1, prices: [], lines: [] };

/** Cache sizes and hit counts, for reports. */
export interface QuoteCacheStats {
  /** Route slots filled (pair × service × weight step) and lookups answered from them or searched. */
  routes: number;
  routeHits: number;
  routeMisses: number;
  routePlans: number;
  pathTrees: number;
}

/**
 * Prices parcels from their actual path through the network. Holds the
 * tariff, the read-only network and a route table (RouteTable): for each
 * origin, destination and service (and chargeable-weight step where the best
 * path depends on the weight) the plan of its path (RoutePlan: weight-free
 * facts, line templates, path JSON), found by array indexing.
 * Every quote prices the parcel from the plan with a few multiplications and
 * writes the answer from the plan's pieces: there is no per-weight price
 * cache, so a never-seen weight costs what a repeated one does, and memory
 * stays at the plans. `quote` answers with objects, `quoteJson` with the same
 * answer as JSON text (the API's hot path).
 */
export class QuoteEngine {
  private congestion: ReadonlyMap<string, number> = new Map();
  private congestionVersion = 0;
  /** Numbers of places, and each place as a located quote end (shared, read-only), by number and by exact id. */
  private readonly placeNo: Map<Place, number>;
  private readonly located: readonly Located[];
  private readonly byId: ReadonlyMap<string, Located>;
  /** Service numbers to rate for "all" and for each single service. */
  private readonly allServices: readonly number[];
  private readonly oneService: ReadonlyMap<string, readonly number[]>;
  private readonly routes: RouteTable;
  private readonly writer: QuoteJsonWriter;
  /** Bytes for quoteJson's answers (turned into strings at once). */
  private readonly scratch = new ByteOut();
  /** The last departure per service number (see departureFor()). */
  private readonly departures: (Departure | undefined)[] = [];
  /** Schedule parameters per service number, domestic [0] and international [1] (they differ in extraDays only). */
  private readonly scheduleParams: Omit<ScheduleInput, 'shipAt' | 'pathDurationS'>[][];

  constructor(
    readonly network: Network,
    readonly tariff: Tariff,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.routes = new RouteTable(network, tariff, new Map(network.data.cities.map((c) => [c.id, c.provinceZh])));
    this.placeNo = new Map(network.places.map((p, i) => [p, i]));
    this.located = network.places.map((place, no) => ({ place, no }));
    this.byId = new Map(this.located.filter((x) => x.place.id === x.place.id.trim()).map((x) => [x.place.id, x]));
    this.allServices = tariff.services.map((_s, i) => i);
    this.oneService = new Map(tariff.services.map((s, i) => [s.id, [i]]));
    this.writer = new QuoteJsonWriter(tariff);
    const sp = (svc: Service, extraDays: number) => ({ firstMileH: tariff.firstMile.hours, cutoffHour: svc.cutoffHour, dispatchHours: svc.dispatchHours, extraDays, timeZoneOffsetH: tariff.timeZoneOffsetH });
    this.scheduleParams = tariff.services.map((svc) => [sp(svc, 0), sp(svc, tariff.international.customsDays)]);
  }

  /**
   * Capacity prices from the allocation stage: CNY per kg for a hub id or a
   * lane id (`from~to~mode`) at capacity. Quotes whose path uses one carry a
   * congestion surcharge.
   */
  setCongestion(prices: ReadonlyMap<string, number>): void {
    this.congestion = prices;
    this.congestionVersion++;
  }

  /** The quote as an object. */
  quote(req: QuoteRequest, opts: QuoteOptions = {}): QuoteResult {
    return toResult(this.rate(req, opts), this.tariff);
  }

  /**
   * The same answer as `quote`, as JSON text in ASCII (non-ASCII characters
   * are written as \u escapes).
   */
  quoteJson(req: QuoteRequest, opts: QuoteOptions = {}): string {
    return this.writer.write(this.rate(req, opts), this.scratch).toString('latin1');
  }

  /**
   * quoteJson as bytes, one answer of `out` (what POST /api/quotes sends):
   * a view that later answers never overwrite. The input is checked before
   * anything is written, so a bad request leaves `out` as it was.
   */
  quoteBytes(req: QuoteRequest, out: ByteOut, opts: QuoteOptions = {}): Buffer {
    return this.writer.write(this.rate(req, opts), out);
  }

  /** quoteJson appended to `out` (a batch writes its rows one after another); nothing is written for a bad request. */
  quoteJsonTo(req: QuoteRequest, out: ByteOut, opts: QuoteOptions = {}): void {
    this.writer.writeTo(this.rate(req, opts), out);
  }

  /**
   * Prepares what every first quote would otherwise wait for: the compiled
   * graph of each service's modes and, for services whose best path does not
   * depend on the weight (time, CO₂), the shortest-path tree from every place.
   * About 0.1–0.2 s on the shipped network; a server calls it once at start.
   */
  warmUp(): void {
    this.routes.warmUp();
  }

  /** Sizes and hit counts of the caches. */
  cacheStats(): QuoteCacheStats {
    return { ...this.routes.stats, routeHits: this.routes.hits, routeMisses: this.routes.misses };
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
    const serviceNos = this.serviceNos(req.service);
    const t = this.tariff;
    const geometry = opts.geometry === true;
    const pairSlot = this.routes.slot(origin.no, destination.no);

    const options: RatedOption[] = [];
    const unavailable: { service: string; reason: string }[] = [];
    let volumetricKg: number | null = null;
    for (const sn of serviceNos) {
      const svc = t.services[sn];
      const cw = chargeableWeight(req.weightKg, dims, t.volumetricDivisorCm3PerKg, svc.roundingKg);
      volumetricKg = cw.volumetricKg;
      const chargeKg = cw.chargeableKg;
      const plan = this.routes.plan(pairSlot + sn, origin.place, destination.place, svc, chargeKg);
      if (!plan) {
        unavailable.push({ service: svc.id, reason: `no ${svc.modes.join('/')} route from ${origin.place.name} to ${destination.place.name}` });
        continue;
      }
      if (geometry) planGeometry(this.network, plan);
      const priced = priceLines(t, plan, this.congestionOf(plan), chargeKg);
      const co2Kg = Math.round(plan.co2KgPerKg * req.weightKg * 1e4) / 1e4;
      const dep = this.departureFor(sn, shipAtMs);
      options.push({ svc, plan, chargeKg, basis: cw.basis, priced, money: money(t, svc, priced.costCny, req.declaredValueCny), departure: dep, arrival: arrivalAfter(dep, plan.durationS, this.scheduleParams[sn][plan.international ? 1 : 0]), co2Kg, tags: [] });
    }
    tag(options);
    return { origin, destination, actualWeightKg: req.weightKg, volumetricWeightKg: volumetricKg, options, unavailable, geometry, declaredValueCny: req.declaredValueCny };
  }

  /** The congestion lines of a plan for the current capacity prices. */
  private congestionOf(plan: RoutePlan): CongestionLines {
    if (this.congestion.size === 0) return NO_CONGESTION;
    let c = plan.congestion;
    if (c === null || c.version !== this.congestionVersion) {
      c = congestionLines(this.network, this.congestion, plan, this.congestionVersion);
      plan.congestion = c;
    }
    return c;
  }

  /** The departure of a hand-in for a service: the last one kept when it is the same (most quotes are handed in before the same cut-off). */
  private departureFor(sn: number, shipAtMs: number): Departure {
    const params = this.scheduleParams[sn][0];
    const { shipDayMs, departMs } = departure(shipAtMs, params);
    let d = this.departures[sn];
    if (d === undefined || d.shipDayMs !== shipDayMs || d.departMs !== departMs) {
      d = departureOf(params, shipDayMs, departMs);
      this.departures[sn] = d;
    }
    return d;
  }

  private serviceNos(id: string | undefined): readonly number[] {
    if (id === undefined || id === 'all') return this.allServices;
    const s = this.oneService.get(id);
    if (!s) throw new InputError(`service must be one of ${this.tariff.services.map((x) => x.id).join(', ')} or all, got "${id}"`, 'service');
    return s;
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
      return { place: best, no: this.placeNo.get(best)!, snappedFromM: Math.round(bestM) };
    }
    // an exact id is what network.resolve finds first; anything else (names, spaces, bad input) goes through it
    return this.byId.get(loc) ?? this.located[this.placeNo.get(this.network.resolve(loc, field))!];
  }
}
