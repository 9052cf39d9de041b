import { InputError } from '../../shared/errors.js';

/**
 * `hubflow bench <kind> [options]`: each kind is one module in this folder
 * (`forecast.ts`, `vrp.ts`, `lp.ts`, `paths.ts`, ...) exporting
 * `run(argv: string[]): Promise<void>`. It prints a table, ends with one
 * summary line, and writes JSON with `--out FILE`.
 */
const KINDS = ['forecast', 'vrp', 'vrp-large', 'vrptw', 'pdptw', 'lp', 'paths', 'network', 'api', 'prices', 'flywheel'];

export async function runBench(argv: string[]): Promise<void> {
  const [kind, ...rest] = argv;
  if (!kind || !KINDS.includes(kind)) {
    throw new InputError(`bench: kind must be one of ${KINDS.join(', ')}${kind ? `, got "${kind}"` : ''}`, 'kind');
  }
  let mod: { run(argv: string[]): Promise<void> };
  try {
    mod = await import(`./${kind}.js`);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND' && String(e).includes(`bench/${kind}.`)) {
      throw new InputError(`bench: kind "${kind}" is not implemented yet`, 'kind');
    }
    throw e;
  }
  await mod.run(rest);
}
