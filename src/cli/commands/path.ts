import { findPath, loadNetworkData, Network, type Mode, type Objective } from '../../network/index.js';
import { defaultDataDir } from '../../shared/paths.js';
import { round } from '../../shared/units.js';
import { flagNumber, flagString, parseArgs, requireFlag } from '../args.js';

/** hubflow path --from A --to B [--objective cost|time|co2] [--weight KG] [--modes road,rail] [--json] [--data DIR] */
export async function run(argv: string[]): Promise<void> {
  const args = parseArgs(argv, { values: ['from', 'to', 'objective', 'weight', 'modes', 'data'], booleans: ['json'] });
  const network = new Network(loadNetworkData(flagString(args, 'data') ?? defaultDataDir()));
  const modes = flagString(args, 'modes')?.split(',').map((m) => m.trim()) as Mode[] | undefined;
  const result = findPath(network, {
    from: requireFlag(args, 'from'),
    to: requireFlag(args, 'to'),
    objective: flagString(args, 'objective') as Objective | undefined,
    weightKg: flagNumber(args, 'weight'),
    modes,
  });
  if (args.flags.has('json')) {
    console.log(JSON.stringify(result, null, 2));
    return;
  }
  const head = `${result.from.name} (${result.from.nameZh}) → ${result.to.name} (${result.to.nameZh}), ${result.weightKg} kg, by ${result.objective}`;
  if (!result.found) {
    console.log(`${head}: no path. ${result.reason}`);
    process.exitCode = 3;
    return;
  }
  console.log(head);
  const rows = result.legs.map((l) => [
    `${l.fromName} → ${l.toName}`,
    l.mode,
    `${round(l.distanceM / 1000, 0)} km`,
    `${round(l.durationS / 3600, 1)} h`,
    `¥${round(l.costCny, 2)}`,
    `${round(l.co2Kg, 3)} kg CO2`,
  ]);
  const t = result.totals!;
  rows.push(['total', '', `${round(t.distanceM / 1000, 0)} km`, `${round(t.durationS / 3600, 1)} h`, `¥${round(t.costCny, 2)}`, `${round(t.co2Kg, 3)} kg CO2`]);
  const widths = rows[0].map((_, j) => Math.max(...rows.map((r) => r[j].length)));
  for (const r of rows) console.log('  ' + r.map((c, j) => (j >= 2 ? c.padStart(widths[j]) : c.padEnd(widths[j]))).join('  '));
}
