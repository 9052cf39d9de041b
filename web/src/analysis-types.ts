// Shapes of the analysis API answers the Analysis view reads (POST /api/flywheel jobs, /api/scenarios).
// The flywheel report and the comparison are src/'s own types (type-only imports, erased from the bundle);
// the scenario list and detail are reshaped by the route (runs without their result), so they stay here.
import type { PeriodBand } from '../../src/savings/bands.js';
import type { FlywheelJobResult } from '../../src/pipeline/flywheel-job.js';

export type { Attribution, FlywheelPeriod } from '../../src/savings/flywheel.js';
export type { Band, PeriodBand } from '../../src/savings/bands.js';
export type { AssumptionRow } from '../../src/savings/params.js';
export type { AnalysisKpis } from '../../src/pipeline/analysis-kpis.js';
export type { KpiDifference } from '../../src/store/compare.js';
/** GET /api/scenarios/compare. */
export type { ScenarioComparison as Comparison } from '../../src/store/compare.js';

/** Figures that carry a band over seeds. */
export type BandedKey = Exclude<keyof PeriodBand, 'period'>;

/** A flywheel report as the job returns it (bands over seeds, KPIs). */
export type FlywheelResult = FlywheelJobResult;

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
