import { Type, type Static } from '@sinclair/typebox';

const Location = Type.Union(
  [
    Type.String({ minLength: 1, description: 'city or hub id, English or Chinese name' }),
    Type.Array(Type.Number(), { minItems: 2, maxItems: 2, description: '[lon, lat], snapped to the nearest city or eHub' }),
  ],
  { examples: ['hangzhou'] },
);

export const QuoteRequestSchema = Type.Object(
  {
    origin: Location,
    destination: Location,
    weightKg: Type.Number({ exclusiveMinimum: 0, description: 'actual weight, kg', examples: [1.2] }),
    lengthCm: Type.Optional(Type.Number({ exclusiveMinimum: 0 })),
    widthCm: Type.Optional(Type.Number({ exclusiveMinimum: 0 })),
    heightCm: Type.Optional(Type.Number({ exclusiveMinimum: 0 })),
    declaredValueCny: Type.Optional(Type.Number({ minimum: 0, description: 'insured value' })),
    service: Type.Optional(Type.String({ description: 'a service id from data/tariff.json, or "all" (default)' })),
    shipAt: Type.Optional(Type.String({ description: 'ISO 8601 hand-in time (default: now)' })),
  },
  { additionalProperties: false },
);
export type QuoteRequestBody = Static<typeof QuoteRequestSchema>;

export const BatchRequestSchema = Type.Object(
  { rows: Type.Array(Type.Unknown(), { maxItems: 10_000, description: 'quote requests; each row is checked on its own' }) },
  { additionalProperties: false },
);
export type BatchRequestBody = Static<typeof BatchRequestSchema>;

const PlaceSummarySchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  nameZh: Type.String(),
  snappedFromM: Type.Optional(Type.Number({ description: 'distance from the given coordinate to this place' })),
});

const BreakdownLineSchema = Type.Object({
  component: Type.String({ description: 'firstMile, lineHaul, sorting, lastMile, customs, fuel, remote, insurance, congestion, margin or minimumCharge' }),
  amountCny: Type.Number(),
  detail: Type.String(),
});

const QuoteOptionSchema = Type.Object({
  service: Type.String(),
  label: Type.String(),
  description: Type.String(),
  priceCny: Type.Number(),
  costCny: Type.Number({ description: 'cost before margin' }),
  currency: Type.Literal('CNY'),
  breakdown: Type.Array(BreakdownLineSchema),
  chargeableWeightKg: Type.Number(),
  weightBasis: Type.Union([Type.Literal('actual'), Type.Literal('volumetric')]),
  transitDays: Type.Integer(),
  deliveryDate: Type.String({ description: 'YYYY-MM-DD, China Standard Time' }),
  departAt: Type.String(),
  arriveAt: Type.String(),
  co2Kg: Type.Number(),
  path: Type.Object({
    hubs: Type.Array(Type.String(), { description: 'names of the hubs passed' }),
    hubIds: Type.Array(Type.String()),
    modes: Type.Array(Type.String()),
    distanceM: Type.Number(),
    durationS: Type.Number(),
    legs: Type.Array(Type.Object({ from: Type.String(), to: Type.String(), mode: Type.String(), distanceM: Type.Number(), durationS: Type.Number() })),
    geometry: Type.Optional(Type.Object({ type: Type.Literal('LineString'), coordinates: Type.Array(Type.Array(Type.Number())) })),
  }),
  tags: Type.Array(Type.String({ description: 'cheapest, fastest, lowestCo2' })),
});

/** The response of POST /api/quotes; also lets Fastify serialise it with a compiled serializer. */
export const QuoteResultSchema = Type.Object({
  origin: PlaceSummarySchema,
  destination: PlaceSummarySchema,
  actualWeightKg: Type.Number(),
  volumetricWeightKg: Type.Union([Type.Number(), Type.Null()]),
  options: Type.Array(QuoteOptionSchema),
  unavailable: Type.Array(Type.Object({ service: Type.String(), reason: Type.String() })),
});
