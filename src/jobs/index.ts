/** Long work behind one interface; worker threads on one machine. */
export * from './types.js';
export { ThreadJobRunner, THREAD_RUNNER_DEFAULTS, type ThreadRunnerOptions } from './thread-runner.js';
export { fromErrorInfo, toErrorInfo } from './protocol.js';
