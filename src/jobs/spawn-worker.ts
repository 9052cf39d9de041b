/**
 * Starts a job worker thread, from compiled JS (dist/) or from TypeScript
 * sources (under tsx or vitest).
 *
 * Node 20 does not apply loader hooks given as `--import tsx` in a worker's
 * execArgv, so the worker is started from a tiny CommonJS bootstrap (eval)
 * that, when the sources are TypeScript, first registers tsx through its
 * `tsx/esm/api` `register()` inside the worker, then imports worker-main.
 * Under tsx a handler module written as `./x.js` resolves to `./x.ts`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';

const BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
(async () => {
  if (workerData.tsxApi) (await import(workerData.tsxApi)).register();
  await import(workerData.entry);
})().catch((err) => { setImmediate(() => { throw err; }); });
`;

/** True when this module runs from a .ts source (tsx, vitest), so workers need tsx too. */
export const RUNNING_FROM_SOURCE = import.meta.url.endsWith('.ts');

/** URL of worker-main next to this file, with the same extension. */
export function workerEntryUrl(): string {
  return new URL(RUNNING_FROM_SOURCE ? './worker-main.ts' : './worker-main.js', import.meta.url).href;
}

let tsxApiUrl: string | undefined;

/** file: URL of tsx's ESM `register()` API, read from tsx's package exports. */
export function resolveTsxApi(): string {
  if (tsxApiUrl) return tsxApiUrl;
  const require = createRequire(import.meta.url);
  let pkgPath: string;
  try {
    pkgPath = require.resolve('tsx/package.json');
  } catch {
    throw new Error('jobs: running from TypeScript sources needs tsx (npm i -D tsx), or build to dist/ first');
  }
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as { exports?: Record<string, unknown> };
  const entry = pkg.exports?.['./esm/api'] as { import?: { default?: string } | string } | undefined;
  const rel = typeof entry?.import === 'string' ? entry.import : entry?.import?.default;
  if (!rel) throw new Error(`jobs: cannot find tsx/esm/api in ${pkgPath}`);
  tsxApiUrl = pathToFileURL(join(dirname(pkgPath), rel)).href;
  return tsxApiUrl;
}

/** A handler module given as `.js` that only exists as `.ts` (a source tree) needs tsx in the worker. */
export function moduleNeedsTsx(moduleUrl: string): boolean {
  if (moduleUrl.endsWith('.ts') || moduleUrl.endsWith('.mts')) return true;
  if (!moduleUrl.startsWith('file:')) return false;
  const path = fileURLToPath(moduleUrl);
  return !existsSync(path) && /\.m?js$/.test(path) && existsSync(path.replace(/\.(m?)js$/, '.$1ts'));
}

/** How to start one worker. */
export interface SpawnOptions {
  /** Register tsx inside the worker. */
  tsx: boolean;
  /** Shared cancel flag (one Int32). */
  cancelBuffer: SharedArrayBuffer;
  /** Node options for the worker (default none; V8 heap limits go in resourceLimits). */
  execArgv?: string[];
  resourceLimits?: ResourceLimits;
}

/** Starts one worker thread running worker-main. */
export function spawnJobWorker(opts: SpawnOptions): Worker {
  return new Worker(BOOTSTRAP, {
    eval: true,
    workerData: { entry: workerEntryUrl(), tsxApi: (opts.tsx || RUNNING_FROM_SOURCE) ? resolveTsxApi() : undefined, cancelBuffer: opts.cancelBuffer },
    execArgv: opts.execArgv ?? [],
    resourceLimits: opts.resourceLimits,
    stdout: false,
    stderr: false,
  });
}
