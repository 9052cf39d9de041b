// Pure logic of the Quote view: checking the form, building the request, the price breakdown and
// dates. No DOM here, so it is unit-tested without a browser (test/browser/quote-logic.test.ts).
import type { BreakdownLine, QuoteOption, QuoteRequest, QuoteResult } from './quote-types.js';

/** The Quote form as typed (numbers still text, so that bad input can be named). */
export interface QuoteFormValues {
  from: string | null;
  to: string | null;
  weight: string;
  length: string;
  width: string;
  height: string;
  value: string;
  /** A service id, or "" for all services. */
  service: string;
  /** `YYYY-MM-DDTHH:MM` from a datetime-local input (China Standard Time), or "". */
  shipAt: string;
}

/** A message for one field, named as the API names it (origin, weightKg, lengthCm, …). */
export interface FieldError {
  field: string;
  message: string;
}

/** The fields of the form, in the order they appear, by their API names. */
export const QUOTE_FIELDS = ['origin', 'destination', 'weightKg', 'lengthCm', 'widthCm', 'heightCm', 'declaredValueCny', 'service', 'shipAt'] as const;

const num = (s: string): number => (s.trim() === '' ? NaN : Number(s));

/** A datetime-local value read as China Standard Time (the tariff's cut-offs are in CST), as ISO 8601. */
export function shipAtIso(local: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(:\d{2})?$/.exec(local.trim());
  if (!m) return null;
  const iso = `${m[1]}${m[2] ?? ':00'}+08:00`;
  return Number.isNaN(new Date(iso).getTime()) ? null : iso;
}

/**
 * Checks the form the way the API would and builds the request. Every problem found is returned
 * (one per field), so the form can show them all at once; `request` is null when there are any.
 */
export function checkQuoteForm(v: QuoteFormValues): { request: QuoteRequest | null; errors: FieldError[] } {
  const errors: FieldError[] = [];
  if (!v.from) errors.push({ field: 'origin', message: 'Choose the city the parcel leaves from.' });
  if (!v.to) errors.push({ field: 'destination', message: 'Choose the city the parcel goes to.' });
  else if (v.from && v.from === v.to) errors.push({ field: 'destination', message: 'The destination must differ from the origin.' });
  const weightKg = num(v.weight);
  if (v.weight.trim() === '') errors.push({ field: 'weightKg', message: 'Enter the weight in kg.' });
  else if (!(weightKg > 0) || !Number.isFinite(weightKg)) errors.push({ field: 'weightKg', message: 'The weight must be a number of kg greater than 0.' });

  const sides = [
    ['lengthCm', v.length],
    ['widthCm', v.width],
    ['heightCm', v.height],
  ] as const;
  const given = sides.filter(([, s]) => s.trim() !== '');
  const dims: Partial<Record<'lengthCm' | 'widthCm' | 'heightCm', number>> = {};
  if (given.length > 0) {
    for (const [field, s] of sides) {
      const x = num(s);
      if (s.trim() === '') errors.push({ field, message: 'Enter all three sides in cm, or none.' });
      else if (!(x > 0) || !Number.isFinite(x)) errors.push({ field, message: 'Each side must be a number of cm greater than 0.' });
      else dims[field] = x;
    }
  }
  const value = num(v.value);
  if (v.value.trim() !== '' && !(value >= 0 && Number.isFinite(value))) errors.push({ field: 'declaredValueCny', message: 'The declared value must be a number of yuan, 0 or more.' });
  const shipAt = v.shipAt.trim() === '' ? null : shipAtIso(v.shipAt);
  if (v.shipAt.trim() !== '' && !shipAt) errors.push({ field: 'shipAt', message: 'Enter a date and time, or leave it empty for now.' });
  if (errors.length) return { request: null, errors };

  const request: QuoteRequest = { origin: v.from!, destination: v.to!, weightKg, ...dims };
  if (v.value.trim() !== '') request.declaredValueCny = value;
  if (v.service) request.service = v.service;
  if (shipAt) request.shipAt = shipAt;
  return { request, errors };
}

/**
 * The form field a problem's `field` belongs to: the API names body properties ("weightKg"),
 * sometimes as a dotted path ("origin.0"); anything else has no field in the form.
 */
export function formFieldOf(field: string | undefined): string | null {
  if (!field) return null;
  const head = field.split('.')[0];
  return (QUOTE_FIELDS as readonly string[]).includes(head) ? head : null;
}

const COMPONENT_LABEL: Record<string, string> = {
  firstMile: 'First mile',
  lineHaul: 'Line haul',
  sorting: 'Sorting',
  lastMile: 'Last mile',
  customs: 'Customs',
  fuel: 'Fuel',
  remote: 'Remote area',
  insurance: 'Insurance',
  congestion: 'Congestion',
  margin: 'Margin',
  minimumCharge: 'Minimum charge',
};

/** Display name of a breakdown component: "lineHaul" → "Line haul" (unknown ones de-camel-cased). */
export function componentLabel(component: string): string {
  const known = COMPONENT_LABEL[component];
  if (known) return known;
  const words = component.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A row of the breakdown table: a line of the API's breakdown, or the view's own "rounding" row. */
export type BreakdownRow = Omit<BreakdownLine, 'component'> & { component: BreakdownLine['component'] | 'rounding'; label: string };

/** A breakdown as table rows that add up to the price: a "rounding" row takes up any cent left over. */
export function breakdownRows(o: Pick<QuoteOption, 'breakdown' | 'priceCny'>): { rows: BreakdownRow[]; totalCny: number } {
  const rows: BreakdownRow[] = o.breakdown.map((l) => ({ ...l, label: componentLabel(l.component) }));
  const cents = rows.reduce((s, l) => s + Math.round(l.amountCny * 100), 0);
  const left = Math.round(o.priceCny * 100) - cents;
  if (left !== 0) rows.push({ component: 'rounding', amountCny: left / 100, detail: 'rounding to the cent', label: 'Rounding' });
  return { rows, totalCny: o.priceCny };
}

/** "Sun 29 Nov" for a `YYYY-MM-DD` date (the API's dates are China Standard Time days). */
export function deliveryDay(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return date;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }).replace(',', '');
}

/** "1 day", "3 days". */
export function transitLabel(days: number): string {
  return days === 1 ? '1 day' : `${days} days`;
}

/** Display names of the tags. */
export const TAG_LABEL: Record<string, string> = { cheapest: 'Cheapest', fastest: 'Fastest', lowestCo2: 'Lowest CO₂' };

/** A service as the form's select lists it. */
export interface ServiceChoice {
  id: string;
  label: string;
}

/**
 * The services seen so far, merged with those of a new answer (its options and its unavailable
 * services), in the order first seen; nothing about the tariff is hard-coded in the UI.
 */
export function mergeServices(known: readonly ServiceChoice[], r: Pick<QuoteResult, 'options' | 'unavailable'>): ServiceChoice[] {
  const out = known.map((s) => ({ ...s }));
  const add = (id: string, label: string | null) => {
    const have = out.find((s) => s.id === id);
    if (!have) out.push({ id, label: label ?? id.charAt(0).toUpperCase() + id.slice(1) });
    else if (label) have.label = label;
  };
  for (const o of r.options) add(o.service, o.label);
  for (const u of r.unavailable) add(u.service, null);
  return out;
}
