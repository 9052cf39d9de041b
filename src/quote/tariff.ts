import { readFileSync } from 'node:fs';
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { DataError } from '../shared/errors.js';
import { MODES } from '../network/types.js';

const NonNeg = (description?: string) => Type.Number({ minimum: 0, description });
const ModeLiteral = Type.Union(MODES.map((m) => Type.Literal(m)));

export const ServiceSchema = Type.Object({
  id: Type.String({ pattern: '^[a-z][a-z0-9-]*$' }),
  label: Type.String(),
  description: Type.String(),
  modes: Type.Array(ModeLiteral, { minItems: 1 }),
  objective: Type.Union([Type.Literal('cost'), Type.Literal('time'), Type.Literal('co2')]),
  marginPct: NonNeg('margin on cost, %'),
  minChargeCny: NonNeg(),
  roundingKg: Type.Number({ exclusiveMinimum: 0, description: 'chargeable weight is rounded up to a multiple of this' }),
  cutoffHour: Type.Number({ minimum: 0, maximum: 24, description: 'parcels handed in after this local hour leave the next day' }),
  dispatchHours: Type.Array(Type.Number({ minimum: 0, maximum: 24 }), { minItems: 1, description: 'last-mile delivery waves, local hours' }),
});

export const TariffSchema = Type.Object({
  currency: Type.Literal('CNY'),
  timeZoneOffsetH: Type.Number({ minimum: -12, maximum: 14 }),
  volumetricDivisorCm3PerKg: Type.Number({ exclusiveMinimum: 0 }),
  firstMile: Type.Object({ cnyPerParcel: NonNeg(), cnyPerKg: NonNeg(), hours: NonNeg() }),
  lastMile: Type.Object({ cnyPerParcel: NonNeg(), cnyPerKg: NonNeg() }),
  fuelSurchargePctByMode: Type.Object(Object.fromEntries(MODES.map((m) => [m, NonNeg()])) as Record<(typeof MODES)[number], ReturnType<typeof NonNeg>>),
  insurance: Type.Object({ ratePct: NonNeg(), minCny: NonNeg() }),
  remote: Type.Array(Type.Object({ provinces: Type.Array(Type.String({ minLength: 1 })), label: Type.String(), cnyPerParcel: NonNeg(), cnyPerKg: NonNeg() })),
  international: Type.Object({ customsDays: NonNeg(), clearanceCnyPerParcel: NonNeg(), lastMileCnyPerParcel: NonNeg(), lastMileCnyPerKg: NonNeg() }),
  maxWeightKg: Type.Number({ exclusiveMinimum: 0 }),
  maxSideCm: Type.Number({ exclusiveMinimum: 0 }),
  services: Type.Array(ServiceSchema, { minItems: 1 }),
});

export type Tariff = Static<typeof TariffSchema>;
export type Service = Static<typeof ServiceSchema>;

/** Checks a tariff object; the first problem becomes a DataError naming its JSON path. */
export function validateTariff(raw: unknown, file = 'tariff.json'): Tariff {
  const { $comment: _c, ...rest } = (raw ?? {}) as Record<string, unknown>;
  const err = Value.Errors(TariffSchema, rest).First();
  if (err) throw new DataError(file, undefined, err.path || '/', err.message);
  const t = rest as unknown as Tariff;
  const ids = new Set<string>();
  t.services.forEach((s, i) => {
    if (ids.has(s.id)) throw new DataError(file, undefined, `/services/${i}/id`, `service "${s.id}" is listed twice`);
    ids.add(s.id);
  });
  return t;
}

export function loadTariff(file: string): Tariff {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new DataError(file, undefined, undefined, (e as Error).message);
  }
  return validateTariff(raw, file);
}
