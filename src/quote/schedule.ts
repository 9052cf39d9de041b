import { S_PER_DAY } from '../shared/units.js';
import { asciiBytes } from './byte-out.js';
import { isoDate, isoUtc } from './iso-time.js';

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
  return scheduleFrom(s.shipAt.getTime(), s);
}

/**
 * The two instants a schedule depends on (on the local clock): the start of
 * the hand-in day and the line-haul departure. Two hand-ins with the same
 * pair get the same schedule, so the quote engine keeps the last one.
 */
export function departure(shipAtMs: number, s: Pick<ScheduleInput, 'firstMileH' | 'cutoffHour' | 'timeZoneOffsetH'>): { shipDayMs: number; departMs: number } {
  const shipLocal = shipAtMs + s.timeZoneOffsetH * H;
  const ready = shipLocal + s.firstMileH * H;
  const shipDayMs = dayStart(shipLocal);
  let departMs = shipDayMs + s.cutoffHour * H;
  while (departMs < ready) departMs += DAY;
  return { shipDayMs, departMs };
}

/** schedule() from a hand-in instant in epoch milliseconds (the quote engine's hot path: no Date objects). */
export function scheduleFrom(shipAtMs: number, s: Omit<ScheduleInput, 'shipAt'>): Schedule {
  const off = s.timeZoneOffsetH * H;
  const { shipDayMs, departMs: depart } = departure(shipAtMs, s);
  const arrive = depart + s.pathDurationS * 1000;
  // The first wave at or after arrival (a flag, not deliver < 0: instants before 1970 are negative).
  let deliver = Infinity;
  for (let day = dayStart(arrive); deliver === Infinity; day += DAY) {
    for (const h of s.dispatchHours) {
      const t = day + h * H;
      if (t >= arrive && t < deliver) deliver = t;
    }
  }
  deliver += s.extraDays * DAY;
  return {
    departAt: isoUtc(depart - off),
    arriveAt: isoUtc(arrive - off),
    deliveryDate: isoDate(dayStart(deliver)),
    transitDays: Math.round((dayStart(deliver) - shipDayMs) / DAY),
  };
}

/**
 * A schedule with the two instants it depends on (see departure) and its
 * JSON as an option writes it (`,"transitDays":…,"arriveAt":"…"`), kept per
 * path and service: quotes handed in before the same departure share it.
 */
export interface Timed {
  shipDayMs: number;
  departMs: number;
  when: Schedule;
  /** The bytes of the option's schedule fields in JSON (ASCII). */
  json: Buffer;
}

/** The Timed of a hand-in on a path (departure() gives shipDayMs and departMs for the same input). */
export function timed(shipAtMs: number, s: Omit<ScheduleInput, 'shipAt'>, shipDayMs: number, departMs: number): Timed {
  const when = scheduleFrom(shipAtMs, s);
  const json = asciiBytes(',"transitDays":' + when.transitDays + ',"deliveryDate":"' + when.deliveryDate + '","departAt":"' + when.departAt + '","arriveAt":"' + when.arriveAt + '"');
  return { shipDayMs, departMs, when, json };
}
