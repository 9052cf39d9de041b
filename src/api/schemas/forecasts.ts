import { Type, type Static } from '@sinclair/typebox';

/** Body of POST /api/forecasts (ranges are checked again in src/pipeline/forecast-request.ts, which names the field). */
export const ForecastRequestSchema = Type.Object(
  {
    cities: Type.Optional(
      Type.Array(Type.String(), { minItems: 1, description: 'city ids or names (English or Chinese); leave out for every city of the network', examples: [['hangzhou', 'yiwu']] }),
    ),
    horizonDays: Type.Integer({ minimum: 1, maximum: 366, description: 'days to forecast after the end of the history', examples: [28] }),
    model: Type.Optional(Type.String({ description: 'auto (default) or a model name: naive, snaive, naive2, ses, holt, damped, theta, ets, croston, tsb', examples: ['auto'] })),
    levels: Type.Optional(Type.Array(Type.Number(), { minItems: 1, maxItems: 5, description: 'interval levels in percent, each in (0, 100); default [80, 95]', examples: [[80, 95]] })),
    seed: Type.Optional(Type.Integer({ minimum: 0, maximum: 4294967295, description: 'seed of the SYNTHETIC demand history (default 1)' })),
    historyDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 731, description: 'days of history returned before the forecast (default 90)' })),
  },
  { additionalProperties: false },
);
export type ForecastRequestBody = Static<typeof ForecastRequestSchema>;

const Num = Type.Number();
const NullableNum = Type.Union([Type.Number(), Type.Null()]);

const IntervalSchema = Type.Object({ lo: Type.Array(Num), hi: Type.Array(Num) });

const BacktestSchema = Type.Object({
  smape: NullableNum,
  mase: NullableNum,
  msis: NullableNum,
  coverage: Type.Number({ description: 'share of held-out days inside the interval at `level` (0..1)' }),
  level: Type.Number(),
  from: Type.String({ description: 'first held-out date' }),
  origins: Type.Integer(),
});

const DirectionSchema = Type.Object({
  historyTail: Type.Array(Num, { description: 'SYNTHETIC parcels/day, the last historyDays days' }),
  forecast: Type.Object({
    mean: Type.Array(Num, { description: 'parcels/day for each horizon date' }),
    intervals: Type.Record(Type.String(), IntervalSchema, { description: 'keyed by level ("80", "95")' }),
  }),
  model: Type.String(),
  fallback: Type.Optional(Type.String()),
  backtest: BacktestSchema,
});

const CitySchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  nameZh: Type.String(),
  province: Type.String(),
  provinceZh: Type.String(),
  population: Type.Number(),
  lon: Type.Number(),
  lat: Type.Number(),
  origin: DirectionSchema,
  destination: DirectionSchema,
});

const TotalSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  nameZh: Type.String(),
  cities: Type.Integer(),
  origin: DirectionSchema,
  destination: DirectionSchema,
});

/** The answer of POST /api/forecasts (200) and the `result` of a finished forecast job. */
export const DemandForecastSchema = Type.Object({
  synthetic: Type.Literal(true),
  note: Type.String(),
  seed: Type.Integer(),
  model: Type.String(),
  horizonDays: Type.Integer(),
  levels: Type.Array(Num),
  historyDays: Type.Integer(),
  fitDays: Type.Integer(),
  dates: Type.Array(Type.String(), { description: 'historyDays history dates, then horizonDays forecast dates' }),
  cities: Type.Array(CitySchema),
  provinces: Type.Array(TotalSchema),
  national: TotalSchema,
  method: Type.Object({ totals: Type.String(), backtest: Type.String() }),
});

/** 202: the forecast runs as a job. */
export const ForecastJobAcceptedSchema = Type.Object({
  jobId: Type.String(),
  status: Type.String(),
  statusUrl: Type.String(),
  series: Type.Integer({ description: 'series to compute (2 per city not already cached)' }),
});

/** GET /api/forecasts/jobs/:id. */
export const ForecastJobSchema = Type.Object({
  id: Type.String(),
  status: Type.Union(['queued', 'running', 'done', 'failed', 'cancelled'].map((s) => Type.Literal(s))),
  progress: Type.Union([
    Type.Object({ fraction: Type.Optional(Num), iteration: Type.Optional(Num), message: Type.Optional(Type.String()) }),
    Type.Null(),
  ]),
  submittedAt: Type.String(),
  startedAt: Type.Optional(Type.String()),
  finishedAt: Type.Optional(Type.String()),
  error: Type.Optional(Type.Object({ name: Type.String(), message: Type.String(), field: Type.Optional(Type.String()) })),
  result: Type.Optional(DemandForecastSchema),
});

export const ForecastJobParamsSchema = Type.Object({ id: Type.String() });
export type ForecastJobParams = Static<typeof ForecastJobParamsSchema>;
