// The fleet fields of the Operations view (a vehicle type × count, and optionally a second type): written from a request's
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
  field('lunch').value = v.break ? String(Math.round(v.break.durationS / 60)) : '';
  field('lunch-from').value = clock(v.break?.window[0] ?? LUNCH_WINDOW[0]);
  field('lunch-to').value = clock(v.break?.window[1] ?? LUNCH_WINDOW[1]);
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
  const lunch = readLunch(field, [a, b]);
  if (typeof lunch === 'string') return lunch;
  return { id, capacity: { kg: cap }, shift: [a, b], costs, count, ...(lunch ? { break: lunch } : {}) };
}

/** Default window of the lunch break's start: 11:30–13:30. */
export const LUNCH_WINDOW: readonly [number, number] = [11.5 * 3600, 13.5 * 3600];

/** The lunch break as typed (null when the minutes are empty or 0), or the problem in words. */
function readLunch(field: (id: string) => HTMLInputElement, shift: [number, number]): OpsVehicle['break'] | null | string {
  const raw = field('lunch').value.trim();
  if (raw === '' || Number(raw) === 0) return null;
  const min = Number(raw);
  if (!(min > 0 && min <= 240)) return 'Lunch break: minutes from 0 to 240.';
  const a = parseClock(field('lunch-from').value);
  const b = parseClock(field('lunch-to').value);
  if (a === null || b === null) return 'Lunch break: start times as HH:MM, e.g. 11:30 and 13:30.';
  if (b < a) return 'Lunch break: "starting by" must not come before "starting from".';
  if (b < shift[0] || a + min * 60 > shift[1]) return 'Lunch break: it must fall within the shift.';
  return { durationS: min * 60, window: [a, b] };
}

/** The second vehicle type offered when the planner ticks it: a bigger truck. */
export const DEFAULT_SECOND: Readonly<OpsVehicle> = { id: 'truck', capacity: { kg: 1000 }, costs: { fixedCny: 200, perKmCny: 1.5 }, count: 1 };

/** Shows the second vehicle type `v` in its fields (ticked and shown), or unticks them when there is none. */
export function writeSecond(field: (id: string) => HTMLInputElement, v: OpsVehicle | undefined): void {
  const w = v ?? DEFAULT_SECOND;
  field('second-on').checked = v !== undefined;
  field('count2').value = String(w.count ?? 1);
  field('capacity2').value = String(w.capacity.kg);
  field('fixed2').value = String(w.costs?.fixedCny ?? 0);
  field('per-km2').value = String(w.costs?.perKmCny ?? 0);
  showSecond(field);
}

/** Shows the second type's fields when its box is ticked. */
export function showSecond(field: (id: string) => HTMLInputElement): void {
  const grid = field('second-on').closest('.ops-second')?.querySelector<HTMLElement>('[data-testid="ops-second-fields"]');
  if (grid) grid.hidden = !field('second-on').checked;
}

/**
 * The fleet as typed: the first type (`id`) and, when ticked, the second one (same shift and
 * per-hour cost, own count, capacity, fixed and per-km cost; id "truck", or "truck2" if taken);
 * or the first problem in words.
 */
export function readVehicles(field: (id: string) => HTMLInputElement, id: string): OpsVehicle[] | string {
  const first = readFleet(field, id);
  if (typeof first === 'string') return first;
  if (!field('second-on').checked) return [first];
  const n = (name: string) => (field(name).value.trim() === '' ? NaN : Number(field(name).value));
  const count = n('count2');
  if (!Number.isInteger(count) || count < 1 || count > 50) return 'Second type, vehicles: a whole number from 1 to 50.';
  const cap = n('capacity2');
  if (!(cap > 0)) return 'Second type, capacity: a number above 0 kg.';
  const costs = { fixedCny: n('fixed2'), perKmCny: n('per-km2'), perHourCny: first.costs?.perHourCny ?? 0 };
  if (!(costs.fixedCny >= 0) || !(costs.perKmCny >= 0)) return 'Second type, costs: numbers of 0 or more.';
  const id2 = first.id === DEFAULT_SECOND.id ? `${DEFAULT_SECOND.id}2` : DEFAULT_SECOND.id;
  return [first, { id: id2, capacity: { kg: cap }, shift: first.shift, costs, count, ...(first.break ? { break: first.break } : {}) }];
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
