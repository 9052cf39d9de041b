// Number formatting for the panel and tooltips (units as in the API: m, s, CNY, kg).

const group = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** A number with `digits` decimals and thousands separators. */
export function fixed(x: number, digits: number): string {
  return x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** A small or large quantity with about three significant digits: 0.0241, 1.13, 45.2, 1,207. */
export function sig3(x: number): string {
  const a = Math.abs(x);
  if (a === 0) return '0';
  if (a >= 100) return group.format(x);
  if (a >= 10) return fixed(x, 1);
  if (a >= 1) return fixed(x, 2);
  if (a >= 0.001) return x.toPrecision(3);
  return x.toExponential(1);
}

/** A whole number with thousands separators: "12,076". */
export function whole(x: number): string {
  return group.format(x);
}

/** Metres as kilometres: "1,205". */
export function km(distanceM: number): string {
  return group.format(distanceM / 1000);
}

/** Seconds as hours with one decimal: "15.1". */
export function hours(durationS: number): string {
  return fixed(durationS / 3600, 1);
}

/** Seconds as a readable duration: "2 d 3 h", "15 h 4 min", "45 min". */
export function duration(durationS: number): string {
  const min = Math.round(durationS / 60);
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  if (h < 48) return `${h} h ${min % 60} min`;
  return `${Math.floor(h / 24)} d ${h % 24} h`;
}

/** A population: "22.3 M", "845 k". */
export function population(n: number): string {
  if (n >= 1e6) return `${fixed(n / 1e6, 1)} M`;
  if (n >= 1e3) return `${group.format(n / 1e3)} k`;
  return group.format(n);
}

/** Escapes text for use inside HTML. */
export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
