/**
 * Messages between the runner and its worker threads, and how errors cross
 * the thread boundary (typed errors keep their class, so the API maps them to
 * the same HTTP status as in the main thread).
 */
import type { Progress } from '../shared/stop.js';
import {
  CancelledError,
  HubflowError,
  InfeasibleError,
  InputError,
  NotFoundError,
  OverloadedError,
} from '../shared/errors.js';
import type { JobErrorInfo } from './types.js';

/** Runner → worker. */
export type ToWorker =
  | { type: 'run'; jobId: string; module: string; exportName: string; input: unknown; throttleMs: number }
  | { type: 'cancel'; jobId: string };

/** Worker → runner. */
export type FromWorker =
  | { type: 'progress'; jobId: string; progress: Progress }
  | { type: 'done'; jobId: string; result: unknown }
  | { type: 'failed'; jobId: string; error: JobErrorInfo }
  | { type: 'cancelled'; jobId: string; result?: unknown };

/** Turns anything thrown into a plain, cloneable description. */
export function toErrorInfo(err: unknown): JobErrorInfo {
  if (err instanceof Error) {
    const field = (err as { field?: unknown }).field;
    return { name: err.name, message: err.message, ...(typeof field === 'string' ? { field } : {}) };
  }
  return { name: 'Error', message: String(err) };
}

const TYPED: Record<string, new (message: string, field?: string) => HubflowError> = {
  InputError,
  NotFoundError,
  InfeasibleError,
  OverloadedError,
};

/** Rebuilds a typed error from its description (unknown names become a plain Error with that name). */
export function fromErrorInfo(info: JobErrorInfo): Error {
  if (info.name === 'CancelledError') return new CancelledError(info.message);
  const Cls = TYPED[info.name];
  if (Cls) return new Cls(info.message, info.field);
  const err = new Error(info.message);
  err.name = info.name;
  return err;
}
