import { ThreadJobRunner, type ThreadRunnerOptions } from '../../src/jobs/index.js';

const fixtures = new URL('./fixtures/handlers.js', import.meta.url);

/** A runner with every fixture handler registered under its export name. */
export function fixtureRunner(options: ThreadRunnerOptions = {}): ThreadJobRunner {
  const names = ['count', 'fail', 'spin', 'stubborn', 'nap', 'crash', 'unsendable'];
  const handlers = Object.fromEntries(names.map((n) => [n, { module: fixtures, exportName: n }]));
  return new ThreadJobRunner({ progressThrottleMs: 0, ...options, handlers: { ...handlers, echo: { module: fixtures }, ...options.handlers } });
}
