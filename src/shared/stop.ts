/**
 * Stopping rules and progress for long computations. A solver receives a
 * `StopCriterion` and a clock; it never reads Date.now() itself, so a run
 * can be repeated exactly (pass an iteration limit and the same seed).
 */
export interface StopOptions {
  /** Wall-clock limit in seconds. */
  seconds?: number;
  /** Iteration limit (solver-defined unit). */
  iterations?: number;
  /** Checked between iterations; true stops the run. */
  signal?: AbortSignal;
}

export interface Progress {
  /** 0..1 where known. */
  fraction?: number;
  iteration?: number;
  /** Best objective so far, in the solver's unit. */
  best?: number;
  message?: string;
}

export type ProgressFn = (p: Progress) => void;

export type Clock = () => number;

/** Milliseconds from a monotonic clock: the one place that reads time. */
export const monotonicMs: Clock = () => performance.now();

export class StopCriterion {
  private readonly startMs: number;
  private iterationsDone = 0;
  constructor(
    private readonly opts: StopOptions,
    private readonly clock: Clock = monotonicMs,
  ) {
    this.startMs = clock();
  }
  /** Counts one iteration and says whether to stop. */
  tick(): boolean {
    this.iterationsDone++;
    return this.shouldStop();
  }
  shouldStop(): boolean {
    if (this.opts.signal?.aborted) return true;
    if (this.opts.iterations !== undefined && this.iterationsDone >= this.opts.iterations) return true;
    if (this.opts.seconds !== undefined && this.elapsedS() >= this.opts.seconds) return true;
    return false;
  }
  elapsedS(): number {
    return (this.clock() - this.startMs) / 1000;
  }
  get iterations(): number {
    return this.iterationsDone;
  }
  /** The iteration limit, if any. */
  get iterationLimit(): number | undefined {
    return this.opts.iterations;
  }
  /** The time limit in seconds, if any. */
  get secondsLimit(): number | undefined {
    return this.opts.seconds;
  }
  /** Fraction of the budget used, 0..1 (the larger of time and iterations). */
  fraction(): number {
    const parts: number[] = [];
    if (this.opts.seconds) parts.push(this.elapsedS() / this.opts.seconds);
    if (this.opts.iterations) parts.push(this.iterationsDone / this.opts.iterations);
    return parts.length ? Math.min(1, Math.max(...parts)) : 0;
  }
}
