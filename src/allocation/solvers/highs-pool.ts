import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import highsModule from 'highs';
import type { Highs, InitOptions } from 'highs';

// The package's declarations are typed as CommonJS; at run time the ESM entry's default export is the loader.
const loadHighs = ((highsModule as unknown as { default?: unknown }).default ?? highsModule) as unknown as (
  opts?: InitOptions,
) => Promise<Highs>;

/** The loaded HiGHS WebAssembly runtime (the `highs` npm package). */
export type HighsRuntime = Highs;

/** Makes a fresh runtime; the default compiles highs.wasm once and instantiates it again. */
export type HighsLoader = () => Promise<HighsRuntime>;

export interface HighsPoolOptions {
  /** Renew the runtime after this many solves (default 500). */
  renewEvery?: number;
  /** Where runtimes come from (tests inject failing ones). */
  loader?: HighsLoader;
}

let compiled: Promise<WebAssembly.Module> | null = null;

/** Compiles highs.wasm once per process; every renewal reuses the compiled module. */
function compiledModule(): Promise<WebAssembly.Module> {
  if (!compiled) {
    const require = createRequire(import.meta.url);
    compiled = readFile(require.resolve('highs/runtime')).then((bytes) => WebAssembly.compile(bytes));
  }
  return compiled;
}

/** Default loader: a new instance of the precompiled HiGHS module. */
export const defaultHighsLoader: HighsLoader = async () => loadHighs({ wasmModule: await compiledModule() });

/**
 * Owns one HiGHS runtime and renews it. A long-lived HiGHS WebAssembly
 * instance is known to abort after some thousands of solves (its linear memory
 * only grows and a native abort leaves the instance unusable), so the pool
 * replaces it every `renewEvery` solves, and after any exception it replaces
 * it and retries the solve once on the fresh instance.
 */
export class HighsPool {
  private runtime: HighsRuntime | null = null;
  private loading: Promise<HighsRuntime> | null = null;
  private solvesOnRuntime = 0;
  /** Number of runtimes created so far (for tests and logs). */
  renewals = 0;
  readonly renewEvery: number;
  private readonly loader: HighsLoader;

  constructor(opts: HighsPoolOptions = {}) {
    this.renewEvery = opts.renewEvery ?? 500;
    this.loader = opts.loader ?? defaultHighsLoader;
  }

  private async fresh(): Promise<HighsRuntime> {
    this.runtime = null;
    this.solvesOnRuntime = 0;
    this.loading ??= this.loader().then((r) => {
      this.runtime = r;
      this.renewals++;
      this.loading = null;
      return r;
    });
    return this.loading;
  }

  /** Runs `fn` on a healthy runtime: renews on schedule, and once after a failure. */
  async run<T>(fn: (highs: HighsRuntime) => T): Promise<T> {
    let rt = this.runtime && this.solvesOnRuntime < this.renewEvery ? this.runtime : await this.fresh();
    this.solvesOnRuntime++;
    try {
      return fn(rt);
    } catch (err) {
      if (isModelError(err)) throw err;
      rt = await this.fresh();
      this.solvesOnRuntime++;
      return fn(rt);
    }
  }
}

/** Errors about the input itself are not worth a retry. */
function isModelError(err: unknown): boolean {
  const name = (err as { name?: string })?.name ?? '';
  return name === 'InputError' || name === 'HighsValidationError';
}

let shared: HighsPool | null = null;

/** The process-wide pool used when the caller passes none. */
export function sharedHighsPool(): HighsPool {
  shared ??= new HighsPool();
  return shared;
}
