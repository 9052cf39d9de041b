#!/usr/bin/env node
import { HubflowError, InputError } from '../shared/errors.js';
import { runBench } from './bench/index.js';

/**
 * The hubflow command. `hubflow <command> [options]`: each command is one
 * module in src/cli/commands exporting `run(argv)`; `hubflow bench <kind>`
 * runs a benchmark from src/cli/bench.
 */
const COMMANDS: Record<string, string> = {
  serve: 'serve the API and the map UI (PORT, default 3000)',
  path: 'cheapest/fastest/lowest-CO2 path: --from CITY --to CITY [--objective cost|time|co2] [--weight KG] [--modes road,rail] [--json]',
  quote: 'price and transit time: --from A --to B --weight KG [--dims LxWxH] [--value CNY] [--service ID] [--json]; or --batch rows.csv [--out quotes.csv]',
  forecast: 'SYNTHETIC parcel demand per city, forecast with intervals and backtest: [--cities a,b] [--horizon 28] [--model auto] [--levels 80,95] [--seed 1] [--json] [--out FILE]',
  vrp: 'plan delivery routes: --stops stops.csv --vehicles vehicles.csv [--seconds 10] [--seed 1] [--out plan.json|plan.csv|plan.geojson] (Ctrl-C keeps the best plan)',
  flywheel: 'baseline vs optimised week by week, merchants, attribution, bands: [--periods 52] [--seed 1] [--seeds 3] [--params name=value,...] [--cities N] [--off forecasting,allocation,routing] [--out report.json] [--json]',
  savings: 'one week, baseline vs optimised on the same SYNTHETIC demand, Shapley attribution: [--seed 1] [--week 1] [--params name=value,...] [--cities N] [--off ...] [--json] [--out FILE]',
  allocate: 'allocate demand to hubs by LP: [--seed S] [--scale X] [--demand FILE.json] [--integer] [--close HUB,…] [--capacity HUB=T,…] [--json] [--out FILE]',
  roads: 'street graphs: roads import FILE.osm.pbf [--out data/roads/NAME]; roads info DIR; roads route DIR --from LON,LAT --to LON,LAT',
  bench: 'run a benchmark: hubflow bench <kind> [options] (see README)',
};

function usage(): string {
  return ['usage: hubflow <command> [options]', '', ...Object.entries(COMMANDS).map(([c, d]) => `  ${c.padEnd(10)} ${d}`)].join('\n');
}

async function main(argv: string[]): Promise<void> {
  const [cmd, ...rest] = argv;
  if (!cmd || cmd === '--help' || cmd === '-h' || cmd === 'help') {
    console.log(usage());
    return;
  }
  if (cmd === 'bench') return runBench(rest);
  if (!/^[a-z][a-z-]*$/.test(cmd)) throw new InputError(`unknown command "${cmd}"\n${usage()}`, 'command');
  let mod: { run(argv: string[]): Promise<void> };
  try {
    mod = await import(`./commands/${cmd}.js`);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND' && String(e).includes(`commands/${cmd}.`)) {
      throw new InputError(`unknown command "${cmd}"\n${usage()}`, 'command');
    }
    throw e;
  }
  await mod.run(rest);
}

main(process.argv.slice(2)).catch((e: unknown) => {
  if (e instanceof HubflowError) {
    console.error(`hubflow: ${e.message}`);
    process.exit(e instanceof InputError ? 2 : 1);
  }
  console.error(e);
  process.exit(1);
});
