/** Options of the worker-thread runner, their defaults, and handler references resolved to URLs. */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { isAbsolute } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ResourceLimits } from 'node:worker_threads';
import { moduleNeedsTsx } from './spawn-worker.js';
import type { JobHandlerRef } from './types.js';

/** Options of ThreadJobRunner; every number has a default in THREAD_RUNNER_DEFAULTS. */
export interface ThreadRunnerOptions {
  /** Handlers by kind (more can be added with `register`). */
  handlers?: Record<string, JobHandlerRef>;
  /** Worker threads (default: available cores − 1, at least 1). */
  workers?: number;
  /** Jobs waiting for a worker before submit throws OverloadedError (default 100). */
  maxQueued?: number;
  /** How long a cancelled job may take to stop before its worker is terminated, ms (default 2000). */
  cancelGraceMs?: number;
  /** Minimum interval between progress reports of one job, ms (default 100). */
  progressThrottleMs?: number;
  /** How long finished jobs stay readable, ms (default 1 h). */
  ttlMs?: number;
  /** Idle workers are stopped after this long, ms (default 60 s; 0 keeps them). */
  idleTimeoutMs?: number;
  /** Node options for workers (default none). */
  execArgv?: string[];
  /** Heap limits per worker. */
  resourceLimits?: ResourceLimits;
}

/** The defaults of ThreadRunnerOptions. */
export const THREAD_RUNNER_DEFAULTS = {
  workers: Math.max(1, availableParallelism() - 1),
  maxQueued: 100,
  cancelGraceMs: 2000,
  progressThrottleMs: 100,
  ttlMs: 3_600_000,
  idleTimeoutMs: 60_000,
};

/** Options after defaults. */
export type ResolvedRunnerOptions = typeof THREAD_RUNNER_DEFAULTS & Pick<ThreadRunnerOptions, 'execArgv' | 'resourceLimits'>;

/** Applies defaults (in one place) and checks the numbers. */
export function resolveRunnerOptions(options: Omit<ThreadRunnerOptions, 'handlers'>): ResolvedRunnerOptions {
  const given = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
  const o: ResolvedRunnerOptions = { ...THREAD_RUNNER_DEFAULTS, ...given };
  if (!Number.isInteger(o.workers) || o.workers < 1) throw new Error('jobs: workers must be an integer ≥ 1');
  for (const k of ['maxQueued', 'cancelGraceMs', 'progressThrottleMs', 'ttlMs', 'idleTimeoutMs'] as const) {
    if (!Number.isFinite(o[k]) || o[k] < 0) throw new Error(`jobs: ${k} must be a number ≥ 0`);
  }
  return o;
}

/** A registered handler: module URL and export name. */
export interface ResolvedHandler {
  module: string;
  exportName: string;
  /** The worker needs tsx to import it (a .ts source). */
  tsx: boolean;
}

/** Resolves a handler reference to a file URL and checks that the module exists (as .js, or as its .ts source). */
export function resolveHandler(kind: string, ref: JobHandlerRef): ResolvedHandler {
  let module: string;
  if (ref.module instanceof URL) module = ref.module.href;
  else if (ref.module.startsWith('file:')) module = ref.module;
  else if (isAbsolute(ref.module)) module = pathToFileURL(ref.module).href;
  else throw new Error(`jobs: handler module must be a file URL or an absolute path (got ${ref.module})`);
  const tsx = moduleNeedsTsx(module);
  if (!tsx && !existsSync(fileURLToPath(module))) throw new Error(`jobs: handler module for ${kind} not found: ${fileURLToPath(module)}`);
  return { module, exportName: ref.exportName ?? 'default', tsx };
}
