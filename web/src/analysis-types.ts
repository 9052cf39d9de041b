// Shapes of the analysis API answers the Analysis view reads (POST /api/flywheel jobs, /api/scenarios).

/** Saving split into components, CNY (sums to totalCny). */
export interface Attribution {
  forecastingCny: number;
  allocationCny: number;
  routingCny: number;
  totalCny: number;
}

/** One week of a flywheel report. */
export interface FlywheelPeriod {
  period: number;
  merchants: number;
  parcels: number;
  forecastErrorPct: number;
  forecastErrorPctBaseline: number;
  costPerParcelBaselineCny: number;
  costPerParcelOptimisedCny: number;
  priceCny: number;
  baselinePriceCny: number;
  cumulativeSavingsCny: number;
  attribution: Attribution;
}

/** Min / median / max over seeds. */
export interface Band {
  min: number;
  median: number;
  max: number;
}

/** Figures that carry a band over seeds. */
export type BandedKey = 'merchants' | 'parcels' | 'forecastErrorPct' | 'costPerParcelBaselineCny' | 'costPerParcelOptimisedCny' | 'priceCny' | 'cumulativeSavingsCny';

/** Per-period bands over seeds. */
export type PeriodBand = { period: number } & Record<BandedKey, Band>;

/** One row of the assumptions table. */
export interface AssumptionRow {
  parameter: string;
  value: number | string | null;
  source: string;
}

/** Headline numbers of a result (what the scenario comparison compares). */
export interface AnalysisKpis {
  costPerParcelBaselineCny: number;
  costPerParcelOptimisedCny: number;
  savingPct: number;
  cumulativeSavingsCny: number;
  merchantsEnd: number;
  forecastErrorPctMean: number;
  parcels: number;
  forecastingCny: number;
  allocationCny: number;
  routingCny: number;
}

/** A flywheel report as the job returns it. */
export interface FlywheelResult {
  synthetic: true;
  seed: number;
  seeds: number[];
  periods: FlywheelPeriod[];
  attribution: Attribution;
  attributionBySeed: (Attribution & { seed: number })[];
  bands: PeriodBand[];
  assumptions: { table: AssumptionRow[]; cities: string[]; switches: Record<string, boolean>; notes: string[] };
  kpis: AnalysisKpis;
  timings: { totalS?: number };
}

/** Job status values. */
export type JobStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

/** GET /api/flywheel/jobs/:id. */
export interface FlywheelJob {
  id: string;
  status: JobStatus;
  progress: { fraction?: number; iteration?: number; message?: string } | null;
  error?: { name: string; message: string; field?: string };
  result?: FlywheelResult;
}

/** The body of POST /api/flywheel; a scenario's inputs are the same without `seed`. */
export interface FlywheelBody {
  periods: number;
  seed: number;
  seeds: number;
  params: Record<string, number | string | string[]>;
  off?: string[];
}

/** A run of a scenario without its result. */
export interface RunSummary {
  id: string;
  scenarioId: string;
  status: JobStatus;
  progress: number;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}

/** A stored scenario (with its newest run in lists). */
export interface ScenarioItem {
  id: string;
  name: string;
  kind: string;
  inputs: Record<string, unknown>;
  seed: number;
  createdAt: string;
  latestRun?: RunSummary | null;
}

/** GET /api/scenarios/:id. */
export interface ScenarioDetail {
  scenario: ScenarioItem;
  runs: RunSummary[];
  latestResult: { runId: string; finishedAt: string | null; result: FlywheelResult } | null;
}

/** One KPI of a comparison. */
export interface KpiDifference {
  name: string;
  a: number | null;
  b: number | null;
  diff: number | null;
  diffPct: number | null;
}

/** GET /api/scenarios/compare. */
export interface Comparison {
  a: { scenarioId: string; name: string; runId: string };
  b: { scenarioId: string; name: string; runId: string };
  kpis: KpiDifference[];
}
