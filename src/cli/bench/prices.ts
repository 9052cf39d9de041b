import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadNetworkData, Network } from '../../network/index.js';
import { loadTariff, QuoteEngine } from '../../quote/index.js';
import { createRng } from '../../shared/random.js';
import { defaultDataDir } from '../../shared/paths.js';
import { flagNumber, flagString, parseArgs } from '../args.js';

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};

/**
 * hubflow bench prices [--samples N] [--weight KG] [--seed S] [--out RESULT.json]: the distribution of quoted prices
 * per service over domestic city pairs drawn in proportion to population (origin × destination), for comparison
 * with the public per-parcel revenue figures (about ¥2.1–2.3 for e-commerce parcels, ¥9.1 on average, 2023).
 */
export async function run(argv: string[]): Promise<void> {
  const args = parseArgs(argv, { values: ['samples', 'weight', 'seed', 'out', 'data'] });
  const n = flagNumber(args, 'samples', 5000)!;
  const weightKg = flagNumber(args, 'weight', 1)!;
  const dataDir = flagString(args, 'data') ?? defaultDataDir();
  const network = new Network(loadNetworkData(dataDir));
  const engine = new QuoteEngine(network, loadTariff(join(dataDir, 'tariff.json')), () => new Date('2026-06-01T02:00:00Z'));
  const cities = network.data.cities;
  const total = cities.reduce((s, c) => s + c.population, 0);
  const rng = createRng(flagNumber(args, 'seed', 1)!);
  const pick = () => {
    let r = rng.next() * total;
    for (const c of cities) if ((r -= c.population) <= 0) return c;
    return cities[cities.length - 1];
  };
  const byService = new Map<string, { price: number[]; cost: number[]; days: number[] }>();
  for (let i = 0; i < n; i++) {
    const a = pick();
    const b = pick();
    if (a.id === b.id) continue;
    for (const o of engine.quote({ origin: a.id, destination: b.id, weightKg }).options) {
      const s = byService.get(o.service) ?? { price: [], cost: [], days: [] };
      s.price.push(o.priceCny);
      s.cost.push(o.costCny);
      s.days.push(o.transitDays);
      byService.set(o.service, s);
    }
  }
  console.log(`${weightKg} kg parcels between Chinese cities, pairs drawn by population (${n} samples)`);
  console.log(`${'service'.padEnd(10)}${'mean ¥'.padStart(9)}${'p10 ¥'.padStart(8)}${'median ¥'.padStart(10)}${'p90 ¥'.padStart(8)}${'cost ¥'.padStart(9)}${'days'.padStart(7)}`);
  const summary: Record<string, unknown> = {};
  for (const [svc, s] of byService) {
    const mean = s.price.reduce((x, y) => x + y, 0) / s.price.length;
    const meanCost = s.cost.reduce((x, y) => x + y, 0) / s.cost.length;
    const meanDays = s.days.reduce((x, y) => x + y, 0) / s.days.length;
    summary[svc] = { meanCny: mean, p10Cny: quantile(s.price, 0.1), medianCny: quantile(s.price, 0.5), p90Cny: quantile(s.price, 0.9), meanCostCny: meanCost, meanTransitDays: meanDays };
    console.log(`${svc.padEnd(10)}${mean.toFixed(2).padStart(9)}${quantile(s.price, 0.1).toFixed(2).padStart(8)}${quantile(s.price, 0.5).toFixed(2).padStart(10)}${quantile(s.price, 0.9).toFixed(2).padStart(8)}${meanCost.toFixed(2).padStart(9)}${meanDays.toFixed(1).padStart(7)}`);
  }
  const out = flagString(args, 'out');
  if (out) writeFileSync(out, JSON.stringify({ weightKg, samples: n, services: summary }, null, 2));
  const eco = summary.economy as { medianCny: number } | undefined;
  console.log(`prices: economy median ¥${eco?.medianCny.toFixed(2) ?? '–'} for ${weightKg} kg (public: e-commerce ≈ ¥2.1–2.3, all express ≈ ¥9.1 per parcel, 2023)`);
}
