/** Long work behind one interface; worker threads on one machine. */
export * from './types.js';
export { ThreadJobRunner } from './thread-runner.js';
export { THREAD_RUNNER_DEFAULTS, type ThreadRunnerOptions } from './runner-options.js';
export { fromErrorInfo, toErrorInfo } from './protocol.js';
