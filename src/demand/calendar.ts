/**
 * Calendar facts used by the synthetic demand generator.
 *
 * Spring Festival (Chinese New Year, 1st day of the 1st lunar month) in the
 * Gregorian calendar. Source: Hong Kong Observatory, "Gregorian–Lunar
 * Calendar Conversion Table" (https://www.hko.gov.hk/en/gts/time/conversion.htm);
 * 2023–2027 cross-checked against public holiday calendars (e.g. 2024-02-10,
 * 2025-01-29, 2026-02-17).
 */
export const SPRING_FESTIVAL: Readonly<Record<number, string>> = {
  2018: '2018-02-16',
  2019: '2019-02-05',
  2020: '2020-01-25',
  2021: '2021-02-12',
  2022: '2022-02-01',
  2023: '2023-01-22',
  2024: '2024-02-10',
  2025: '2025-01-29',
  2026: '2026-02-17',
  2027: '2027-02-06',
  2028: '2028-01-26',
  2029: '2029-02-13',
  2030: '2030-02-03',
};

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of an ISO date "YYYY-MM-DD" (UTC). */
export function dayNumber(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
}

/** ISO date "YYYY-MM-DD" of a day number. */
export function isoOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Day of week of a day number, 0 = Monday … 6 = Sunday. */
export function weekday(day: number): number {
  // 1970-01-01 was a Thursday (3 when Monday = 0).
  return (((day + 3) % 7) + 7) % 7;
}

let sfDays: number[] | undefined;
/** Day numbers of the Spring Festival table, parsed once (it is read for every generated day). */
function springFestivalDays(): number[] {
  return (sfDays ??= Object.values(SPRING_FESTIVAL).map(dayNumber));
}

/** Signed distance in days from `day` to the nearest Spring Festival in the table (NaN when none within 60 days). */
export function daysFromSpringFestival(day: number): number {
  let best = NaN;
  for (const sf of springFestivalDays()) {
    const d = day - sf;
    if (Math.abs(d) <= 60 && (Number.isNaN(best) || Math.abs(d) < Math.abs(best))) best = d;
  }
  return best;
}

/** Signed distance in days from `day` to month/day (1-based) of the same year. */
export function daysFromAnnualDate(day: number, month: number, dayOfMonth: number): number {
  const year = new Date(day * DAY_MS).getUTCFullYear();
  const target = Math.round(Date.UTC(year, month - 1, dayOfMonth) / DAY_MS);
  return day - target;
}

/** Piecewise-linear interpolation in a sorted table of [x, y] points; `outside` beyond the ends. */
export function interpolate(points: readonly (readonly [number, number])[], x: number, outside = 1): number {
  if (!Number.isFinite(x) || points.length === 0 || x < points[0][0] || x > points[points.length - 1][0]) return outside;
  for (let i = 1; i < points.length; i++) {
    const [x1, y1] = points[i];
    const [x0, y0] = points[i - 1];
    if (x <= x1) return x1 === x0 ? y1 : y0 + ((y1 - y0) * (x - x0)) / (x1 - x0);
  }
  return outside;
}
