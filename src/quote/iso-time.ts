const DAY_MS = 86_400_000;
/** Slots of the day-text cache (a day's texts are kept until a day 1,024 days away takes the slot). */
const DAY_SLOTS = 1024;

/** The texts of one day: "YYYY-MM-DDT" (what an instant's text starts with) and "YYYY-MM-DD". */
interface DayText {
  day: number;
  prefix: string;
  date: string;
}

/** Direct-mapped by day number: quotes format a handful of days over and over, and a slot costs less than a Map lookup. */
const dayTexts: (DayText | undefined)[] = new Array(DAY_SLOTS);

function dayText(day: number): DayText {
  const slot = day & (DAY_SLOTS - 1);
  let d = dayTexts[slot];
  if (d === undefined || d.day !== day) {
    const iso = new Date(day * DAY_MS).toISOString();
    const prefix = iso.slice(0, iso.indexOf('T') + 1);
    d = { day, prefix, date: prefix.slice(0, prefix.length - 1) };
    dayTexts[slot] = d;
  }
  return d;
}

/** Whether an instant is one a Date can hold (isoUtc's fast path; anything else goes through Date and throws as it does). */
export const inDateRange = (instantMs: number): boolean => Math.abs(instantMs) <= 8.64e15;

/** Day number, hour, minute, second and millisecond of the instant last given to splitInstant (reused: no allocation). */
const parts = new Float64Array(5);

/** Splits an instant in Date's range into parts (day number since 1970-01-01 UTC, hour, minute, second, ms), returned in a shared array. */
export function splitInstant(instantMs: number): Float64Array {
  const ms = Math.trunc(instantMs); // as a Date does (TimeClip)
  const day = Math.floor(ms / DAY_MS);
  let t = ms - day * DAY_MS;
  const h = Math.floor(t / 3_600_000);
  t -= h * 3_600_000;
  const m = Math.floor(t / 60_000);
  t -= m * 60_000;
  const s = Math.floor(t / 1000);
  parts[0] = day;
  parts[1] = h;
  parts[2] = m;
  parts[3] = s;
  parts[4] = t - s * 1000;
  return parts;
}

/** "YYYY-MM-DDT" of a day number. */
export const dayPrefix = (day: number): string => dayText(day).prefix;

const pad2 = (n: number): string => (n < 10 ? '0' + n : '' + n);
const pad3 = (n: number): string => (n < 10 ? '00' + n : n < 100 ? '0' + n : '' + n);

/**
 * `new Date(ms).toISOString()` without a Date: quotes format several
 * instants per option, and toISOString costs about a microsecond each. The
 * date part comes from a small cache of days, the time of day by arithmetic.
 */
export function isoUtc(instantMs: number): string {
  if (!inDateRange(instantMs)) return new Date(instantMs).toISOString();
  const p = splitInstant(instantMs);
  return dayPrefix(p[0]) + pad2(p[1]) + ':' + pad2(p[2]) + ':' + pad2(p[3]) + '.' + pad3(p[4]) + 'Z';
}

/** `new Date(ms).toISOString().slice(0, 10)`-style date (YYYY-MM-DD) of the day holding ms (the same string object for the same day, while kept). */
export function isoDate(instantMs: number): string {
  if (!inDateRange(instantMs)) return new Date(instantMs).toISOString().slice(0, 10);
  return dayText(splitInstant(instantMs)[0]).date;
}
