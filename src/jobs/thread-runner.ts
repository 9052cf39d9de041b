/**
 * `JobRunner` on one machine: a bounded pool of worker threads and a bounded
 * FIFO queue. Finished jobs are kept for a TTL, then dropped.
 */
import { randomUUID } from 'node:crypto';
import type { Worker } from 'node:worker_threads';
import { CancelledError, InputError, NotFoundError, OverloadedError } from '../shared/errors.js';
import type { Progress } from '../shared/stop.js';
import { fromErrorInfo, type FromWorker, type ToWorker } from './protocol.js';
import { resolveHandler, resolveRunnerOptions, type ResolvedHandler, type ResolvedRunnerOptions, type ThreadRunnerOptions } from './runner-options.js';
import { spawnJobWorker } from './spawn-worker.js';
import type { JobErrorInfo, JobEvent, JobHandlerRef, JobListener, JobRunner, JobSnapshot, JobStatus } from './types.js';

interface Job {
  id: string;
  kind: string;
  input: unknown;
  status: JobStatus;
  progress: Progress | null;
  result?: unknown;
  error?: JobErrorInfo;
  submittedAt: string;
  startedAt?: string;
  finishedAt?: string;
  slot?: Slot;
  cancelTimer?: ReturnType<typeof setTimeout>;
  waiters: (() => void)[];
}

interface Slot {
  worker: Worker;
  flag: Int32Array;
  job?: Job;
  idleTimer?: ReturnType<typeof setTimeout>;
  retired: boolean;
}

/** Runs jobs in a bounded pool of worker threads. */
export class ThreadJobRunner implements JobRunner {
  private readonly opts: ResolvedRunnerOptions;
  private readonly handlers = new Map<string, ResolvedHandler>();
  private readonly jobs = new Map<string, Job>();
  private readonly queue: Job[] = [];
  private readonly slots: Slot[] = [];
  private readonly listeners = new Set<{ listener: JobListener; jobId?: string }>();
  private needsTsx = false;
  private closed = false;

  constructor(options: ThreadRunnerOptions = {}) {
    const { handlers, ...rest } = options;
    this.opts = resolveRunnerOptions(rest);
    for (const [kind, ref] of Object.entries(handlers ?? {})) this.register(kind, ref);
  }

  /** Registers the handler of a kind. The module must exist (as .js, or as .ts under tsx). */
  register(kind: string, ref: JobHandlerRef): void {
    const handler = resolveHandler(kind, ref);
    this.needsTsx ||= handler.tsx;
    this.handlers.set(kind, handler);
  }

  /** Registered kinds. */
  kinds(): string[] {
    return [...this.handlers.keys()];
  }

  async submit(kind: string, input: unknown): Promise<string> {
    if (this.closed) throw new OverloadedError('jobs: the runner is closed');
    if (!this.handlers.has(kind)) throw new InputError(`jobs: unknown job kind ${JSON.stringify(kind)} (known: ${this.kinds().join(', ')})`, 'kind');
    if (this.queue.length >= this.opts.maxQueued) {
      throw new OverloadedError(`jobs: ${this.queue.length} jobs are already waiting; try again later`);
    }
    let copy: unknown;
    try {
      copy = structuredClone(input); // a snapshot: later changes by the caller do not leak in
    } catch (err) {
      throw new InputError(`jobs: input cannot be sent to a worker (${(err as Error).message})`, 'input');
    }
    const job: Job = { id: randomUUID(), kind, input: copy, status: 'queued', progress: null, submittedAt: new Date().toISOString(), waiters: [] };
    this.jobs.set(job.id, job);
    this.queue.push(job);
    this.emitStatus(job);
    this.dispatch();
    return job.id;
  }

  async get(jobId: string): Promise<JobSnapshot> {
    return this.snapshot(this.job(jobId));
  }

  async list(filter: { kind?: string; status?: JobStatus } = {}): Promise<JobSnapshot[]> {
    const out: JobSnapshot[] = [];
    for (const job of this.jobs.values()) {
      if (filter.kind !== undefined && job.kind !== filter.kind) continue;
      if (filter.status !== undefined && job.status !== filter.status) continue;
      out.push(this.snapshot(job));
    }
    return out;
  }

  async progress(jobId: string): Promise<Progress | null> {
    const p = this.job(jobId).progress;
    return p && { ...p };
  }

  async result(jobId: string): Promise<unknown> {
    const job = this.job(jobId);
    await this.settled(job);
    if (job.status === 'done') return job.result;
    if (job.status === 'cancelled') throw new CancelledError(job.error?.message ?? 'jobs: cancelled');
    throw fromErrorInfo(job.error ?? { name: 'Error', message: 'jobs: failed' });
  }

  async cancel(jobId: string): Promise<JobSnapshot> {
    const job = this.job(jobId);
    if (job.status === 'queued') {
      this.queue.splice(this.queue.indexOf(job), 1);
      this.finish(job, 'cancelled', { error: { name: 'CancelledError', message: 'jobs: cancelled before it started' } });
    } else if (job.status === 'running' && job.slot && !job.cancelTimer) {
      const slot = job.slot;
      Atomics.store(slot.flag, 0, 1);
      this.post(slot, { type: 'cancel', jobId });
      job.cancelTimer = setTimeout(() => {
        if (slot.job !== job) return;
        this.retire(slot);
        this.finish(job, 'cancelled', { error: { name: 'CancelledError', message: 'jobs: cancelled (worker terminated after the grace period)' } });
        this.dispatch();
      }, this.opts.cancelGraceMs);
    }
    await this.settled(job);
    return this.snapshot(job);
  }

  subscribe(listener: JobListener, jobId?: string): () => void {
    const entry = { listener, jobId };
    this.listeners.add(entry);
    return () => this.listeners.delete(entry);
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) this.finish(job, 'cancelled', { error: { name: 'CancelledError', message: 'jobs: runner closed' } });
    const stopping: Promise<number>[] = [];
    for (const slot of [...this.slots]) {
      const job = slot.job;
      stopping.push(this.retire(slot));
      if (job) this.finish(job, 'cancelled', { error: { name: 'CancelledError', message: 'jobs: runner closed' } });
    }
    await Promise.all(stopping);
    for (const job of this.jobs.values()) if (job.cancelTimer) clearTimeout(job.cancelTimer);
    this.jobs.clear();
    this.listeners.clear();
  }

  /** Number of live worker threads (for tests and health checks). */
  get workerCount(): number {
    return this.slots.length;
  }

  private job(jobId: string): Job {
    const job = typeof jobId === 'string' ? this.jobs.get(jobId) : undefined;
    if (!job) throw new NotFoundError(`jobs: no job with id ${jobId} (unknown or expired)`, 'jobId');
    return job;
  }

  private settled(job: Job): Promise<void> {
    if (job.status !== 'queued' && job.status !== 'running') return Promise.resolve();
    return new Promise((resolve) => job.waiters.push(resolve));
  }

  private snapshot(job: Job): JobSnapshot {
    const s: JobSnapshot = { id: job.id, kind: job.kind, status: job.status, progress: job.progress && { ...job.progress }, submittedAt: job.submittedAt };
    if (job.startedAt) s.startedAt = job.startedAt;
    if (job.finishedAt) s.finishedAt = job.finishedAt;
    if (job.result !== undefined) s.result = job.result;
    if (job.error) s.error = { ...job.error };
    return s;
  }

  private emit(event: JobEvent, jobId: string): void {
    for (const { listener, jobId: only } of this.listeners) {
      if (only !== undefined && only !== jobId) continue;
      try {
        listener(event);
      } catch {
        // A failing listener must not break the runner.
      }
    }
  }

  private emitStatus(job: Job): void {
    if (this.listeners.size) this.emit({ type: 'status', job: this.snapshot(job) }, job.id);
  }

  private finish(job: Job, status: 'done' | 'failed' | 'cancelled', out: { result?: unknown; error?: JobErrorInfo }): void {
    if (job.status !== 'queued' && job.status !== 'running') return;
    job.status = status;
    job.finishedAt = new Date().toISOString();
    if (out.result !== undefined) job.result = out.result;
    if (out.error) job.error = out.error;
    job.input = undefined;
    if (job.cancelTimer) clearTimeout(job.cancelTimer);
    job.cancelTimer = undefined;
    this.emitStatus(job);
    for (const wake of job.waiters.splice(0)) wake();
    setTimeout(() => this.jobs.delete(job.id), this.opts.ttlMs).unref();
    // Last, so that listeners see this job end before the next one starts on its worker.
    if (job.slot) {
      const slot = job.slot;
      job.slot = undefined;
      if (slot.job === job) this.release(slot);
    }
  }

  private dispatch(): void {
    while (this.queue.length && !this.closed) {
      let slot = this.slots.find((s) => !s.job && !s.retired);
      if (!slot) {
        if (this.slots.length >= this.opts.workers) return;
        slot = this.spawn();
      }
      this.start(slot, this.queue.shift() as Job);
    }
  }

  private start(slot: Slot, job: Job): void {
    const handler = this.handlers.get(job.kind) as ResolvedHandler;
    if (slot.idleTimer) clearTimeout(slot.idleTimer);
    slot.idleTimer = undefined;
    slot.job = job;
    job.slot = slot;
    job.status = 'running';
    job.startedAt = new Date().toISOString();
    Atomics.store(slot.flag, 0, 0);
    slot.worker.ref();
    this.post(slot, { type: 'run', jobId: job.id, module: handler.module, exportName: handler.exportName, input: job.input, throttleMs: this.opts.progressThrottleMs });
    this.emitStatus(job);
  }

  private post(slot: Slot, msg: ToWorker): void {
    slot.worker.postMessage(msg);
  }

  /** The slot's job is over: the worker goes idle (unref'd, so it does not keep the process alive). */
  private release(slot: Slot): void {
    slot.job = undefined;
    if (slot.retired) return;
    slot.worker.unref();
    if (this.opts.idleTimeoutMs > 0) {
      slot.idleTimer = setTimeout(() => {
        if (!slot.job) void this.retire(slot);
      }, this.opts.idleTimeoutMs);
      slot.idleTimer.unref();
    }
    this.dispatch();
  }

  private spawn(): Slot {
    const cancelBuffer = new SharedArrayBuffer(4);
    const worker = spawnJobWorker({ tsx: this.needsTsx, cancelBuffer, execArgv: this.opts.execArgv, resourceLimits: this.opts.resourceLimits });
    const slot: Slot = { worker, flag: new Int32Array(cancelBuffer), retired: false };
    this.slots.push(slot);
    worker.on('message', (msg: FromWorker) => this.onMessage(slot, msg));
    worker.on('error', (err) => this.onWorkerGone(slot, `jobs: worker crashed: ${err.message}`));
    worker.on('exit', (code) => this.onWorkerGone(slot, `jobs: worker exited with code ${code}`));
    return slot;
  }

  /** Stops a worker and removes it from the pool. */
  private retire(slot: Slot): Promise<number> {
    slot.retired = true;
    if (slot.idleTimer) clearTimeout(slot.idleTimer);
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
    return slot.worker.terminate();
  }

  private onWorkerGone(slot: Slot, message: string): void {
    if (slot.retired) return;
    void this.retire(slot);
    const job = slot.job;
    if (job) {
      if (job.cancelTimer) this.finish(job, 'cancelled', { error: { name: 'CancelledError', message: 'jobs: cancelled' } });
      else this.finish(job, 'failed', { error: { name: 'Error', message } });
    }
    this.dispatch();
  }

  private onMessage(slot: Slot, msg: FromWorker): void {
    const job = slot.job;
    if (!job || job.id !== msg.jobId) return; // stale message from a job already finished here
    switch (msg.type) {
      case 'progress':
        job.progress = msg.progress;
        if (this.listeners.size) this.emit({ type: 'progress', jobId: job.id, kind: job.kind, progress: { ...msg.progress } }, job.id);
        break;
      case 'done':
        this.finish(job, 'done', { result: msg.result });
        break;
      case 'failed':
        this.finish(job, 'failed', { error: msg.error });
        break;
      case 'cancelled':
        this.finish(job, 'cancelled', { result: msg.result, error: { name: 'CancelledError', message: 'jobs: cancelled' } });
        break;
    }
  }
}
