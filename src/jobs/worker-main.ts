/**
 * The code each worker thread runs: it imports handler modules on demand,
 * runs one job at a time and reports progress, result or error to the runner.
 *
 * Cancellation arrives two ways: a 'cancel' message (seen when the handler
 * awaits) and a shared flag the runner sets (seen even inside a synchronous
 * loop, because `signal.aborted` is made to read it).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { CancelledError } from '../shared/errors.js';
import { throttleProgress } from './progress-throttle.js';
import { toErrorInfo, type FromWorker, type ToWorker } from './protocol.js';
import type { JobHandler } from './types.js';

const port = parentPort;
if (!port) throw new Error('jobs: worker-main must run in a worker thread');

/** Index 0 is 1 while the current job is cancelled (set by the runner). */
const cancelFlag = new Int32Array((workerData as { cancelBuffer: SharedArrayBuffer }).cancelBuffer);
const handlers = new Map<string, JobHandler>();
let current: { jobId: string; controller: AbortController } | undefined;

const abortedGetter = Object.getOwnPropertyDescriptor(AbortSignal.prototype, 'aborted')?.get as (this: AbortSignal) => boolean;

/** An AbortSignal whose `aborted` also polls the shared cancel flag (so synchronous handlers see a cancel). */
function cancellableSignal(controller: AbortController): AbortSignal {
  const signal = controller.signal;
  const poll = (): boolean => {
    if (!abortedGetter.call(signal) && Atomics.load(cancelFlag, 0) === 1) controller.abort(new CancelledError());
    return abortedGetter.call(signal);
  };
  Object.defineProperty(signal, 'aborted', { get: poll, configurable: true });
  signal.throwIfAborted = () => {
    if (poll()) throw signal.reason;
  };
  return signal;
}

async function loadHandler(module: string, exportName: string): Promise<JobHandler> {
  const key = `${module}#${exportName}`;
  let fn = handlers.get(key);
  if (!fn) {
    let mod: Record<string, unknown>;
    try {
      mod = (await import(module)) as Record<string, unknown>;
    } catch (err) {
      throw new Error(`jobs: cannot import handler module ${module}: ${(err as Error).message}`);
    }
    const exported = mod[exportName];
    if (typeof exported !== 'function') throw new Error(`jobs: ${module} has no exported function ${exportName}`);
    fn = exported as JobHandler;
    handlers.set(key, fn);
  }
  return fn;
}

function send(message: FromWorker): void {
  try {
    port!.postMessage(message);
  } catch (err) {
    // A result that cannot be cloned: report it instead of crashing the worker.
    if (message.type === 'done' || message.type === 'cancelled') {
      port!.postMessage({
        type: 'failed',
        jobId: message.jobId,
        error: { name: 'Error', message: `jobs: the handler's result cannot be sent back (${(err as Error).message})` },
      } satisfies FromWorker);
    }
  }
}

async function run(msg: Extract<ToWorker, { type: 'run' }>): Promise<void> {
  const controller = new AbortController();
  current = { jobId: msg.jobId, controller };
  const signal = cancellableSignal(controller);
  const progress = throttleProgress((p) => {
    if (current?.jobId === msg.jobId) send({ type: 'progress', jobId: msg.jobId, progress: p });
  }, msg.throttleMs);
  try {
    const handler = await loadHandler(msg.module, msg.exportName);
    const result = await handler(msg.input, {
      onProgress: (p) => {
        void signal.aborted; // polls the cancel flag, so synchronous handlers that report progress see a cancel
        progress.report(p);
      },
      signal,
    });
    // the last report (often 100%) must not be lost to the throttle when the job has finished well
    if (signal.aborted) progress.stop();
    else progress.finish();
    send(signal.aborted ? { type: 'cancelled', jobId: msg.jobId, result } : { type: 'done', jobId: msg.jobId, result });
  } catch (err) {
    progress.stop();
    if (signal.aborted) send({ type: 'cancelled', jobId: msg.jobId });
    else send({ type: 'failed', jobId: msg.jobId, error: toErrorInfo(err) });
  } finally {
    current = undefined;
  }
}

port.on('message', (msg: ToWorker) => {
  if (msg.type === 'run') void run(msg);
  else if (msg.type === 'cancel' && current?.jobId === msg.jobId) current.controller.abort(new CancelledError());
});
