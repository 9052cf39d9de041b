import { readFileSync, writeFileSync } from 'node:fs';
import { allocate, congestionPrices, flowsGeoJson, syntheticDemand, SYNTHETIC_DEMAND_NOTE, type LaneDecisions, type OdDemand } from '../../allocation/hub/index.js';
import type { BackendChoice } from '../../allocation/index.js';
import { loadNetworkData, Network } from '../../network/index.js';
import { InputError } from '../../shared/errors.js';
import { defaultDataDir } from '../../shared/paths.js';
import { flagNumber, flagString, parseArgs } from '../args.js';

/**
 * hubflow allocate [--seed S] [--scale X] [--demand FILE.json] [--integer] [--close HUB,…]
 *   [--capacity HUB=T,…] [--lanes none|linehaul|all|LANE,…] [--lane-fixed LANE=CNY,…] [--lane-shipments N]
 *   [--run-lanes LANE,…] [--close-lanes LANE,…] [--backend auto|highs|jsLpSolver] [--time-limit S] [--gap REL]
 *   [--json] [--out FILE] [--data DIR]
 *
 * Allocates demand (SYNTHETIC gravity demand by default, or a JSON array of
 * { from, to, kgPerDay }) to the hub network; prints hub use, costs, bottlenecks
 * with their capacity prices and unmet demand. --integer decides which hubs
 * open; --lanes decides which lanes run (each at a fixed cost per day: --lane-fixed
 * per lane, else --lane-shipments bulk shipments a day each way, default 1);
 * --run-lanes forces lanes to run, --close-lanes closes them. Lane ids are
 * from~to~mode. --out writes the full answer with GeoJSON of the flows.
 */
export async function run(argv: string[]): Promise<void> {
  const args = parseArgs(argv, {
    values: ['seed', 'scale', 'demand', 'close', 'capacity', 'backend', 'time-limit', 'gap', 'out', 'data', 'lanes', 'lane-fixed', 'lane-shipments', 'run-lanes', 'close-lanes'],
    booleans: ['integer', 'json'],
  });
  const network = new Network(loadNetworkData(flagString(args, 'data') ?? defaultDataDir()));
  const file = flagString(args, 'demand');
  let demand: OdDemand[];
  let note: string | undefined;
  if (file) {
    demand = JSON.parse(readFileSync(file, 'utf8')) as OdDemand[];
  } else {
    demand = syntheticDemand(network.data.cities, { seed: flagNumber(args, 'seed', 1), scale: flagNumber(args, 'scale', 1) });
    note = SYNTHETIC_DEMAND_NOTE;
  }
  const closedHubs = list(flagString(args, 'close'));
  const hubCapacityTonnesPerDay = pairs(flagString(args, 'capacity'), 'capacity', 'HUB=TONNES_PER_DAY');
  const laneFixedCnyPerDay = pairs(flagString(args, 'lane-fixed'), 'lane-fixed', 'LANE=CNY_PER_DAY');
  const forcedOpenLanes = list(flagString(args, 'run-lanes'));
  const closedLanes = list(flagString(args, 'close-lanes'));
  const lanesFlag = flagString(args, 'lanes');
  const laneDecisions: LaneDecisions | undefined =
    lanesFlag === undefined ? undefined : lanesFlag === 'none' || lanesFlag === 'linehaul' || lanesFlag === 'all' ? lanesFlag : list(lanesFlag);
  const limit = flagNumber(args, 'time-limit');
  const cpu0 = process.cpuUsage();
  const result = await allocate(
    network,
    {
      demand,
      overrides: { closedHubs, hubCapacityTonnesPerDay, laneFixedCnyPerDay, forcedOpenLanes, closedLanes },
      options: { integer: args.flags.has('integer'), laneDecisions, laneFixedShipmentsPerDay: flagNumber(args, 'lane-shipments') },
    },
    { backend: flagString(args, 'backend') as BackendChoice | undefined, stop: limit ? { seconds: limit } : undefined, mipRelGap: flagNumber(args, 'gap') },
  );
  const cpu = process.cpuUsage(cpu0);
  const cpuS = (cpu.user + cpu.system) / 1e6;
  const full = { ...result, ...(note ? { demandNote: note } : {}), congestion: Object.fromEntries(congestionPrices(result.capacityPrices)) };
  const out = flagString(args, 'out');
  if (out) writeFileSync(out, JSON.stringify({ ...full, geojson: flowsGeoJson(network, result.lanes) }, null, 1));
  if (args.flags.has('json')) {
    console.log(JSON.stringify(full, null, 2));
    return;
  }
  const t = (kg: number) => `${Math.round(kg / 1000).toLocaleString('en')} t`;
  const y = (cny: number) => `¥${(Math.round(cny) + 0).toLocaleString('en')}`;
  if (note) console.log(note);
  console.log(
    `${result.integer ? 'MIP' : 'LP'} ${result.status} (${result.backend}): ${result.shape.odPairs} pairs, ${result.shape.routes} routes, ${result.shape.variables} variables × ${result.shape.constraints} rows; ` +
      `build ${(result.timingsMs.build / 1000).toFixed(2)} s, solve ${(result.timingsMs.solve / 1000).toFixed(2)} s, prices ${(result.timingsMs.prices / 1000).toFixed(2)} s (wall); CPU ${cpuS.toFixed(2)} s in all`,
  );
  if (result.gap !== undefined) console.log(`MIP gap ${(result.gap * 100).toFixed(3)} %, bound ${y(result.bound ?? NaN)}`);
  console.log(`demand ${t(result.demandKgPerDay)}/day, served ${t(result.servedKgPerDay)}/day; cost ${y(result.objectiveCny)}/day`);
  const c = result.costs;
  const modes = Object.entries(c.trunkCnyByMode).map(([m, v]) => `${m} ${y(v!)}`).join(', ');
  console.log(
    `  first mile ${y(c.firstMileCny)}, trunk ${y(c.trunkCny)} (${modes}), last mile ${y(c.lastMileCny)}, handling ${y(c.handlingCny)}, unmet penalty ${y(c.unmetPenaltyCny)}, hub fixed ${y(c.fixedHubCny)}, lane fixed ${y(c.fixedLaneCny)}`,
  );
  if (result.laneRuns.length) {
    const shut = result.laneRuns.filter((l) => !l.run);
    console.log(`lanes decided: ${result.laneRuns.length}, run ${result.laneRuns.length - shut.length}, not run ${shut.length}${shut.length ? `: ${shut.slice(0, 12).map((l) => l.laneId).join(', ')}${shut.length > 12 ? ', …' : ''}` : ''}`);
  }
  console.log('hubs (used / capacity):');
  for (const h of [...result.hubs].sort((a, b) => b.utilisation - a.utilisation)) {
    if (h.usedKgPerDay <= 0 && h.open) continue;
    console.log(`  ${h.hub.padEnd(22)} ${t(h.usedKgPerDay).padStart(9)} / ${t(h.capacityKgPerDay).padStart(9)}  ${(h.utilisation * 100).toFixed(0).padStart(3)}%${h.open ? '' : '  closed'}`);
  }
  const bottlenecks = result.capacityPrices.filter((p) => p.binding && p.savingCnyPerTonne > 0);
  if (bottlenecks.length) console.log('bottlenecks:');
  for (const p of bottlenecks) console.log(`  ${p.text}`);
  if (result.unmet.length) {
    console.log(`unmet demand: ${result.unmet.length} pairs, ${t(result.unmet.reduce((s, u) => s + u.kgPerDay, 0))}/day; largest:`);
    for (const u of result.unmet.slice(0, 10)) console.log(`  ${u.from} → ${u.to}: ${t(u.kgPerDay)}/day (${u.reason})`);
  }
  if (out) console.log(`wrote ${out}`);
}

/** `A=1,B=2` → { A: 1, B: 2 }; throws InputError naming the flag. */
function pairs(text: string | undefined, flag: string, shape: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const pair of text?.split(',').filter(Boolean) ?? []) {
    const [id, v] = pair.split('=');
    const n = Number(v);
    if (!id || v === undefined || v.trim() === '' || !Number.isFinite(n)) throw new InputError(`--${flag} takes ${shape},…, got "${pair}"`, flag);
    out[id.trim()] = n;
  }
  return out;
}

const list = (text: string | undefined): string[] => text?.split(',').map((s) => s.trim()).filter(Boolean) ?? [];
