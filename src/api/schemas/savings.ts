import { Type, type Static, type TObject, type TSchema } from '@sinclair/typebox';
import { COMPONENTS, SAVINGS_DEFAULTS } from '../../savings/index.js';
import { MAX_API_WEEK } from '../../pipeline/analysis-request.js';

const Num = Type.Number();
/** Any JSON object (serialised as is). */
export const LooseObject = Type.Object({}, { additionalProperties: true });

/** Parameter overrides: every parameter of the savings stage, optional; an unknown name is refused (400 naming `params.<name>`). */
export const ParamsOverridesSchema = Type.Object(
  Object.fromEntries(
    Object.entries(SAVINGS_DEFAULTS).map(([k, v]): [string, TSchema] => [
      k,
      Type.Optional(
        Array.isArray(v) ? Type.Array(Type.String()) : typeof v === 'string' ? Type.String() : v === null ? Type.Union([Type.Number(), Type.Null()]) : Type.Number(),
      ),
    ]),
  ),
  { additionalProperties: false, description: 'overrides of the assumptions (see the report\'s assumptions.table for defaults and sources)' },
) as TObject;

/** Components kept at the baseline. */
export const OffSchema = Type.Array(Type.Union(COMPONENTS.map((c) => Type.Literal(c))), {
  description: 'components kept at the baseline (their share of the saving is then zero)',
  maxItems: 3,
});

/** POST /api/savings body (and a `savings` scenario's inputs, without `seed`). */
export const SavingsRequestSchema = Type.Object(
  {
    seed: Type.Optional(Type.Integer({ minimum: 0, maximum: 2 ** 31 - 1, default: 1 })),
    week: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_API_WEEK, default: 1, description: 'week after the history (1 = the first)' })),
    params: Type.Optional(ParamsOverridesSchema),
    cities: Type.Optional(Type.Integer({ minimum: 2, description: 'the n most populous cities take part (same as params.cities)' })),
    off: Type.Optional(OffSchema),
  },
  { additionalProperties: false },
);
export type SavingsRequestBody = Static<typeof SavingsRequestSchema>;

/** Saving split into components, CNY. */
export const AttributionSchema = Type.Object({ forecastingCny: Num, allocationCny: Num, routingCny: Num, totalCny: Num });

/** Headline numbers (what the scenario comparison reads). */
export const KpisSchema = Type.Object(
  {
    costPerParcelBaselineCny: Num,
    costPerParcelOptimisedCny: Num,
    savingPct: Num,
    cumulativeSavingsCny: Num,
    merchantsEnd: Num,
    forecastErrorPctMean: Num,
    parcels: Num,
    forecastingCny: Num,
    allocationCny: Num,
    routingCny: Num,
  },
  { additionalProperties: true },
);

/** Assumptions behind a result: each parameter's value and source. */
export const AssumptionsSchema = Type.Object(
  {
    table: Type.Array(Type.Object({ parameter: Type.String(), value: Type.Union([Type.Number(), Type.String(), Type.Null()]), source: Type.String() })),
    cities: Type.Array(Type.String()),
    switches: Type.Object({ forecasting: Type.Boolean(), allocation: Type.Boolean(), routing: Type.Boolean() }),
    notes: Type.Array(Type.String()),
  },
  { additionalProperties: true },
);

/** POST /api/savings answer. */
export const SavingsReportSchema = Type.Object(
  {
    synthetic: Type.Literal(true),
    seed: Type.Integer(),
    week: Type.Integer(),
    parcels: Num,
    forecastErrorPctBaseline: Num,
    forecastErrorPctOptimised: Num,
    combinations: Type.Array(
      Type.Object({
        forecasting: Type.String(),
        allocation: Type.String(),
        routing: Type.String(),
        costPerParcelCny: Num,
        totalCny: Num,
      }),
    ),
    costPerParcelBaselineCny: Num,
    costPerParcelOptimisedCny: Num,
    savingPct: Num,
    attribution: AttributionSchema,
    assumptions: AssumptionsSchema,
    kpis: KpisSchema,
    seconds: Num,
  },
  { additionalProperties: true },
);
