import type { LineString } from 'geojson';
import { greatCircleM, laneId, pathGeometry, describePath, type Mode, type Network, type Place, type RawPath } from '../network/index.js';
import { InputError } from '../shared/errors.js';
import { chargeableWeight, type Dimensions } from './chargeable.js';
import { PathTreeCache } from './path-cache.js';
import { schedule } from './schedule.js';
import type { Service, Tariff } from './tariff.js';

export type Location = string | [number, number];

export interface QuoteRequest {
  origin: Location;
  destination: Location;
  weightKg: number;
  lengthCm?: number;
  widthCm?: number;
  heightCm?: number;
  declaredValueCny?: number;
  /** A service id, or "all" (default). */
  service?: string;
  /** ISO 8601 hand-in time; default: the engine's clock. */
  shipAt?: string;
}

export interface BreakdownLine {
  component: 'firstMile' | 'lineHaul' | 'sorting' | 'lastMile' | 'customs' | 'fuel' | 'remote' | 'insurance' | 'congestion' | 'margin' | 'minimumCharge';
  amountCny: number;
  detail: string;
}

export type QuoteTag = 'cheapest' | 'fastest' | 'lowestCo2';

export interface QuoteOption {
  service: string;
  label: string;
  description: string;
  priceCny: number;
  costCny: number;
  currency: 'CNY';
  breakdown: BreakdownLine[];
  chargeableWeightKg: number;
  weightBasis: 'actual' | 'volumetric';
  transitDays: number;
  deliveryDate: string;
  departAt: string;
  arriveAt: string;
  co2Kg: number;
  path: { hubs: string[]; hubIds: string[]; modes: Mode[]; distanceM: number; durationS: number; legs: QuoteLeg[]; geometry?: LineString };
  tags: QuoteTag[];
}

/** One leg of an option's path (ids of cities and hubs). */
export interface QuoteLeg {
  from: string;
  to: string;
  mode: Mode;
  distanceM: number;
  durationS: number;
}

export interface PlaceSummary {
  id: string;
  name: string;
  nameZh: string;
  /** Set when the request gave a coordinate: the distance to the place it was snapped to. */
  snappedFromM?: number;
}

export interface QuoteResult {
  origin: PlaceSummary;
  destination: PlaceSummary;
  actualWeightKg: number;
  volumetricWeightKg: number | null;
  options: QuoteOption[];
  unavailable: { service: string; reason: string }[];
}

export interface QuoteOptions {
  /** Add each option's path geometry (off in batches). */
  geometry?: boolean;
}

/** The cached, request-independent part of an option (see QuoteEngine.pricedPath). */
interface PricedPath {
  raw: RawPath;
  lines: BreakdownLine[];
  costCny: number;
  international: boolean;
  durationS: number;
  co2KgPerKg: number;
  summary: QuoteOption['path'];
  geometry: LineString | null;
}

const round2 = (x: number) => Math.round(x * 100) / 100;
const SNAP_MAX_M = 300_000;

/**
 * Prices parcels from their actual path through the network. Holds the
 * tariff, the read-only network, shortest-path trees per origin (PathTreeCache)
 * and the priced paths per origin, destination, service and chargeable weight,
 * so that after the first quote for a pair every quote is arithmetic.
 */
export class QuoteEngine {
  private readonly paths: PathTreeCache;
  private congestion: ReadonlyMap<string, number> = new Map();
  private readonly provinceZh: Map<string, string>;
  private readonly priced = new Map<string, PricedPath | null>();

  constructor(
    readonly network: Network,
    readonly tariff: Tariff,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.paths = new PathTreeCache(network);
    this.provinceZh = new Map(network.data.cities.map((c) => [c.id, c.provinceZh]));
  }

  /**
   * Capacity prices from the allocation stage: CNY per kg for a hub id or a
   * lane id (`from~to~mode`) at capacity. Quotes whose path uses one carry a
   * congestion surcharge.
   */
  setCongestion(prices: ReadonlyMap<string, number>): void {
    this.congestion = prices;
    this.priced.clear();
  }

  quote(req: QuoteRequest, opts: QuoteOptions = {}): QuoteResult {
    const origin = this.locate(req.origin, 'origin');
    const destination = this.locate(req.destination, 'destination');
    if (origin.place.id === destination.place.id) throw new InputError('destination must differ from origin', 'destination');
    const dims = this.dimensions(req);
    if (!(req.weightKg > 0) || !Number.isFinite(req.weightKg)) throw new InputError(`weightKg must be a positive number, got ${req.weightKg}`, 'weightKg');
    if (req.weightKg > this.tariff.maxWeightKg) throw new InputError(`weightKg ${req.weightKg} is over the ${this.tariff.maxWeightKg} kg limit for parcels`, 'weightKg');
    if (req.declaredValueCny !== undefined && !(req.declaredValueCny >= 0)) throw new InputError('declaredValueCny must be ≥ 0', 'declaredValueCny');
    const shipAt = req.shipAt === undefined ? this.now() : new Date(req.shipAt);
    if (Number.isNaN(shipAt.getTime())) throw new InputError(`shipAt "${req.shipAt}" is not an ISO 8601 date-time`, 'shipAt');
    const services = this.services(req.service);

    const options: QuoteOption[] = [];
    const unavailable: { service: string; reason: string }[] = [];
    let volumetricKg: number | null = null;
    for (const svc of services) {
      const cw = chargeableWeight(req.weightKg, dims, this.tariff.volumetricDivisorCm3PerKg, svc.roundingKg);
      volumetricKg = cw.volumetricKg;
      const pp = this.pricedPath(svc, origin.place, destination.place, cw.chargeableKg);
      if (!pp) {
        unavailable.push({ service: svc.id, reason: `no ${svc.modes.join('/')} route from ${origin.place.name} to ${destination.place.name}` });
        continue;
      }
      options.push(this.option(svc, pp, req, cw.chargeableKg, cw.basis, shipAt, opts));
    }
    tag(options);
    return { origin: summary(origin), destination: summary(destination), actualWeightKg: req.weightKg, volumetricWeightKg: volumetricKg, options, unavailable };
  }

  /**
   * Everything about an option that depends only on the origin, destination,
   * service and chargeable weight: the path and the cost lines before
   * insurance and margin. Kept, so a repeated quote is a lookup.
   */
  private pricedPath(svc: Service, origin: Place, dest: Place, chargeKg: number): PricedPath | null {
    const key = `${origin.id}|${dest.id}|${svc.id}|${chargeKg}`;
    let pp = this.priced.get(key);
    if (pp !== undefined) return pp;
    const raw = this.paths.path(origin.id, dest.id, svc.objective, svc.modes, chargeKg);
    pp = raw ? this.price(svc, raw, chargeKg, dest) : null;
    if (this.priced.size >= 500_000) this.priced.clear();
    this.priced.set(key, pp);
    return pp;
  }

  private price(svc: Service, raw: RawPath, chargeKg: number, dest: Place): PricedPath {
    const t = this.tariff;
    const { legs, totals } = describePath(this.network, raw, chargeKg);
    const hubs = raw.nodes.filter((id) => this.network.place(id)!.kind === 'hub');
    const modes = [...new Set(legs.map((l) => l.mode))];
    const lines: BreakdownLine[] = [];
    const add = (component: BreakdownLine['component'], amountCny: number, detail: string) => {
      if (amountCny > 0) lines.push({ component, amountCny: round2(amountCny), detail });
    };
    add('firstMile', t.firstMile.cnyPerParcel + t.firstMile.cnyPerKg * chargeKg, `pickup in ${legs[0].fromName}`);
    const byMode = new Map<Mode, { cny: number; km: number }>();
    let handlingCny = 0;
    raw.edges.forEach((e, i) => {
      const m = byMode.get(e.mode) ?? { cny: 0, km: 0 };
      const handling = e.handlingCnyPerKg * chargeKg;
      m.cny += legs[i].costCny - handling;
      m.km += e.distanceM / 1000;
      byMode.set(e.mode, m);
      handlingCny += handling;
    });
    for (const [mode, m] of byMode) add('lineHaul', m.cny, `${mode} ${Math.round(m.km)} km`);
    add('sorting', handlingCny, `handling at ${raw.edges.length} stop${raw.edges.length === 1 ? '' : 's'} (${hubs.length} hub${hubs.length === 1 ? '' : 's'})`);
    const international = dest.country !== 'CN' || this.network.place(raw.nodes[0])!.country !== 'CN';
    if (dest.country === 'CN') add('lastMile', t.lastMile.cnyPerParcel + t.lastMile.cnyPerKg * chargeKg, `delivery in ${dest.name}`);
    else add('lastMile', t.international.lastMileCnyPerParcel + t.international.lastMileCnyPerKg * chargeKg, `delivery abroad from ${dest.name}`);
    if (international) add('customs', t.international.clearanceCnyPerParcel, 'customs clearance');
    let fuel = 0;
    for (const [mode, m] of byMode) fuel += (m.cny * t.fuelSurchargePctByMode[mode]) / 100;
    add('fuel', fuel, 'fuel surcharge on line-haul, by mode');
    const province = this.provinceZh.get(dest.id) ?? '';
    for (const r of t.remote) {
      if (r.provinces.some((p) => province.startsWith(p))) {
        add('remote', r.cnyPerParcel + r.cnyPerKg * chargeKg, r.label);
        break;
      }
    }
    for (let i = 0; i < raw.nodes.length; i++) {
      const hubPrice = this.congestion.get(raw.nodes[i]);
      if (hubPrice) add('congestion', hubPrice * chargeKg, `${this.network.place(raw.nodes[i])!.name} hub at capacity (capacity price ¥${hubPrice}/kg)`);
      if (i + 1 < raw.nodes.length) {
        const lanePrice = this.congestion.get(raw.edges[i].laneId) ?? this.congestion.get(laneId({ from: raw.nodes[i + 1], to: raw.nodes[i], mode: raw.edges[i].mode }));
        if (lanePrice) add('congestion', lanePrice * chargeKg, `${legs[i].fromName}–${legs[i].toName} ${legs[i].mode} lane at capacity (¥${lanePrice}/kg)`);
      }
    }
    return {
      raw,
      lines,
      costCny: lines.reduce((s, l) => s + l.amountCny, 0),
      international,
      durationS: totals.durationS,
      co2KgPerKg: raw.edges.reduce((s, e) => s + e.co2KgPerKg, 0),
      summary: {
        hubs: hubs.map((id) => this.network.place(id)!.name),
        hubIds: hubs,
        modes,
        distanceM: Math.round(totals.distanceM),
        durationS: Math.round(totals.durationS),
        legs: legs.map((l) => ({ from: l.from, to: l.to, mode: l.mode, distanceM: Math.round(l.distanceM), durationS: Math.round(l.durationS) })),
      },
      geometry: null,
    };
  }

  private option(svc: Service, pp: PricedPath, req: QuoteRequest, chargeKg: number, basis: 'actual' | 'volumetric', shipAt: Date, opts: QuoteOptions): QuoteOption {
    const t = this.tariff;
    const lines = pp.lines.slice();
    let costCny = pp.costCny;
    if (req.declaredValueCny) {
      const ins = round2(Math.max(t.insurance.minCny, (req.declaredValueCny * t.insurance.ratePct) / 100));
      lines.push({ component: 'insurance', amountCny: ins, detail: `${t.insurance.ratePct}% of declared ¥${req.declaredValueCny}` });
      costCny += ins;
    }
    const margin = round2((costCny * svc.marginPct) / 100);
    if (margin > 0) lines.push({ component: 'margin', amountCny: margin, detail: `${svc.marginPct}% margin` });
    let priceCny = round2(costCny + margin);
    if (priceCny < svc.minChargeCny) {
      lines.push({ component: 'minimumCharge', amountCny: round2(svc.minChargeCny - priceCny), detail: `minimum charge ¥${svc.minChargeCny}` });
      priceCny = svc.minChargeCny;
    }
    const when = schedule({
      shipAt,
      pathDurationS: pp.durationS,
      firstMileH: t.firstMile.hours,
      cutoffHour: svc.cutoffHour,
      dispatchHours: svc.dispatchHours,
      extraDays: pp.international ? t.international.customsDays : 0,
      timeZoneOffsetH: t.timeZoneOffsetH,
    });
    if (opts.geometry && !pp.geometry) pp.geometry = pathGeometry(pp.raw.nodes.map((id) => this.network.place(id)!), pp.raw.edges.map((e) => e.mode), this.network.data.sea);
    return {
      service: svc.id,
      label: svc.label,
      description: svc.description,
      priceCny,
      costCny: round2(costCny),
      currency: 'CNY',
      breakdown: lines,
      chargeableWeightKg: chargeKg,
      weightBasis: basis,
      ...when,
      co2Kg: Math.round(pp.co2KgPerKg * req.weightKg * 1e4) / 1e4,
      path: opts.geometry ? { ...pp.summary, geometry: pp.geometry! } : pp.summary,
      tags: [],
    };
  }

  private services(id: string | undefined): Service[] {
    if (id === undefined || id === 'all') return this.tariff.services;
    const s = this.tariff.services.find((x) => x.id === id);
    if (!s) throw new InputError(`service must be one of ${this.tariff.services.map((x) => x.id).join(', ')} or all, got "${id}"`, 'service');
    return [s];
  }

  private dimensions(req: QuoteRequest): Dimensions | null {
    const given = (['lengthCm', 'widthCm', 'heightCm'] as const).filter((k) => req[k] !== undefined);
    if (given.length === 0) return null;
    for (const k of ['lengthCm', 'widthCm', 'heightCm'] as const) {
      const v = req[k];
      if (v === undefined) throw new InputError(`${k} is missing: give all of lengthCm, widthCm and heightCm, or none`, k);
      if (!Number.isFinite(v) || v <= 0) throw new InputError(`${k} must be a positive number of centimetres, got ${v}`, k);
      if (v > this.tariff.maxSideCm) throw new InputError(`${k} ${v} cm is over the ${this.tariff.maxSideCm} cm limit for a parcel side`, k);
    }
    return { lengthCm: req.lengthCm!, widthCm: req.widthCm!, heightCm: req.heightCm! };
  }

  /** A place from an id or name, or the nearest city or eHub to a [lon, lat] coordinate. */
  private locate(loc: Location, field: string): { place: Place; snappedFromM?: number } {
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

function summary(x: { place: Place; snappedFromM?: number }): PlaceSummary {
  return { id: x.place.id, name: x.place.name, nameZh: x.place.nameZh, ...(x.snappedFromM !== undefined ? { snappedFromM: x.snappedFromM } : {}) };
}

/** Tags the cheapest, fastest (earliest delivery, then shortest path time) and lowest-CO₂ options; ties share a tag. */
function tag(options: QuoteOption[]): void {
  if (options.length === 0) return;
  const speed = (o: QuoteOption): [string, number] => [o.deliveryDate, o.path.durationS];
  const faster = (a: [string, number], b: [string, number]) => (a[0] !== b[0] ? a[0] < b[0] : a[1] < b[1]);
  let fastest = speed(options[0]);
  for (const o of options) if (faster(speed(o), fastest)) fastest = speed(o);
  const cheapest = Math.min(...options.map((o) => o.priceCny));
  const greenest = Math.min(...options.map((o) => o.co2Kg));
  for (const o of options) {
    if (o.priceCny === cheapest) o.tags.push('cheapest');
    const s = speed(o);
    if (s[0] === fastest[0] && s[1] === fastest[1]) o.tags.push('fastest');
    if (o.co2Kg === greenest) o.tags.push('lowestCo2');
  }
}
