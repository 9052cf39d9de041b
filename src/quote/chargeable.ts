import { InputError } from '../shared/errors.js';

export interface Dimensions {
  lengthCm: number;
  widthCm: number;
  heightCm: number;
}

export interface ChargeableWeight {
  actualKg: number;
  /** L × W × H / divisor, or null without dimensions. */
  volumetricKg: number | null;
  /** max(actual, volumetric), rounded up to a multiple of roundingKg. */
  chargeableKg: number;
  basis: 'actual' | 'volumetric';
}

/**
 * Chargeable weight as carriers compute it: the larger of the actual and the
 * volumetric weight (L×W×H in cm³ over the divisor, 6000 cm³/kg by default),
 * rounded up to the tariff's step (a tiny tolerance keeps 2.0000000001 at 2).
 */
export function chargeableWeight(actualKg: number, dims: Dimensions | null, divisorCm3PerKg: number, roundingKg: number): ChargeableWeight {
  if (!Number.isFinite(actualKg) || actualKg <= 0) throw new InputError(`weightKg must be a positive number, got ${actualKg}`, 'weightKg');
  const volumetricKg = dims ? (dims.lengthCm * dims.widthCm * dims.heightCm) / divisorCm3PerKg : null;
  const basis = volumetricKg !== null && volumetricKg > actualKg ? 'volumetric' : 'actual';
  const raw = basis === 'volumetric' ? volumetricKg! : actualKg;
  const steps = Math.ceil(raw / roundingKg - 1e-9);
  const chargeableKg = Math.round(Math.max(1, steps) * roundingKg * 1e6) / 1e6;
  return { actualKg, volumetricKg: volumetricKg === null ? null : Math.round(volumetricKg * 1e6) / 1e6, chargeableKg, basis };
}
