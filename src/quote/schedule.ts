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

/**
 * The start (local clock) of the delivery day of a parcel arriving at
 * `arrive`: the first last-mile wave at or after arrival, plus the extra days.
 */
function deliveryDay(arrive: number, s: Pick<ScheduleInput, 'dispatchHours' | 'extraDays'>): number {
  // The first wave at or after arrival (a flag, not deliver < 0: instants before 1970 are negative).
  let deliver = Infinity;
  for (let day = dayStart(arrive); deliver === Infinity; day += DAY) {
    for (const h of s.dispatchHours) {
      const t = day + h * H;
      if (t >= arrive && t < deliver) deliver = t;
    }
  }
  deliver += s.extraDays * DAY;
  return dayStart(deliver);
}

/** schedule() from a hand-in instant in epoch milliseconds (no Date objects). */
export function scheduleFrom(shipAtMs: number, s: Omit<ScheduleInput, 'shipAt'>): Schedule {
  const offsetMs = s.timeZoneOffsetH * H;
  const { shipDayMs, departMs } = departure(shipAtMs, s);
  const a = arrivalAfter({ shipDayMs, departMs, offsetMs }, s.pathDurationS, s);
  return { departAt: isoUtc(departMs - offsetMs), arriveAt: isoUtc(a.arriveAtMs), deliveryDate: a.deliveryDate, transitDays: a.transitDays };
}

/**
 * A hand-in's departure for one service, shared by every path: the
 * line-haul leaves at the cut-off whatever the path, so only the arrival
 * and the delivery day depend on it (Arrival). Kept by the quote engine per
 * service while hand-ins fall before the same departure.
 */
export interface Departure {
  shipDayMs: number;
  departMs: number;
  /** The local clock's offset from UTC in ms (local instant - offset = UTC instant). */
  offsetMs: number;
  departAt: string;
  /** The bytes `","departAt":"…","arriveAt":"` (an option writes its delivery date before and its arrival after). */
  json: Buffer;
}

/** The Departure of a hand-in (departure() gives shipDayMs and departMs for the same input). */
export function departureOf(s: Pick<ScheduleInput, 'timeZoneOffsetH'>, shipDayMs: number, departMs: number): Departure {
  const offsetMs = s.timeZoneOffsetH * H;
  const departAt = isoUtc(departMs - offsetMs);
  return { shipDayMs, departMs, offsetMs, departAt, json: asciiBytes('","departAt":"' + departAt + '","arriveAt":"') };
}

/** The schedule of one path after a departure: arrival (UTC, ms), delivery date and calendar days in transit. */
export interface Arrival {
  arriveAtMs: number;
  deliveryDate: string;
  transitDays: number;
}

/** The arrival (UTC), delivery date and transit days of a path of `pathDurationS` after a departure (scheduleFrom's too). */
export function arrivalAfter(dep: Pick<Departure, 'shipDayMs' | 'departMs' | 'offsetMs'>, pathDurationS: number, s: Pick<ScheduleInput, 'dispatchHours' | 'extraDays'>): Arrival {
  const arrive = dep.departMs + pathDurationS * 1000;
  const day = deliveryDay(arrive, s);
  return { arriveAtMs: arrive - dep.offsetMs, deliveryDate: isoDate(day), transitDays: Math.round((day - dep.shipDayMs) / DAY) };
}
