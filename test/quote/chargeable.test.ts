import { describe, expect, it } from 'vitest';
import { chargeableWeight } from '../../src/quote/index.js';

describe('chargeableWeight', () => {
  it('rounds the actual weight up to the step', () => {
    expect(chargeableWeight(2.3, null, 6000, 1)).toMatchObject({ chargeableKg: 3, basis: 'actual', volumetricKg: null });
    expect(chargeableWeight(2.3, null, 6000, 0.5)).toMatchObject({ chargeableKg: 2.5 });
    expect(chargeableWeight(2, null, 6000, 1).chargeableKg).toBe(2);
    expect(chargeableWeight(2.0000000001, null, 6000, 1).chargeableKg).toBe(2);
  });
  it('charges at least one step', () => {
    expect(chargeableWeight(0.05, null, 6000, 1).chargeableKg).toBe(1);
    expect(chargeableWeight(0.05, null, 6000, 0.5).chargeableKg).toBe(0.5);
  });
  it('uses the volumetric weight when it is larger', () => {
    // 50 × 40 × 30 cm = 60,000 cm³ / 6000 = 10 kg against 2 kg actual
    expect(chargeableWeight(2, { lengthCm: 50, widthCm: 40, heightCm: 30 }, 6000, 1)).toEqual({ actualKg: 2, volumetricKg: 10, chargeableKg: 10, basis: 'volumetric' });
    // 30 × 20 × 10 = 6,000 cm³ = 1 kg, below 1.2 kg actual
    expect(chargeableWeight(1.2, { lengthCm: 30, widthCm: 20, heightCm: 10 }, 6000, 1)).toMatchObject({ volumetricKg: 1, chargeableKg: 2, basis: 'actual' });
    // a divisor of 5000 makes the same box 1.2 kg
    expect(chargeableWeight(1, { lengthCm: 30, widthCm: 20, heightCm: 10 }, 5000, 0.5)).toMatchObject({ volumetricKg: 1.2, chargeableKg: 1.5, basis: 'volumetric' });
  });
  it('rejects a weight that is not positive', () => {
    expect(() => chargeableWeight(0, null, 6000, 1)).toThrow(/weightKg/);
    expect(() => chargeableWeight(Number.NaN, null, 6000, 1)).toThrow(/weightKg/);
  });
});
