import { Type, type Static } from '@sinclair/typebox';
import { MAX_API_PERIODS, MAX_API_SEEDS } from '../../pipeline/analysis-request.js';
import { AssumptionsSchema, AttributionSchema, KpisSchema, LooseObject, OffSchema, ParamsOverridesSchema } from './savings.js';

const Num = Type.Number();

/** POST /api/flywheel body (a `flywheel` scenario's inputs are the same without `seed`). */
export const FlywheelRequestSchema = Type.Object(
  {
    periods: Type.Integer({ minimum: 1, maximum: MAX_API_PERIODS, description: 'weeks to run' }),
    seed: Type.Optional(Type.Integer({ minimum: 0, maximum: 2 ** 31 - 1, default: 1 })),
    seeds: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_API_SEEDS, default: 1, description: 'runs with seeds seed, seed+1, …; bands are min/median/max over them' })),
    params: Type.Optional(ParamsOverridesSchema),
    cities: Type.Optional(Type.Integer({ minimum: 2, description: 'the n most populous cities take part (same as params.cities)' })),
    off: Type.Optional(OffSchema),
  },
  { additionalProperties: false },
);
export type FlywheelRequestBody = Static<typeof FlywheelRequestSchema>;

/** 202 answer of POST /api/flywheel. */
export const FlywheelAcceptedSchema = Type.Object({ jobId: Type.String(), status: Type.String(), statusUrl: Type.String() });

/** One period of a flywheel report. */
export const FlywheelPeriodSchema = Type.Object(
  {
    period: Type.Integer(),
    merchants: Num,
    parcels: Num,
    forecastErrorPct: Num,
    forecastErrorPctBaseline: Num,
    costPerParcelBaselineCny: Num,
    costPerParcelOptimisedCny: Num,
    priceCny: Num,
    baselinePriceCny: Num,
    cumulativeSavingsCny: Num,
    combosCnyPerParcel: Type.Record(Type.String(), Num),
    attribution: AttributionSchema,
  },
  { additionalProperties: true },
);

/** A flywheel report (the first seed's periods and attribution; bands over all seeds). */
export const FlywheelReportSchema = Type.Object(
  {
    synthetic: Type.Literal(true),
    seed: Type.Integer(),
    seeds: Type.Array(Type.Integer()),
    periods: Type.Array(FlywheelPeriodSchema),
    attribution: AttributionSchema,
    attributionBySeed: Type.Array(LooseObject),
    bands: Type.Array(LooseObject, { description: 'per period: min / median / max over seeds of merchants, parcels, forecastErrorPct, both costs, price, cumulative savings' }),
    assumptions: AssumptionsSchema,
    kpis: KpisSchema,
    timings: LooseObject,
  },
  { additionalProperties: true },
);

const Progress = Type.Union([Type.Object({ fraction: Type.Optional(Num), iteration: Type.Optional(Num), message: Type.Optional(Type.String()) }), Type.Null()]);
const JobError = Type.Object({ name: Type.String(), message: Type.String(), field: Type.Optional(Type.String()) });

/** GET /api/flywheel/jobs/:id. */
export const FlywheelJobSchema = Type.Object({
  id: Type.String(),
  status: Type.Union(['queued', 'running', 'done', 'failed', 'cancelled'].map((s) => Type.Literal(s))),
  progress: Progress,
  submittedAt: Type.String(),
  startedAt: Type.Optional(Type.String()),
  finishedAt: Type.Optional(Type.String()),
  error: Type.Optional(JobError),
  result: Type.Optional(FlywheelReportSchema),
});

export const JobParamsSchema = Type.Object({ id: Type.String() });
export type JobParams = Static<typeof JobParamsSchema>;
