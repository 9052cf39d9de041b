import { Type, type Static } from '@sinclair/typebox';
import { MAX_PAGE_LIMIT } from '../../store/index.js';
import { LooseObject } from './savings.js';

const Num = Type.Number();
const NullableNum = Type.Union([Type.Number(), Type.Null()]);
const NullableString = Type.Union([Type.String(), Type.Null()]);

/** A stored scenario: a name, a kind, immutable inputs and a seed. */
export const ScenarioSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  kind: Type.String(),
  inputs: LooseObject,
  seed: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

const runFields = {
  id: Type.String(),
  scenarioId: Type.String(),
  status: Type.Union(['queued', 'running', 'done', 'failed', 'cancelled'].map((s) => Type.Literal(s))),
  progress: Num,
  error: NullableString,
  jobId: NullableString,
  createdAt: Type.String(),
  startedAt: NullableString,
  finishedAt: NullableString,
};

/** A run without its result (lists). */
export const RunSummarySchema = Type.Object(runFields);
/** A run with its result (null until done). */
export const RunSchema = Type.Object({ ...runFields, result: Type.Union([LooseObject, Type.Null()]) });

/** GET /api/scenarios query. */
export const ScenarioListQuerySchema = Type.Object(
  {
    kind: Type.Optional(Type.String()),
    limit: Type.Optional(Type.String({ pattern: '^[0-9]{1,9}$', description: `page size, 1..${MAX_PAGE_LIMIT} (default 50)` })),
    offset: Type.Optional(Type.String({ pattern: '^[0-9]{1,9}$', description: 'items to skip (default 0)' })),
  },
  { additionalProperties: false },
);
export type ScenarioListQuery = Static<typeof ScenarioListQuerySchema>;

/** GET /api/scenarios answer: a page, newest first, each scenario with its newest run (or null). */
export const ScenarioListSchema = Type.Object({
  items: Type.Array(Type.Object({ ...ScenarioSchema.properties, latestRun: Type.Union([RunSummarySchema, Type.Null()]) })),
  total: Type.Integer(),
  limit: Type.Integer(),
  offset: Type.Integer(),
});

/** POST /api/scenarios body. */
export const NewScenarioSchema = Type.Object(
  {
    name: Type.String({ minLength: 1 }),
    kind: Type.String({ description: "'flywheel' (inputs as the POST /api/flywheel body without seed) or 'savings' (as POST /api/savings without seed)" }),
    inputs: LooseObject,
    seed: Type.Optional(Type.Integer({ minimum: 0, maximum: 2 ** 31 - 1, default: 1 })),
    fromJob: Type.Optional(
      Type.String({
        minLength: 1,
        description: 'a finished POST /api/flywheel job with exactly these inputs and seed: its report is stored as the first run instead of running again (404 when unknown or expired, 400 when its inputs differ or it is not done)',
      }),
    ),
  },
  { additionalProperties: false },
);
export type NewScenarioBody = Static<typeof NewScenarioSchema>;

/** 201 / 202 answer when a run starts. */
export const RunStartedSchema = Type.Object({
  scenario: ScenarioSchema,
  run: RunSummarySchema,
  scenarioId: Type.String(),
  runId: Type.String(),
  statusUrl: Type.String(),
});

/** GET /api/scenarios/:id answer. */
export const ScenarioDetailSchema = Type.Object({
  scenario: ScenarioSchema,
  runs: Type.Array(RunSummarySchema),
  latestResult: Type.Union([Type.Object({ runId: Type.String(), finishedAt: NullableString, result: LooseObject }), Type.Null()]),
});

export const ScenarioParamsSchema = Type.Object({ id: Type.String() });
export type ScenarioParams = Static<typeof ScenarioParamsSchema>;

/** GET /api/scenarios/compare query. */
export const CompareQuerySchema = Type.Object({ a: Type.String({ minLength: 1 }), b: Type.String({ minLength: 1 }) }, { additionalProperties: false });
export type CompareQuery = Static<typeof CompareQuerySchema>;

const Side = Type.Object({ scenarioId: Type.String(), name: Type.String(), runId: Type.String() });
/** GET /api/scenarios/compare answer: KPIs of both latest finished runs with b − a. */
export const ComparisonSchema = Type.Object({
  a: Side,
  b: Side,
  kpis: Type.Array(Type.Object({ name: Type.String(), a: NullableNum, b: NullableNum, diff: NullableNum, diffPct: NullableNum })),
});
