import { Type, type Static } from '@sinclair/typebox';
import { MODES } from '../../network/types.js';
import { OBJECTIVES } from '../../network/paths.js';

export const ModeSchema = Type.Union(MODES.map((m) => Type.Literal(m)), { description: 'transport mode' });

export const PathRequestSchema = Type.Object(
  {
    from: Type.String({ minLength: 1, description: 'origin: city or hub id, English or Chinese name', examples: ['shanghai'] }),
    to: Type.String({ minLength: 1, description: 'destination: city or hub id, English or Chinese name', examples: ['Urumqi'] }),
    objective: Type.Optional(Type.Union(OBJECTIVES.map((o) => Type.Literal(o)), { default: 'cost', description: 'what the path minimises' })),
    weightKg: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 1e7, default: 1, description: 'shipment weight in kg' })),
    modes: Type.Optional(Type.Array(ModeSchema, { minItems: 1, uniqueItems: true, description: 'allowed modes (default all)' })),
  },
  { additionalProperties: false },
);
export type PathRequest = Static<typeof PathRequestSchema>;

const PlaceRef = Type.Object({ id: Type.String(), name: Type.String(), nameZh: Type.String() });

export const PathLegSchema = Type.Object({
  from: Type.String(),
  to: Type.String(),
  fromName: Type.String(),
  toName: Type.String(),
  mode: ModeSchema,
  distanceM: Type.Number(),
  durationS: Type.Number(),
  costCny: Type.Number(),
  co2Kg: Type.Number(),
});

export const PathResponseSchema = Type.Object({
  found: Type.Boolean(),
  reason: Type.Optional(Type.String({ description: 'why no path exists (when found is false)' })),
  objective: Type.String(),
  weightKg: Type.Number(),
  modes: Type.Array(ModeSchema),
  from: PlaceRef,
  to: PlaceRef,
  legs: Type.Array(PathLegSchema),
  totals: Type.Union([
    Type.Object({ distanceM: Type.Number(), durationS: Type.Number(), costCny: Type.Number(), co2Kg: Type.Number(), legs: Type.Integer() }),
    Type.Null(),
  ]),
  geometry: Type.Union([
    Type.Object({ type: Type.Literal('LineString'), coordinates: Type.Array(Type.Array(Type.Number())) }),
    Type.Null(),
  ]),
});
