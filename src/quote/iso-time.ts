const DAY_MS = 86_400_000;
const MAX_DAYS = 4096;
const days = new Map<number, string>();

/** "YYYY-MM-DDT" of a day number (days since 1970-01-01 UTC), kept for the days seen recently. */
function dayPrefix(day: number): string {
  let s = days.get(day);
  if (s === undefined) {
    const iso = new Date(day * DAY_MS).toISOString();
    s = iso.slice(0, iso.indexOf('T') + 1);
    if (days.size >= MAX_DAYS) days.clear();
    days.set(day, s);
  }
  return s;
}

const pad2 = (n: number): string => (n < 10 ? '0' + n : '' + n);
const pad3 = (n: number): string => (n < 10 ? '00' + n : n < 100 ? '0' + n : '' + n);

/**
 * `new Date(ms).toISOString()` without a Date: quotes format several
 * instants per option, and toISOString costs about a microsecond each. The
 * date part comes from a small cache of days, the time of day by arithmetic.
 */
export function isoUtc(instantMs: number): string {
  if (!(Math.abs(instantMs) <= 8.64e15)) return new Date(instantMs).toISOString();
  const ms = Math.trunc(instantMs); // as a Date does (TimeClip)
  const day = Math.floor(ms / DAY_MS);
  let t = ms - day * DAY_MS;
  const h = Math.floor(t / 3_600_000);
  t -= h * 3_600_000;
  const m = Math.floor(t / 60_000);
  t -= m * 60_000;
  const s = Math.floor(t / 1000);
  return dayPrefix(day) + pad2(h) + ':' + pad2(m) + ':' + pad2(s) + '.' + pad3(t - s * 1000) + 'Z';
}

/** `new Date(ms).toISOString().slice(0, 10)`-style date (YYYY-MM-DD) of the day holding ms. */
export function isoDate(instantMs: number): string {
  if (!(Math.abs(instantMs) <= 8.64e15)) return new Date(instantMs).toISOString().slice(0, 10);
  const p = dayPrefix(Math.floor(Math.trunc(instantMs) / DAY_MS));
  return p.slice(0, p.length - 1);
}
