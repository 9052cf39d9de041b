import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadNetworkData, Network } from '../../network/index.js';
import { batchToCsv, loadTariff, parseBatchCsv, quoteBatch, QuoteEngine, type QuoteRequest } from '../../quote/index.js';
import { InputError } from '../../shared/errors.js';
import { defaultDataDir } from '../../shared/paths.js';
import { flagNumber, flagString, parseArgs, requireFlag } from '../args.js';
import { writeAtomic } from '../output.js';

/**
 * hubflow quote --from A --to B --weight KG [--dims LxWxH] [--value CNY] [--service ID] [--json]
 * hubflow quote --batch rows.csv [--out quotes.csv]
 */
export async function run(argv: string[]): Promise<void> {
  const args = parseArgs(argv, { values: ['from', 'to', 'weight', 'dims', 'value', 'service', 'batch', 'out', 'data', 'ship-at'], booleans: ['json'] });
  const dataDir = flagString(args, 'data') ?? defaultDataDir();
  const engine = new QuoteEngine(new Network(loadNetworkData(dataDir)), loadTariff(join(dataDir, 'tariff.json')));

  const batch = flagString(args, 'batch');
  if (batch) {
    let text: string;
    try {
      text = readFileSync(batch, 'utf8');
    } catch (e) {
      throw new InputError(`--batch: cannot read ${batch}: ${(e as Error).message}`, 'batch');
    }
    const t0 = performance.now();
    const result = quoteBatch(engine, parseBatchCsv(text));
    const csv = batchToCsv(result);
    const out = flagString(args, 'out');
    if (out) {
      writeAtomic(out, csv);
    } else process.stdout.write(csv);
    console.error(`quoted ${result.okRows} rows, ${result.errorRows} with errors, in ${((performance.now() - t0) / 1000).toFixed(2)} s`);
    if (result.errorRows > 0) process.exitCode = 3;
    return;
  }

  const req: QuoteRequest = {
    origin: requireFlag(args, 'from'),
    destination: requireFlag(args, 'to'),
    weightKg: flagNumber(args, 'weight') ?? Number.NaN,
    declaredValueCny: flagNumber(args, 'value'),
    service: flagString(args, 'service'),
    shipAt: flagString(args, 'ship-at'),
  };
  const dims = flagString(args, 'dims');
  if (dims) {
    const parts = dims.toLowerCase().split('x').map(Number);
    if (parts.length !== 3 || parts.some((x) => !Number.isFinite(x) || x <= 0)) throw new InputError(`--dims must be LxWxH in cm, e.g. 30x20x10, got "${dims}"`, 'dims');
    [req.lengthCm, req.widthCm, req.heightCm] = parts;
  }
  if (!args.flags.has('weight')) throw new InputError('--weight is required (kg)', 'weight');
  const r = engine.quote(req);
  if (args.flags.has('json')) {
    console.log(JSON.stringify(r, null, 2));
    return;
  }
  const vol = r.volumetricWeightKg !== null ? `, volumetric ${r.volumetricWeightKg} kg` : '';
  console.log(`${r.origin.name} (${r.origin.nameZh}) → ${r.destination.name} (${r.destination.nameZh}), ${r.actualWeightKg} kg${vol}`);
  for (const o of r.options) {
    const tags = o.tags.length ? `  [${o.tags.join(', ')}]` : '';
    console.log(`\n  ${o.label.padEnd(9)} ¥${o.priceCny.toFixed(2).padStart(8)}  ${o.transitDays} day${o.transitDays === 1 ? '' : 's'}, delivered ${o.deliveryDate}  ${o.path.modes.join('+')}, ${Math.round(o.path.distanceM / 1000)} km, ${o.co2Kg} kg CO2${tags}`);
    for (const l of o.breakdown) console.log(`      ${l.component.padEnd(13)} ¥${l.amountCny.toFixed(2).padStart(7)}  ${l.detail}`);
  }
  for (const u of r.unavailable) console.log(`\n  ${u.service}: unavailable (${u.reason})`);
}
