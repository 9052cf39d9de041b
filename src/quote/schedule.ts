import { S_PER_DAY } from '../shared/units.js';

export interface ScheduleInput {
  /** When the merchant hands the parcel in (UTC instant). */
  shipAt: Date;
  /** Door-to-door line-haul duration of the path, hub handling included. */
  pathDurationS: number;
  firstMileH: number;
  cutoffHour: number;
  dispatchHours: readonly number[];
  /** Extra whole days (customs for international destinations). */
  extraDays: number;
  /** Local time zone as an offset from UTC (China: +8, no daylight saving). */
  timeZoneOffsetH: number;
}

export interface Schedule {
  departAt: string;
  arriveAt: string;
  deliveryDate: string;
  transitDays: number;
}

const H = 3600_000;

/**
 * Transit time from the path and the daily rhythm of the network: the
 * parcel leaves on the line-haul departing at the day's cut-off (the next
 * day's if it reaches the origin hub after the cut-off), arrives after the
 * path's duration, and goes out with the next last-mile delivery wave.
 * Dates are local (timeZoneOffsetH); transitDays counts calendar days from
 * hand-in to delivery.
 */
export function schedule(s: ScheduleInput): Schedule {
  const off = s.timeZoneOffsetH * H;
  const local = (d: number) => d + off; // local wall-clock as a UTC-based number
  const dayStart = (t: number) => Math.floor(t / (S_PER_DAY * 1000)) * S_PER_DAY * 1000;
  const shipLocal = local(s.shipAt.getTime());
  const ready = shipLocal + s.firstMileH * H;
  let depart = dayStart(shipLocal) + s.cutoffHour * H;
  while (depart < ready) depart += S_PER_DAY * 1000;
  const arrive = depart + s.pathDurationS * 1000;
  const waves = [...s.dispatchHours].sort((a, b) => a - b);
  let day = dayStart(arrive);
  let deliver: number | null = null;
  while (deliver === null) {
    for (const h of waves) {
      if (day + h * H >= arrive) {
        deliver = day + h * H;
        break;
      }
    }
    if (deliver === null) day += S_PER_DAY * 1000;
  }
  deliver += s.extraDays * S_PER_DAY * 1000;
  const transitDays = Math.round((dayStart(deliver) - dayStart(shipLocal)) / (S_PER_DAY * 1000));
  const iso = (t: number) => new Date(t - off).toISOString();
  return {
    departAt: iso(depart),
    arriveAt: iso(arrive),
    deliveryDate: new Date(dayStart(deliver)).toISOString().slice(0, 10),
    transitDays,
  };
}
