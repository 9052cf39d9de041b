import { Type, type Static } from '@sinclair/typebox';

const LonLat = Type.Array(Type.Number(), { minItems: 2, maxItems: 2, description: '[lon, lat]' });
const Weight = Type.Optional(Type.Union([Type.Literal('time'), Type.Literal('distance')], { default: 'time', description: 'fastest (time) or shortest (distance)' }));
const GraphName = Type.Optional(Type.String({ description: 'road graph name from GET /api/roads (default: the first)' }));

export const RoadRouteRequestSchema = Type.Object(
  { from: LonLat, to: LonLat, weight: Weight, graph: GraphName },
  { additionalProperties: false },
);
export type RoadRouteRequest = Static<typeof RoadRouteRequestSchema>;

export const RoadMatrixRequestSchema = Type.Object(
  {
    points: Type.Array(LonLat, { minItems: 1, description: 'sources (and targets when targets is absent)' }),
    targets: Type.Optional(Type.Array(LonLat, { minItems: 1 })),
    weight: Weight,
    graph: GraphName,
  },
  { additionalProperties: false },
);
export type RoadMatrixRequest = Static<typeof RoadMatrixRequestSchema>;
