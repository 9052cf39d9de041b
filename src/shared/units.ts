/** Unit conversions. Quantities carry their unit in their name (distanceM, durationS, weightKg, costCny). */
export const M_PER_KM = 1000;
export const S_PER_H = 3600;
export const S_PER_DAY = 86400;
export const KG_PER_TONNE = 1000;

export const kmToM = (km: number): number => km * M_PER_KM;
export const mToKm = (m: number): number => m / M_PER_KM;
export const kmhToMps = (kmh: number): number => (kmh * M_PER_KM) / S_PER_H;
export const hToS = (h: number): number => h * S_PER_H;
export const sToH = (s: number): number => s / S_PER_H;

/** Round to a number of decimals, for output only. */
export const round = (x: number, decimals = 0): number => {
  const f = 10 ** decimals;
  return Math.round(x * f) / f;
};
