import { parseSolomon, solomonToProblem } from '../../routing/solomon.js';
import { runTwBench } from './tw-bench.js';

/**
 * `npm run bench -- vrptw --dir DIR --seconds S [--objective distance|hierarchical] [--seed N] [--out RESULT.json] [--solutions OUTDIR]`
 *
 * Solves every Solomon `*.txt` in DIR within S seconds each: double-precision Euclidean distance, travel
 * time = distance, hard windows on the start of service, service times, capacity, the depot's due date as
 * the horizon. `distance` (default) minimises total distance with at most K vehicles and compares with the
 * `distance_only` rows of DIR/bks.csv; `hierarchical` minimises vehicles first (a fixed cost per vehicle),
 * then distance, and compares with the `hierarchical` rows. Every plan is checked by the independent checker;
 * an infeasible plan or an unserved stop counts as a failure, not as a gap.
 */
export async function run(argv: string[]): Promise<void> {
  await runTwBench(argv, { name: 'Solomon', defaultObjective: 'distance', parse: parseSolomon, toProblem: solomonToProblem });
}
