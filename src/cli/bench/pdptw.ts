import { liLimToProblem, parseLiLim } from '../../routing/lilim.js';
import { runTwBench } from './tw-bench.js';

/**
 * `npm run bench -- pdptw --dir DIR --seconds S [--objective distance|hierarchical] [--seed N] [--out RESULT.json] [--solutions OUTDIR]`
 *
 * Solves every Li & Lim `*.txt` in DIR within S seconds each: double-precision Euclidean distance, travel
 * time = distance, hard windows on the start of service, service times, capacity, the depot's due date as
 * the horizon, each pickup before its delivery on the same vehicle. `hierarchical` (default, the SINTEF
 * convention) minimises vehicles first (a fixed cost per vehicle), then distance, and compares with the
 * `hierarchical` rows of DIR/bks.csv; `distance` minimises distance with at most K vehicles and compares
 * with the `distance_only` rows. Every plan is checked by the independent checker (pairing, capacity,
 * windows); an infeasible plan or an unserved pair counts as a failure, not as a gap.
 */
export async function run(argv: string[]): Promise<void> {
  await runTwBench(argv, { name: 'Li & Lim', defaultObjective: 'hierarchical', parse: parseLiLim, toProblem: liLimToProblem });
}
