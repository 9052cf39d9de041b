import { Type, type Static } from '@sinclair/typebox';

const Mode = Type.Union([Type.Literal('road'), Type.Literal('rail'), Type.Literal('air'), Type.Literal('sea')]);
const NonNegRecord = (description: string) => Type.Record(Type.String(), Type.Number({ minimum: 0 }), { description });

const OdSchema = Type.Object(
  {
    from: Type.String({ minLength: 1, description: 'origin city id' }),
    to: Type.String({ minLength: 1, description: 'destination city id' }),
    kgPerDay: Type.Number({ minimum: 0 }),
  },
  { additionalProperties: false },
);

const SyntheticSchema = Type.Object(
  {
    synthetic: Type.Object(
      {
        seed: Type.Optional(Type.Integer({ description: 'seed of the noise on the gravity split (default 1)' })),
        scale: Type.Optional(Type.Number({ minimum: 0, description: 'multiplies the national total (default 1)' })),
        meanParcelKg: Type.Optional(Type.Number({ exclusiveMinimum: 0, description: 'ASSUMED mean parcel weight (default 0.5 kg)' })),
        distanceDecay: Type.Optional(Type.Number({ minimum: 0, description: 'β in population / distance^β (default 1)' })),
        cities: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { minItems: 2, maxItems: 1000, uniqueItems: true, description: 'only these city ids send and receive (default every city)' })),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false, description: 'SYNTHETIC gravity demand from city populations' },
);

const CityTotalsSchema = Type.Object(
  {
    cities: Type.Array(
      Type.Object(
        { city: Type.String({ minLength: 1 }), sendKgPerDay: Type.Number({ minimum: 0 }), receiveKgPerDay: Type.Number({ minimum: 0 }) },
        { additionalProperties: false },
      ),
      { description: 'per-city totals (e.g. a forecast mean or quantile), split into pairs by the gravity model' },
    ),
    seed: Type.Optional(Type.Integer()),
  },
  { additionalProperties: false },
);

export const AllocationRequestSchema = Type.Object(
  {
    demand: Type.Optional(
      Type.Union([Type.Array(OdSchema, { maxItems: 100_000, description: 'OD pairs, kg/day' }), SyntheticSchema, CityTotalsSchema], {
        description: 'given OD pairs, SYNTHETIC gravity demand, or per-city totals; default { synthetic: { seed: 1 } }',
      }),
    ),
    overrides: Type.Optional(
      Type.Object(
        {
          hubCapacityTonnesPerDay: Type.Optional(NonNegRecord('hub id → capacity, tonnes/day')),
          laneCapacityTonnesPerDay: Type.Optional(NonNegRecord('lane id (from~to~mode) → capacity per direction, tonnes/day')),
          closedHubs: Type.Optional(Type.Array(Type.String())),
          closedLanes: Type.Optional(Type.Array(Type.String())),
          forcedOpenHubs: Type.Optional(Type.Array(Type.String(), { description: 'hubs kept open by the mixed-integer model' })),
          modeCostFactor: Type.Optional(Type.Partial(Type.Object({ road: Type.Number({ minimum: 0 }), rail: Type.Number({ minimum: 0 }), air: Type.Number({ minimum: 0 }), sea: Type.Number({ minimum: 0 }) }, { additionalProperties: false }))),
          laneCostFactor: Type.Optional(NonNegRecord('lane id → multiplier of its cost per kg')),
          hubFixedCnyPerDay: Type.Optional(NonNegRecord('hub id → fixed cost when open, CNY/day (mixed-integer model)')),
          laneFixedCnyPerDay: Type.Optional(NonNegRecord('lane id → fixed cost of running the lane (both directions), CNY/day, when options.laneDecisions decides which lanes run')),
          forcedOpenLanes: Type.Optional(Type.Array(Type.String(), { description: 'lanes that must run when options.laneDecisions decides which lanes run (to shut one, list it in closedLanes)' })),
        },
        { additionalProperties: false },
      ),
    ),
    integer: Type.Optional(Type.Boolean({ description: 'decide which hubs to open (mixed-integer, HiGHS); default false (LP)' })),
    backend: Type.Optional(Type.Union([Type.Literal('auto'), Type.Literal('highs'), Type.Literal('jsLpSolver'), Type.Literal('networkSimplex')])),
    options: Type.Optional(
      Type.Object(
        {
          nearestHubs: Type.Optional(Type.Integer({ minimum: 1, maximum: 8 })),
          maxRoutesPerOd: Type.Optional(Type.Integer({ minimum: 1, maximum: 32 })),
          trunkModeSets: Type.Optional(Type.Array(Type.Array(Mode, { minItems: 1 }), { minItems: 1 })),
          unmetPenaltyCnyPerKg: Type.Optional(Type.Number({ exclusiveMinimum: 0 })),
          hubFixedCnyPerTonneCapacity: Type.Optional(Type.Number({ minimum: 0 })),
          laneDecisions: Type.Optional(
            Type.Union([Type.Literal('none'), Type.Literal('linehaul'), Type.Literal('all'), Type.Array(Type.String({ minLength: 1 }), { maxItems: 5_000 })], {
              description:
                'which lanes the mixed-integer model decides to run, each at a fixed cost per day: none (default), linehaul (both ends hubs), all (every lane a candidate route uses) or a list of lane ids',
            }),
          ),
          laneFixedShipmentsPerDay: Type.Optional(
            Type.Number({ minimum: 0, description: 'default fixed cost of a running lane: this many 10 t shipments a day each way at its line-haul cost (ASSUMED 1)' }),
          ),
        },
        { additionalProperties: false },
      ),
    ),
    timeLimitS: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 600 })),
    geojson: Type.Optional(Type.Boolean({ description: 'include GeoJSON of the flows (default true)' })),
    applyCongestion: Type.Optional(Type.Boolean({ description: 'hand the binding capacity prices to the quote engine as congestion surcharges (default false)' })),
  },
  { additionalProperties: false },
);
export type AllocationRequestBody = Static<typeof AllocationRequestSchema>;

export const AllocationResponseSchema = Type.Object(
  {
    status: Type.String(),
    backend: Type.String(),
    objectiveCny: Type.Number(),
    integer: Type.Boolean(),
    demandNote: Type.Optional(Type.String()),
    demandKgPerDay: Type.Number(),
    servedKgPerDay: Type.Number(),
    costs: Type.Unknown({ description: 'CNY/day by component' }),
    lanes: Type.Array(Type.Unknown(), { description: 'kg/day per directed lane' }),
    hubs: Type.Array(Type.Unknown(), { description: 'hub use: used / capacity' }),
    unmet: Type.Array(Type.Unknown(), { description: 'unmet demand per pair, with the reason' }),
    capacityPrices: Type.Array(Type.Unknown(), { description: 'from the LP duals, binding first' }),
    unusedLanes: Type.Array(Type.Unknown(), { description: 'unused trunk lanes and the cost fall that would bring them in' }),
    laneRuns: Type.Optional(Type.Array(Type.Unknown(), { description: 'lanes whose running was decided (options.laneDecisions): run or not, forced, fixed CNY/day, kg/day' })),
    congestion: Type.Record(Type.String(), Type.Number(), { description: 'hub or lane id → CNY/kg (for quotes)' }),
    geojson: Type.Optional(Type.Unknown({ description: 'FeatureCollection of LineStrings (kgPerDay, mode)' })),
  },
  { additionalProperties: true },
);

/** Path parameter of an allocation job. */
export const AllocationJobParamsSchema = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) }, { additionalProperties: false });
export type AllocationJobParams = Static<typeof AllocationJobParamsSchema>;

/** `?respond=`: auto (default: small requests at once, large ones as a job), sync (always wait) or job (always 202). */
export const AllocationQuerySchema = Type.Object(
  { respond: Type.Optional(Type.Union([Type.Literal('auto'), Type.Literal('sync'), Type.Literal('job')])) },
  { additionalProperties: false },
);
export type AllocationQuery = Static<typeof AllocationQuerySchema>;

/** 202 answer: the allocation runs as a job; poll statusUrl. */
export const AllocationAcceptedSchema = Type.Object({
  jobId: Type.String(),
  status: Type.String(),
  statusUrl: Type.String(),
  odPairs: Type.Integer({ description: 'OD pairs with demand' }),
  integer: Type.Boolean(),
});

/** An allocation job: status, progress (phase) and, when done, the allocation. */
export const AllocationJobSchema = Type.Object({
  id: Type.String(),
  status: Type.String({ description: 'queued, running, done, failed or cancelled' }),
  progress: Type.Union([Type.Object({ fraction: Type.Optional(Type.Number()), message: Type.Optional(Type.String()) }, { additionalProperties: true }), Type.Null()]),
  result: Type.Optional(AllocationResponseSchema),
  error: Type.Optional(Type.Object({ name: Type.String(), message: Type.String(), field: Type.Optional(Type.String()) }, { additionalProperties: true })),
  submittedAt: Type.String(),
  startedAt: Type.Optional(Type.String()),
  finishedAt: Type.Optional(Type.String()),
});
