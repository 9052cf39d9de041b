/**
 * Side-by-side comparison of two results' numeric KPIs, generic over whatever
 * the `kpis` objects hold.
 */
import { NotFoundError } from '../shared/errors.js';
import type { ScenarioStore } from './types.js';

/** One KPI of both sides: a value missing (or not a finite number) on a side is null. */
export interface KpiDifference {
  name: string;
  a: number | null;
  b: number | null;
  /** b − a, or null when either side is missing. */
  diff: number | null;
  /** (b − a) / |a| × 100, or null when either side is missing or a is 0. */
  diffPct: number | null;
}

/** Which scenario and run one side of a comparison comes from. */
export interface ScenarioSide {
  scenarioId: string;
  name: string;
  runId: string;
}

/** Two scenarios' latest finished runs, KPI by KPI. */
export interface ScenarioComparison {
  a: ScenarioSide;
  b: ScenarioSide;
  kpis: KpiDifference[];
}

function numericKpis(result: unknown): Map<string, number> {
  const out = new Map<string, number>();
  const kpis = result !== null && typeof result === 'object' ? (result as { kpis?: unknown }).kpis : undefined;
  if (kpis === null || typeof kpis !== 'object' || Array.isArray(kpis)) return out;
  for (const [k, v] of Object.entries(kpis)) {
    if (typeof v === 'number' && Number.isFinite(v)) out.set(k, v);
  }
  return out;
}

/**
 * Compares `a.kpis` with `b.kpis` (objects of numbers; other values are
 * ignored). KPIs come in a's order, then those only b has.
 */
export function compare(a: unknown, b: unknown): KpiDifference[] {
  const ka = numericKpis(a);
  const kb = numericKpis(b);
  const names = [...ka.keys(), ...[...kb.keys()].filter((k) => !ka.has(k))];
  return names.map((name) => {
    const va = ka.get(name) ?? null;
    const vb = kb.get(name) ?? null;
    const diff = va !== null && vb !== null ? vb - va : null;
    const diffPct = diff !== null && va !== 0 ? (diff / Math.abs(va as number)) * 100 : null;
    return { name, a: va, b: vb, diff, diffPct };
  });
}

/**
 * Compares the latest finished ('done') runs of two scenarios. NotFoundError
 * (field `a` or `b`) when a scenario is unknown or has no finished run.
 */
export async function compareScenarios(store: ScenarioStore, aId: string, bId: string): Promise<ScenarioComparison> {
  const side = async (id: string, field: 'a' | 'b') => {
    let scenario;
    try {
      scenario = await store.getScenario(id);
    } catch (err) {
      if (err instanceof NotFoundError) throw new NotFoundError(err.message, field);
      throw err;
    }
    const run = await store.latestRun(id, 'done');
    if (!run) throw new NotFoundError(`store: scenario ${id} has no finished run to compare`, field);
    return { side: { scenarioId: id, name: scenario.name, runId: run.id }, result: run.result };
  };
  const a = await side(aId, 'a');
  const b = await side(bId, 'b');
  return { a: a.side, b: b.side, kpis: compare(a.result, b.result) };
}
