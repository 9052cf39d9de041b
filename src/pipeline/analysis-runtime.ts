/**
 * What the savings, flywheel and scenario routes share in one process: a job
 * runner with the `flywheel` and `savings` kinds, the scenario store (opened
 * on first use, so an app that never touches scenarios creates no file), and
 * the trackers mirroring jobs into stored runs. `close()` cancels the jobs,
 * lets the trackers record the outcome, then closes the store.
 */
import { ThreadJobRunner, THREAD_RUNNER_DEFAULTS } from '../jobs/index.js';
import { openStore, trackJobInRun, type ScenarioStore } from '../store/index.js';

/** Job kind of a flywheel run. */
export const FLYWHEEL_JOB_KIND = 'flywheel';
/** Job kind of a one-period comparison. */
export const SAVINGS_JOB_KIND = 'savings';

/** Where the runtime finds the network and keeps the scenarios. */
export interface AnalysisRuntimeOptions {
  /** Network data folder (loaded by the job workers). */
  dataDir: string;
  /** State directory of the scenario store (default HUBFLOW_STATE_DIR, else `.hubflow/`); `:memory:` keeps it in memory. */
  stateDir?: string;
  /** An already open store (tests); the runtime then does not close it. */
  store?: ScenarioStore;
  /** Worker threads (default: HUBFLOW_JOB_WORKERS, else at least 2, so a one-week comparison does not wait behind a long flywheel). */
  workers?: number;
  /** Minimum interval between progress writes of a tracked run, ms (default 1000). */
  progressIntervalMs?: number;
  /** The app's shared job runner; its owner closes it. Without one the runtime starts its own. */
  jobs?: ThreadJobRunner;
}

/** HUBFLOW_JOB_WORKERS as a positive integer, or undefined when unset or invalid. */
function workersFromEnv(): number | undefined {
  const n = Number(process.env.HUBFLOW_JOB_WORKERS);
  return Number.isInteger(n) && n >= 1 ? n : undefined;
}

/** Worker threads of the app's job runner: HUBFLOW_JOB_WORKERS, else at least 2, so a short job does not wait behind a long one. */
export function defaultJobWorkers(): number {
  return workersFromEnv() ?? Math.max(2, THREAD_RUNNER_DEFAULTS.workers);
}

/** Job runner, store and run trackers of the analysis routes. */
export class AnalysisRuntime {
  readonly dataDir: string;
  private runner?: ThreadJobRunner;
  private opened?: ScenarioStore;
  private readonly ownStore: boolean;
  private readonly trackers = new Set<Promise<unknown>>();
  private closed = false;

  constructor(private readonly opts: AnalysisRuntimeOptions) {
    this.dataDir = opts.dataDir;
    this.opened = opts.store;
    this.ownStore = !opts.store;
  }

  /** The job runner: the shared one given, with this runtime's kinds registered, or its own (started on first use). */
  jobs(): ThreadJobRunner {
    const shared = this.opts.jobs;
    if (shared) {
      if (!shared.kinds().includes(FLYWHEEL_JOB_KIND)) {
        shared.register(FLYWHEEL_JOB_KIND, { module: new URL('./flywheel-job.js', import.meta.url), exportName: 'flywheelJob' });
        shared.register(SAVINGS_JOB_KIND, { module: new URL('./flywheel-job.js', import.meta.url), exportName: 'savingsJob' });
      }
      return shared;
    }
    if (!this.runner) {
      this.runner = new ThreadJobRunner({
        workers: this.opts.workers ?? defaultJobWorkers(),
        handlers: {
          [FLYWHEEL_JOB_KIND]: { module: new URL('./flywheel-job.js', import.meta.url), exportName: 'flywheelJob' },
          [SAVINGS_JOB_KIND]: { module: new URL('./flywheel-job.js', import.meta.url), exportName: 'savingsJob' },
        },
      });
    }
    return this.runner;
  }

  /** The scenario store (opened and migrated on first use). */
  store(): ScenarioStore {
    if (!this.opened) {
      const dir = this.opts.stateDir;
      this.opened = dir === ':memory:' ? openStore({ file: ':memory:' }) : openStore({ dir });
    }
    return this.opened;
  }

  /** Mirrors a job's progress and outcome into a stored run, in the background. */
  track(runId: string, jobId: string): void {
    const t = trackJobInRun(this.store(), this.jobs(), runId, jobId, { progressIntervalMs: this.opts.progressIntervalMs }).catch(() => undefined);
    this.trackers.add(t);
    void t.finally(() => this.trackers.delete(t));
  }

  /** Cancels running jobs (their runs end 'cancelled'), then closes the store. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.runner?.close();
    await Promise.allSettled([...this.trackers]);
    if (this.ownStore) await this.opened?.close();
  }
}
