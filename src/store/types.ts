/**
 * Scenarios and runs: the records the store keeps, and the `ScenarioStore`
 * interface every backend implements.
 *
 * A scenario is a named, immutable set of inputs plus a seed; only its name
 * can change, so any run is reproducible from the scenario it points to.
 * A run is one execution of a scenario (typically a job from src/jobs), with
 * its status, progress and JSON result.
 */

/** Kinds of scenario the store accepts. Add a kind here; the schema does not restrict it. */
export const SCENARIO_KINDS = ['flywheel', 'savings', 'allocation', 'vrp'] as const;
/** One of SCENARIO_KINDS. */
export type ScenarioKind = (typeof SCENARIO_KINDS)[number];

/** Run lifecycle: queued → running → done | failed | cancelled (a run can also finish straight from queued). */
export const RUN_STATUSES = ['queued', 'running', 'done', 'failed', 'cancelled'] as const;
/** One of RUN_STATUSES. */
export type RunStatus = (typeof RUN_STATUSES)[number];
/** The statuses a run ends in; a finished run cannot change again. */
export const FINAL_RUN_STATUSES: readonly RunStatus[] = ['done', 'failed', 'cancelled'];

/** Any JSON object (the store parses and serialises it; numbers must be finite). */
export type JsonObject = { [key: string]: unknown };

/** A named, immutable set of inputs and a seed. */
export interface Scenario {
  id: string;
  name: string;
  kind: ScenarioKind;
  /** Parameters, hub capacities, closed hubs/lanes, fleet…: whatever the kind's stage reads. */
  inputs: JsonObject;
  /** Seed for every random choice of a run (non-negative safe integer). */
  seed: number;
  /** ISO 8601, UTC. */
  createdAt: string;
  /** ISO 8601, UTC; changes on rename. */
  updatedAt: string;
}

/** One execution of a scenario. */
export interface Run {
  id: string;
  scenarioId: string;
  status: RunStatus;
  /** 0..1. */
  progress: number;
  /** JSON result; by convention holds `kpis: { name: number }` that `compare` reads. */
  result: JsonObject | null;
  /** Error message when status is 'failed'. */
  error: string | null;
  /** The job (src/jobs) executing this run, if any: lets a route cancel a run or show live progress. */
  jobId: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

/** What a caller gives to create a scenario (validated by the store). */
export interface NewScenario {
  name: string;
  kind: string;
  inputs: unknown;
  /** Default 1. */
  seed?: number;
}

/** Paging: limit 1..500 (default 50), offset ≥ 0 (default 0). */
export interface PageOptions {
  limit?: number;
  offset?: number;
}

/** Paging plus an optional kind filter. */
export interface ScenarioListOptions extends PageOptions {
  kind?: string;
}

/** One page of a list, newest first, with the total count for the filter. */
export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

/** How a run ends. */
export type RunOutcome =
  | { status: 'done'; result: unknown }
  | { status: 'failed'; error: string }
  | { status: 'cancelled'; error?: string };

/**
 * The one seam between callers (API routes, CLI, flywheel) and storage.
 *
 * Every method is asynchronous even though the SQLite default is synchronous,
 * so a PostgreSQL implementation (for example with `pg`, JSONB columns and the
 * same numbered migrations) can replace it without touching callers: it would
 * implement this interface and be returned by `openStore` when configured.
 *
 * Errors: bad input → InputError naming the field; unknown id → NotFoundError.
 * Every write is atomic: it completes or leaves nothing behind.
 */
export interface ScenarioStore {
  createScenario(input: NewScenario): Promise<Scenario>;
  getScenario(id: string): Promise<Scenario>;
  listScenarios(options?: ScenarioListOptions): Promise<Page<Scenario>>;
  renameScenario(id: string, name: string): Promise<Scenario>;
  /** Deletes the scenario and all its runs. */
  deleteScenario(id: string): Promise<void>;

  /** A new run of a scenario, status 'queued', progress 0, optionally linked to the job executing it. */
  createRun(scenarioId: string, options?: { jobId?: string }): Promise<Run>;
  /** Sets progress (0..1); a queued run becomes 'running' and gets `startedAt`. */
  updateRunProgress(runId: string, progress: number): Promise<Run>;
  /** Ends a run; 'done' sets progress to 1. A finished run cannot be finished again (InputError). */
  finishRun(runId: string, outcome: RunOutcome): Promise<Run>;
  getRun(id: string): Promise<Run>;
  /** Runs of one scenario, newest first. */
  listRuns(scenarioId: string, options?: PageOptions): Promise<Page<Run>>;
  /** The newest run of a scenario with the given status (default 'done'), or undefined. */
  latestRun(scenarioId: string, status?: RunStatus): Promise<Run | undefined>;

  close(): Promise<void>;
}
