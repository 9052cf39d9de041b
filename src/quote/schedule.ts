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
const DAY = S_PER_DAY * 1000;

/** Midnight (in the same shifted clock) of the day holding t. */
function dayStart(t: number): number {
  return Math.floor(t / DAY) * DAY;
}

/**
 * Transit time from the path and the daily rhythm of the network: the
 * parcel leaves on the line-haul departing at the day's cut-off (the next
 * day's if it reaches the origin hub after the cut-off), arrives after the
 * path's duration, and goes out with the next last-mile delivery wave.
 * Dates are local (timeZoneOffsetH); transitDays counts calendar days from
 * hand-in to delivery. Times are computed on a clock shifted to local time.
 */
export function schedule(s: ScheduleInput): Schedule {
  const off = s.timeZoneOffsetH * H;
  const shipLocal = s.shipAt.getTime() + off;
  const ready = shipLocal + s.firstMileH * H;
  let depart = dayStart(shipLocal) + s.cutoffHour * H;
  while (depart < ready) depart += DAY;
  const arrive = depart + s.pathDurationS * 1000;
  let deliver = -1;
  for (let day = dayStart(arrive); deliver < 0; day += DAY) {
    let best = Infinity;
    for (const h of s.dispatchHours) {
      const t = day + h * H;
      if (t >= arrive && t < best) best = t;
    }
    if (best < Infinity) deliver = best;
  }
  deliver += s.extraDays * DAY;
  return {
    departAt: new Date(depart - off).toISOString(),
    arriveAt: new Date(arrive - off).toISOString(),
    deliveryDate: new Date(dayStart(deliver)).toISOString().slice(0, 10),
    transitDays: Math.round((dayStart(deliver) - dayStart(shipLocal)) / DAY),
  };
}
