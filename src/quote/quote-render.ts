import type { Place } from '../network/index.js';
import type { Located, PlaceSummary, QuoteOption, QuoteResult, Rating, RatedOption } from './quote-types.js';
import type { Service } from './tariff.js';
import { jsonText } from './json-text.js';
import { moneyJson } from './pricing.js';
import { summaryJson } from './route-plan.js';

/** Tags the cheapest, fastest (earliest delivery, then shortest path time) and lowest-CO₂ options; ties share a tag. */
export function tag(options: RatedOption[]): void {
  if (options.length === 0) return;
  let fastest = options[0];
  let cheapest = Infinity;
  let greenest = Infinity;
  for (const o of options) {
    const d = o.when.deliveryDate;
    const f = fastest.when.deliveryDate;
    if (d !== f ? d < f : o.pp.plan.summary.durationS < fastest.pp.plan.summary.durationS) fastest = o;
    if (o.money.priceCny < cheapest) cheapest = o.money.priceCny;
    if (o.co2Kg < greenest) greenest = o.co2Kg;
  }
  for (const o of options) {
    if (o.money.priceCny === cheapest) o.tags.push('cheapest');
    if (o.when.deliveryDate === fastest.when.deliveryDate && o.pp.plan.summary.durationS === fastest.pp.plan.summary.durationS) o.tags.push('fastest');
    if (o.co2Kg === greenest) o.tags.push('lowestCo2');
  }
}

function placeSummary(x: Located): PlaceSummary {
  const p = x.place;
  return { id: p.id, name: p.name, nameZh: p.nameZh, ...(x.snappedFromM !== undefined ? { snappedFromM: x.snappedFromM } : {}) };
}

/** A rating as the QuoteResult object. */
export function toResult(r: Rating): QuoteResult {
  const options = r.options.map(
    (o): QuoteOption => ({
      service: o.svc.id,
      label: o.svc.label,
      description: o.svc.description,
      priceCny: o.money.priceCny,
      costCny: o.money.costCny,
      currency: 'CNY',
      breakdown: o.pp.lines.concat(o.money.extra),
      chargeableWeightKg: o.chargeKg,
      weightBasis: o.basis,
      ...o.when,
      co2Kg: o.co2Kg,
      path: r.geometry ? { ...o.pp.plan.summary, geometry: o.pp.plan.geometry! } : o.pp.plan.summary,
      tags: o.tags,
    }),
  );
  return { origin: placeSummary(r.origin), destination: placeSummary(r.destination), actualWeightKg: r.actualWeightKg, volumetricWeightKg: r.volumetricWeightKg, options, unavailable: r.unavailable };
}

/**
 * Writes ratings as JSON text from fragments kept with the cached paths and
 * prices, so that a quote costs a few string concatenations instead of a
 * serialiser walking ~3 KB of objects. JSON.parse of the text equals
 * toResult() of the same rating, and the text is pure ASCII (non-ASCII
 * characters are \u escapes, see jsonText), so it can be sent as Latin-1
 * bytes without UTF-8 encoding (both tested).
 */
export class QuoteJsonWriter {
  private readonly heads = new Map<Service, string>();
  private readonly places = new Map<Place, string>();

  /** `{"service":…,"label":…,"description":…,` of a service. */
  private head(svc: Service): string {
    let h = this.heads.get(svc);
    if (h === undefined) {
      h = '{"service":' + jsonText(svc.id) + ',"label":' + jsonText(svc.label) + ',"description":' + jsonText(svc.description) + ',';
      this.heads.set(svc, h);
    }
    return h;
  }

  private place(x: Located): string {
    if (x.snappedFromM !== undefined) return jsonText(placeSummary(x));
    let s = this.places.get(x.place);
    if (s === undefined) {
      s = jsonText(placeSummary(x));
      this.places.set(x.place, s);
    }
    return s;
  }

  /** Writes one option as pieces: its kept head, the parcel's own fields, the path's kept JSON. */
  private option(o: RatedOption, geometry: boolean, first: boolean, out: (piece: string) => void): void {
    // The part up to the schedule is the same for every parcel without declared value on this
    // priced path handed in before the same departure: kept with the path's last schedule.
    const plain = o.money === o.pp.plain;
    let head = plain ? o.timed.json : null;
    if (head === null) {
      const w = o.when;
      head = flat(
        this.head(o.svc) +
          moneyJson(o.pp, o.money) +
          ',"chargeableWeightKg":' +
          o.chargeKg +
          ',"transitDays":' +
          w.transitDays +
          ',"deliveryDate":"' +
          w.deliveryDate +
          '","departAt":"' +
          w.departAt +
          '","arriveAt":"' +
          w.arriveAt +
          '"',
      );
      if (plain) o.timed.json = head;
    }
    let tags = '';
    for (const t of o.tags) tags += (tags === '' ? '"' : ',"') + t + '"';
    if (!first) out(',');
    out(head);
    out(',"weightBasis":"' + o.basis + '","co2Kg":' + o.co2Kg + ',"path":');
    out(summaryJson(o.pp.plan, geometry));
    out(',"tags":[' + tags + ']}');
  }

  /**
   * A rating as JSON text, handed out in pieces (kept fragments are passed as
   * they are): a batch writes them straight into its bytes, without building
   * and flattening a string per row.
   */
  writeTo(r: Rating, out: (piece: string) => void): void {
    out('{"origin":');
    out(this.place(r.origin));
    out(',"destination":');
    out(this.place(r.destination));
    out(',"actualWeightKg":' + r.actualWeightKg + ',"volumetricWeightKg":' + r.volumetricWeightKg + ',"options":[');
    for (let i = 0; i < r.options.length; i++) this.option(r.options[i], r.geometry, i === 0, out);
    out('],"unavailable":' + (r.unavailable.length === 0 ? '[]' : jsonText(r.unavailable)) + '}');
  }

  /** A rating as JSON text. */
  write(r: Rating): string {
    let s = '';
    this.writeTo(r, (piece) => (s += piece));
    return s;
  }
}

/**
 * The string flattened (V8 keeps a concatenation as a tree of pieces until it
 * is read; reading one character makes it one flat string, in place), so a
 * kept fragment is not flattened again, with a fresh copy, at every use.
 */
function flat(s: string): string {
  s.charCodeAt(0);
  return s;
}
