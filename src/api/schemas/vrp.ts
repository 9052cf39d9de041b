import { Type, type Static } from '@sinclair/typebox';

/** Request format: see src/vrp-service/types.ts (the one reference) and /work/notes/vrp-api.md. */
const LonLat = Type.Tuple([Type.Number({ minimum: -180, maximum: 180 }), Type.Number({ minimum: -90, maximum: 90 })], { description: '[lon, lat]' });
const Seconds = Type.Number({ minimum: 0, description: 'seconds from the planning origin (e.g. midnight)' });
const Window = Type.Tuple([Seconds, Seconds], { description: '[open, close] of the start of service' });
const Amounts = Type.Union([
  Type.Object(
    { kg: Type.Optional(Type.Number({ minimum: 0 })), m3: Type.Optional(Type.Number({ minimum: 0 })), parcels: Type.Optional(Type.Number({ minimum: 0 })) },
    { additionalProperties: false },
  ),
  Type.Array(Type.Number({ minimum: 0 }), { minItems: 1, maxItems: 8 }),
]);
const Skills = Type.Array(Type.String({ minLength: 1 }), { maxItems: 32 });

const StopSchema = Type.Object(
  {
    id: Type.String({ minLength: 1 }),
    location: Type.Optional(LonLat),
    locationIndex: Type.Optional(Type.Integer({ minimum: 0, description: 'index into matrix (when a matrix is given)' })),
    demand: Type.Optional(Amounts),
    serviceS: Type.Optional(Type.Number({ minimum: 0 })),
    timeWindows: Type.Optional(Type.Array(Window, { minItems: 1, description: 'start-of-service windows, sorted and disjoint; service starts in any one of them (waiting for the next is allowed)' })),
    optional: Type.Optional(Type.Boolean({ description: 'may be left out (at penaltyCny, default 0)' })),
    penaltyCny: Type.Optional(Type.Number({ minimum: 0, description: 'cost of leaving the stop out; makes it optional: served only when serving costs less (else unassigned, reason optional-skipped)' })),
    skills: Type.Optional(Skills),
  },
  { additionalProperties: false },
);

const VehicleSchema = Type.Object(
  {
    id: Type.String({ minLength: 1 }),
    start: Type.Optional(LonLat),
    end: Type.Optional(LonLat),
    startIndex: Type.Optional(Type.Integer({ minimum: 0 })),
    endIndex: Type.Optional(Type.Integer({ minimum: 0 })),
    capacity: Amounts,
    shift: Type.Optional(Type.Tuple([Seconds, Seconds])),
    maxDurationS: Type.Optional(Type.Number({ exclusiveMinimum: 0 })),
    maxDistanceM: Type.Optional(Type.Number({ exclusiveMinimum: 0 })),
    skills: Type.Optional(Skills),
    costs: Type.Optional(
      Type.Object(
        { fixedCny: Type.Optional(Type.Number({ minimum: 0 })), perKmCny: Type.Optional(Type.Number({ minimum: 0 })), perHourCny: Type.Optional(Type.Number({ minimum: 0 })) },
        { additionalProperties: false },
      ),
    ),
    count: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000 })),
    break: Type.Optional(Type.Object(
      { durationS: Type.Number({ minimum: 0 }), window: Type.Tuple([Seconds, Seconds], { description: '[start, end]: the break must start in it' }) },
      { additionalProperties: false, description: 'a break (lunch) taken right after a stop or at the depot; a route back by the window start needs none' },
    )),
  },
  { additionalProperties: false },
);

const Matrix = Type.Array(Type.Array(Type.Number({ minimum: 0 })), { minItems: 1 });

export const VrpRequestSchema = Type.Object(
  {
    depot: Type.Optional(LonLat),
    stops: Type.Array(StopSchema, { maxItems: 5000 }),
    vehicles: Type.Array(VehicleSchema, { minItems: 1, maxItems: 1000 }),
    matrix: Type.Optional(Type.Object({ distancesM: Matrix, durationsS: Type.Optional(Matrix) }, { additionalProperties: false })),
    pairs: Type.Optional(
      Type.Array(
        Type.Object({ pickup: Type.String({ minLength: 1 }), delivery: Type.String({ minLength: 1 }) }, { additionalProperties: false }),
        { maxItems: 2500, description: 'pickup-and-delivery pairs (stop ids): same route, pickup first; may be mixed with ordinary stops (deliveries from the depot)' },
      ),
    ),
    options: Type.Optional(
      Type.Object(
        {
          seconds: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 3600 })),
          iterations: Type.Optional(Type.Integer({ minimum: 1 })),
          seed: Type.Optional(Type.Integer()),
          detourFactor: Type.Optional(Type.Number({ minimum: 1, maximum: 5 })),
          speedKmh: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 200 })),
          roads: Type.Optional(Type.Boolean({ description: 'use a road graph when every point lies in one (default true)' })),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
export type VrpRequestBody = Static<typeof VrpRequestSchema>;

export const VrpEvaluateSchema = Type.Object(
  {
    problem: VrpRequestSchema,
    routes: Type.Array(
      Type.Object({ vehicle: Type.String({ description: 'vehicle id, or id#k for the k-th of its count' }), stops: Type.Array(Type.String()) }, { additionalProperties: false }),
    ),
  },
  { additionalProperties: false },
);
export type VrpEvaluateBody = Static<typeof VrpEvaluateSchema>;

const Cost = Type.Object({ fixedCny: Type.Number(), distanceCny: Type.Number(), timeCny: Type.Number(), totalCny: Type.Number() });
const Step = Type.Object({
  type: Type.String({ description: 'start, stop, break or end (a break: serviceStartS = its start, departureS = its end)' }),
  id: Type.Optional(Type.String()),
  location: Type.Union([LonLat, Type.Null()]),
  arrivalS: Type.Number(),
  serviceStartS: Type.Optional(Type.Number()),
  departureS: Type.Number(),
  waitingS: Type.Number(),
  load: Type.Array(Type.Number(), { description: 'on board after the step, per dimension' }),
  late: Type.Optional(Type.Boolean()),
  timeWindow: Type.Optional(Type.Tuple([Type.Number(), Type.Number()], { description: 'the window the service was planned in (stops with a window)' })),
  slackS: Type.Optional(Type.Number({ description: 'forward time slack: how much later service could start without missing a later window or the shift end; absent when unlimited' })),
  binding: Type.Optional(Type.Boolean({ description: "the stop's own window closes as its service starts" })),
  distanceFromPrevM: Type.Number(),
});

export const VrpResultSchema = Type.Object({
  matrixSource: Type.String({ description: 'given, great-circle, or road:<graph name>' }),
  dimensions: Type.Array(Type.String()),
  feasible: Type.Boolean(),
  routes: Type.Array(
    Type.Object({
      vehicle: Type.String(), colour: Type.Integer(), steps: Type.Array(Step),
      distanceM: Type.Number(), durationS: Type.Number(), waitingS: Type.Number(), serviceS: Type.Number(), cost: Cost,
    }),
  ),
  unassigned: Type.Array(Type.Object({ id: Type.String(), reason: Type.String() })),
  violations: Type.Array(Type.Object({ kind: Type.String(), vehicle: Type.Optional(Type.String()), stop: Type.Optional(Type.String()), message: Type.String() })),
  cost: Cost,
  kpis: Type.Object({
    vehiclesUsed: Type.Integer(), stops: Type.Integer(), served: Type.Integer(), unassigned: Type.Integer(), lateStops: Type.Integer(),
    distanceM: Type.Number(), durationS: Type.Number(), waitingS: Type.Number(), costCny: Type.Number(),
  }),
  geojson: Type.Object({ type: Type.String(), features: Type.Array(Type.Unknown()) }, { additionalProperties: true }),
  solver: Type.Optional(Type.Object({ seed: Type.Number(), iterations: Type.Number(), seconds: Type.Number(), cancelled: Type.Optional(Type.Boolean()) })),
});

export const VrpJobParamsSchema = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) }, { additionalProperties: false });
export type VrpJobParams = Static<typeof VrpJobParamsSchema>;

export const VrpJobAcceptedSchema = Type.Object({ jobId: Type.String(), status: Type.String(), statusUrl: Type.String() });

export const VrpJobSchema = Type.Object({
  id: Type.String(),
  status: Type.String({ description: 'queued, running, done, failed or cancelled' }),
  progress: Type.Union([
    Type.Object({ fraction: Type.Optional(Type.Number()), iteration: Type.Optional(Type.Number()), best: Type.Optional(Type.Number({ description: 'best cost so far (CNY, with penalties while infeasible)' })), message: Type.Optional(Type.String()) }),
    Type.Null(),
  ]),
  result: Type.Optional(VrpResultSchema),
  error: Type.Optional(Type.Object({ name: Type.String(), message: Type.String(), field: Type.Optional(Type.String()) }, { additionalProperties: true })),
  submittedAt: Type.String(),
  startedAt: Type.Optional(Type.String()),
  finishedAt: Type.Optional(Type.String()),
});

const SampleInfo = {
  name: Type.String(),
  title: Type.String(),
  description: Type.String(),
  synthetic: Type.Boolean({ description: 'always true: made-up station, stops and fleet' }),
  roadGraph: Type.Optional(Type.String({ description: 'road graph the stops lie on (routes follow its streets)' })),
  stops: Type.Integer(),
  depot: LonLat,
};
export const VrpSampleListSchema = Type.Object({ samples: Type.Array(Type.Object(SampleInfo)) });
export const VrpSampleSchema = Type.Object({
  ...SampleInfo,
  request: Type.Unknown({ description: 'a request for POST /api/vrp (format: VrpRequest)' }),
  stopsCsv: Type.String({ description: 'the stops as CSV: id,lon,lat,kg,serviceMin,twStart,twEnd' }),
});
export const VrpSampleParamsSchema = Type.Object({ name: Type.String({ minLength: 1, maxLength: 50 }) }, { additionalProperties: false });
export type VrpSampleParams = Static<typeof VrpSampleParamsSchema>;
