import { parseArgs, flagString } from '../args.js';
import { bandLines, FLYWHEEL_FLAGS, flywheelRequest, periodTable, runWithBar, summaryLine } from '../commands/flywheel.js';
import { writeAtomic } from '../output.js';

/**
 * npm run bench -- flywheel [--periods 52] [--seeds 1] [--seed 1] [--out FILE] [--params ...] [--off ...]
 * Runs the flywheel on the default network, prints the per-period table and
 * ends with one summary line (cost per parcel both ways, attribution, seconds).
 * Also prints the process CPU seconds (a fairer figure on a shared machine).
 */
export async function run(argv: string[]): Promise<void> {
  const args = parseArgs(argv, FLYWHEEL_FLAGS);
  const req = flywheelRequest(args, 52);
  const cpu0 = process.cpuUsage();
  const { report, seconds } = await runWithBar(args, req, 'flywheel');
  const cpu = process.cpuUsage(cpu0);
  for (const l of [...periodTable(report), ...bandLines(report)]) console.log(l);
  const t = report.timings;
  console.log(`seeds ${report.seeds.join(',')}; cities ${report.assumptions.cities.length}; CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s; first seed: setup ${t.setupS.toFixed(1)} s, ${t.lpSolves} LP solves ${(t.lpMsTotal / 1000).toFixed(1)} s`);
  const out = flagString(args, 'out');
  if (out) writeAtomic(out, JSON.stringify({ ...report, seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6 }, null, 1));
  console.log(summaryLine(report, seconds));
}
