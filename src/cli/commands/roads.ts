import { basename, join } from 'node:path';
import { InputError } from '../../shared/errors.js';
import { defaultDataDir } from '../../shared/paths.js';
import { importRoadGraph, loadPreparedRoadGraph, route, type Metric } from '../../roads/index.js';
import { flagString, parseArgs, requireFlag } from '../args.js';

const USAGE = [
  'usage:',
  '  hubflow roads import FILE.osm.pbf [--out data/roads/NAME] [--metrics distance,time]',
  '      (also NAME.nodes.csv or NAME.gr.bin) prepares a road graph for fast routing',
  '  hubflow roads info DIR',
  '  hubflow roads route DIR --from LON,LAT --to LON,LAT [--weight time|distance] [--json]',
].join('\n');

/** A progress printer on stderr: one line per stage, percentages in steps of 10. */
function progressPrinter(): (stage: string, fraction: number) => void {
  let lastStage = '';
  let lastTenth = -1;
  const t0 = performance.now();
  return (stage, fraction) => {
    const tenth = Math.floor(fraction * 10);
    if (stage === lastStage && tenth === lastTenth) return;
    lastStage = stage;
    lastTenth = tenth;
    const pct = stage.startsWith('writing') ? '' : ` ${Math.round(fraction * 100)}%`;
    process.stderr.write(`  [${((performance.now() - t0) / 1000).toFixed(1)} s] ${stage}${pct}\n`);
  };
}

function lonLat(s: string, field: string): [number, number] {
  const parts = s.split(',').map(Number);
  if (parts.length !== 2 || !parts.every(Number.isFinite)) throw new InputError(`--${field} must be LON,LAT, got "${s}"`, field);
  return [parts[0], parts[1]];
}

/** hubflow roads import|info|route ... */
export async function run(argv: string[]): Promise<void> {
  const [sub, ...rest] = argv;
  if (sub === 'import') {
    const args = parseArgs(rest, { values: ['out', 'metrics'] });
    const file = args.positional[0];
    if (!file || args.positional.length > 1) throw new InputError(`roads import needs one input file\n${USAGE}`, 'file');
    const name = basename(file).replace(/\.(osm\.pbf|nodes\.csv|edges\.csv|gr\.bin|co\.bin)$/, '');
    const out = flagString(args, 'out') ?? join(defaultDataDir(), 'roads', name);
    const metrics = (flagString(args, 'metrics') ?? 'distance,time').split(',').map((m) => m.trim());
    for (const m of metrics) if (m !== 'distance' && m !== 'time') throw new InputError(`--metrics: unknown metric "${m}"`, 'metrics');
    const t0 = performance.now();
    const header = importRoadGraph(file, out, { metrics: metrics as Metric[], onProgress: progressPrinter() });
    const bytes = header.graph.bytes + Object.values(header.hierarchies).reduce((s, h) => s + (h?.bytes ?? 0), 0);
    console.log(
      `${out}: ${header.nodeCount} nodes, ${header.arcCount} arcs (largest strongly connected component of ${header.source}), ` +
        `hierarchies ${Object.keys(header.hierarchies).join(', ')}, ${(bytes / 1e6).toFixed(1)} MB, ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    return;
  }
  if (sub === 'info') {
    const dir = parseArgs(rest).positional[0];
    if (!dir) throw new InputError(`roads info needs a directory\n${USAGE}`, 'dir');
    const net = loadPreparedRoadGraph(dir);
    console.log(JSON.stringify(net.info, null, 2));
    return;
  }
  if (sub === 'route') {
    const args = parseArgs(rest, { values: ['from', 'to', 'weight'], booleans: ['json'] });
    const dir = args.positional[0];
    if (!dir) throw new InputError(`roads route needs a directory\n${USAGE}`, 'dir');
    const net = loadPreparedRoadGraph(dir);
    const r = route(net, lonLat(requireFlag(args, 'from'), 'from'), lonLat(requireFlag(args, 'to'), 'to'), {
      weight: flagString(args, 'weight') as Metric | undefined,
    });
    if (args.flags.has('json')) {
      console.log(JSON.stringify(r, null, 2));
      return;
    }
    if (!r) {
      console.log('no route');
      process.exitCode = 3;
      return;
    }
    console.log(`${(r.distanceM / 1000).toFixed(2)} km, ${(r.durationS / 60).toFixed(1)} min, ${r.nodeIds.length} nodes (${net.info.attribution})`);
    return;
  }
  throw new InputError(`unknown roads subcommand "${sub ?? ''}"\n${USAGE}`, 'command');
}
