/**
 * One interface for long work (vehicle-routing solves, flywheel runs, large
 * allocations): submit, watch progress, get the result, cancel.
 */
import type { Progress, ProgressFn } from '../shared/stop.js';

/** queued → running → done | failed | cancelled (a queued job can be cancelled before it starts). */
export type JobStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

/** A job error as it crosses threads (and HTTP): the typed error's class name, message and field. */
export interface JobErrorInfo {
  /** 'InputError', 'InfeasibleError', 'CancelledError', 'Error'… */
  name: string;
  message: string;
  field?: string;
}

/** What a poller sees; JSON-serialisable as is (a thin GET route returns it). */
export interface JobSnapshot {
  id: string;
  kind: string;
  status: JobStatus;
  /** Latest progress the handler reported (throttled), or null before the first report. */
  progress: Progress | null;
  /** The handler's return value when done; a partial result if it returned one after being cancelled. */
  result?: unknown;
  /** Set when failed (and when cancelled: a CancelledError). */
  error?: JobErrorInfo;
  /** ISO 8601, UTC. */
  submittedAt: string;
  startedAt?: string;
  finishedAt?: string;
}

/** Pushed to subscribers: every status change, and every (throttled) progress report. */
export type JobEvent = { type: 'status'; job: JobSnapshot } | { type: 'progress'; jobId: string; kind: string; progress: Progress };

/** Receives job events. */
export type JobListener = (event: JobEvent) => void;

/** What a handler receives besides its input. */
export interface JobContext {
  /** Report progress; throttled before it leaves the worker, so call it as often as convenient. */
  onProgress: ProgressFn;
  /** Aborted on cancel. `signal.aborted` also turns true inside a synchronous loop. */
  signal: AbortSignal;
}

/**
 * A job handler: a function exported by a module that a worker imports. It
 * receives a structured-clone copy of the input and returns a
 * JSON-serialisable result (or throws a typed error from src/shared/errors).
 * It should check `signal.aborted` between iterations (pass it to
 * StopCriterion) and then either throw CancelledError or return its best so far.
 */
export type JobHandler<I = unknown, O = unknown> = (input: I, ctx: JobContext) => O | Promise<O>;

/**
 * Where a handler lives: a module the worker can import, and the export name.
 * Write it relative to the registering module so it works from src/ (under
 * tsx or vitest, `.js` resolves to the `.ts` source) and from dist/:
 * `{ module: new URL('./flywheel-job.js', import.meta.url), exportName: 'flywheelJob' }`.
 */
export interface JobHandlerRef {
  /** A file: URL (or its string) or an absolute path. */
  module: URL | string;
  /** Export name (default 'default'). */
  exportName?: string;
}

/**
 * The seam between callers (API routes, CLI) and whatever executes jobs.
 *
 * `ThreadJobRunner` runs jobs in worker threads on this machine. A deployment
 * that outgrows one machine could implement the same interface with BullMQ on
 * Redis: `submit` → `queue.add(kind, input)` (OverloadedError when the queue
 * is over its limit), `get`/`progress` → `Job.fromId` state and `progress`,
 * `subscribe` → `QueueEvents`, `cancel` → a cancel flag the worker process
 * maps to the same AbortSignal; worker machines would import the same
 * handler modules by their JobHandlerRef. Callers would not change.
 *
 * Errors: unknown kind or uncloneable input → InputError; queue full →
 * OverloadedError (HTTP 503); unknown or expired job id → NotFoundError.
 */
export interface JobRunner {
  /** Queues a job and returns its id at once. */
  submit(kind: string, input: unknown): Promise<string>;
  /** The job's current state, for polling. */
  get(jobId: string): Promise<JobSnapshot>;
  /** Jobs still known (queued, running, or finished within the TTL), oldest first, optionally filtered. */
  list(filter?: { kind?: string; status?: JobStatus }): Promise<JobSnapshot[]>;
  /** The latest progress report (null before the first). */
  progress(jobId: string): Promise<Progress | null>;
  /** Waits for the job to finish: resolves with its result, or rejects with its (typed) error; CancelledError if cancelled. */
  result(jobId: string): Promise<unknown>;
  /** Cancels a queued or running job; resolves once it has stopped. Finished jobs are left as they are. */
  cancel(jobId: string): Promise<JobSnapshot>;
  /** Listens to events of one job (or of all jobs when `jobId` is omitted). Returns an unsubscribe function. */
  subscribe(listener: JobListener, jobId?: string): () => void;
  /** Cancels everything and releases workers. */
  close(): Promise<void>;
}
