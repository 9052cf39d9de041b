// The fleet fields of the Operations view (one vehicle type × count): written from a request's
// vehicle, read back with the first problem in words. Also small helpers on stop sets.
import { clock, parseClock } from './ops-logic.js';
import type { LonLat, OpsVehicle } from './ops-types.js';

/** The fleet of an imported scenario until the user changes it. */
export const DEFAULT_FLEET: Readonly<OpsVehicle> = { id: 'van', capacity: { kg: 300 }, shift: [8 * 3600, 18 * 3600], costs: { fixedCny: 120, perKmCny: 0.8, perHourCny: 45 }, count: 5 };

/** Shows `v` in the fields (`field(name)` gives the input `#ops-<name>`). */
export function writeFleet(field: (id: string) => HTMLInputElement, v: OpsVehicle): void {
  field('count').value = String(v.count ?? 1);
  field('capacity').value = String(v.capacity.kg);
  field('shift-start').value = v.shift ? clock(v.shift[0]) : '';
  field('shift-end').value = v.shift ? clock(v.shift[1]) : '';
  field('fixed').value = String(v.costs?.fixedCny ?? 0);
  field('per-km').value = String(v.costs?.perKmCny ?? 0);
  field('per-hour').value = String(v.costs?.perHourCny ?? 0);
}

/** The fleet as typed (vehicle type `id`), or the first problem with it in words. */
export function readFleet(field: (id: string) => HTMLInputElement, id: string): OpsVehicle | string {
  const n = (name: string) => (field(name).value.trim() === '' ? NaN : Number(field(name).value));
  const count = n('count');
  if (!Number.isInteger(count) || count < 1 || count > 50) return 'Vehicles: a whole number from 1 to 50.';
  const cap = n('capacity');
  if (!(cap > 0)) return 'Capacity: a number above 0 kg.';
  const a = parseClock(field('shift-start').value);
  const b = parseClock(field('shift-end').value);
  if (a === null || b === null) return 'Shift: times as HH:MM, e.g. 08:00 and 18:00.';
  if (b <= a) return 'Shift: the end must come after the start.';
  const costs = { fixedCny: n('fixed'), perKmCny: n('per-km'), perHourCny: n('per-hour') };
  if (Object.values(costs).some((x) => !(x >= 0))) return 'Costs: numbers of 0 or more.';
  return { id, capacity: { kg: cap }, shift: [a, b], costs, count };
}

/** The mean of the points (rounded to 1e-6°). */
export function centroid(pts: LonLat[]): LonLat {
  const n = Math.max(1, pts.length);
  const r = (x: number) => Math.round(x * 1e6) / 1e6;
  return [r(pts.reduce((s, p) => s + p[0], 0) / n), r(pts.reduce((s, p) => s + p[1], 0) / n)];
}

/** True when `p` lies within about 50 km of the stops' centroid (a depot kept from the previous scenario must be near). */
export function nearStops(p: LonLat, stops: Array<{ location: LonLat }>): boolean {
  const c = centroid(stops.map((s) => s.location));
  return Math.abs(p[0] - c[0]) < 0.6 && Math.abs(p[1] - c[1]) < 0.5;
}

/** Saves `text` as a file through the browser. */
export function download(name: string, text: string, type: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([text], { type }));
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}
