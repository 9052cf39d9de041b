import type { Rng } from '../../shared/random.js';
import type { Individual } from './individual.js';

/** Population parameters (HGS-CVRP defaults, Vidal 2022). */
export interface PopulationParams {
  /** Minimum size of each sub-population. */
  mu: number;
  /** Generation size: a sub-population is culled back to mu once it holds mu + lambda. */
  lambda: number;
  /** Elite individuals protected by the biased fitness. */
  nbElite: number;
  /** Number of closest individuals for the diversity contribution. */
  nbClose: number;
}

/** HGS-CVRP population defaults. */
export const DEFAULT_POPULATION: PopulationParams = { mu: 25, lambda: 40, nbElite: 4, nbClose: 5 };

/** A sub-population sorted by penalised cost, with survivor selection by biased fitness (cost rank + diversity rank). */
export class SubPopulation {
  readonly members: Individual[] = [];
  /** False once members changed since the last fitness update. */
  private fresh = false;
  /** Scratch for the fitness update: member indices by diversity, and minus each member's diversity. */
  private readonly order: number[] = [];
  private div = new Float64Array(128);
  private readonly byDiversity = (a: number, b: number): number => this.div[a] - this.div[b] || a - b;

  constructor(
    private readonly params: PopulationParams,
    /** Individuals culled from the population, for reuse by the caller. */
    private readonly removed: Individual[] = [],
  ) {}

  /** Inserts in order of penalised cost; culls to mu when it reaches mu + lambda. */
  add(ind: Individual): void {
    this.fresh = false;
    for (const o of this.members) {
      const d = ind.distance(o);
      o.addNear(ind, d);
      ind.addNear(o, d);
    }
    let lo = 0;
    let hi = this.members.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.members[mid].penalised <= ind.penalised) lo = mid + 1;
      else hi = mid;
    }
    this.members.splice(lo, 0, ind);
    if (this.members.length >= this.params.mu + this.params.lambda) {
      while (this.members.length > this.params.mu) this.removeWorst();
    }
  }

  /** Recomputes every member's biased fitness. */
  updateFitness(): void {
    if (this.fresh) return;
    this.fresh = true;
    const m = this.members;
    const size = m.length;
    if (this.div.length < size) this.div = new Float64Array(2 * size);
    if (size === 1) {
      m[0].biasedFitness = 0;
      return;
    }
    const order = this.order;
    const div = this.div;
    order.length = size;
    for (let i = 0; i < size; i++) {
      order[i] = i;
      div[i] = -m[i].avgNear(this.params.nbClose);
    }
    order.sort(this.byDiversity);
    for (let k = 0; k < size; k++) {
      const divRank = k / (size - 1);
      const fitRank = order[k] / (size - 1);
      const ind = m[order[k]];
      ind.biasedFitness = size <= this.params.nbElite ? fitRank : fitRank + (1 - this.params.nbElite / size) * divRank;
    }
  }

  private removeWorst(): void {
    this.updateFitness();
    const m = this.members;
    let worst = 1;
    let worstClone = false;
    let worstFit = -Infinity;
    for (let i = 1; i < m.length; i++) {
      const clone = m[i].avgNear(1) < 1e-9;
      if ((clone && !worstClone) || (clone === worstClone && m[i].biasedFitness > worstFit)) {
        worst = i;
        worstClone = clone;
        worstFit = m[i].biasedFitness;
      }
    }
    const [gone] = m.splice(worst, 1);
    this.fresh = false;
    this.removed.push(gone);
    for (const o of m) o.removeNear(gone);
  }

  /** Re-sorts after penalty weights changed (caller has updated `penalised`). */
  resort(): void {
    this.fresh = false;
    this.members.sort((a, b) => a.penalised - b.penalised);
  }

  clear(): void {
    this.fresh = false;
    for (const m of this.members) this.removed.push(m);
    this.members.length = 0;
  }

  /** Takes out the members matching `pred` (not culled: they are returned to the caller). */
  take(pred: (ind: Individual) => boolean): Individual[] {
    const out = this.members.filter(pred);
    if (out.length === 0) return out;
    this.fresh = false;
    const keep = this.members.filter((m) => !pred(m));
    this.members.length = 0;
    this.members.push(...keep);
    for (const gone of out) {
      for (const o of keep) o.removeNear(gone);
      gone.nearD.length = 0;
      gone.nearOther.length = 0;
    }
    return out;
  }
}

/** Feasible and infeasible sub-populations and binary-tournament parent selection. */
export class Population {
  readonly feasible: SubPopulation;
  readonly infeasible: SubPopulation;
  /** Individuals dropped by survivor selection or a restart since the caller last emptied this list. */
  readonly removed: Individual[] = [];

  constructor(params: PopulationParams, private readonly rng: Rng) {
    this.feasible = new SubPopulation(params, this.removed);
    this.infeasible = new SubPopulation(params, this.removed);
  }

  add(ind: Individual): void {
    (ind.feasible ? this.feasible : this.infeasible).add(ind);
  }

  get size(): number {
    return this.feasible.members.length + this.infeasible.members.length;
  }

  /** Binary tournament on biased fitness over both sub-populations. */
  select(): Individual {
    this.feasible.updateFitness();
    this.infeasible.updateFitness();
    const a = this.pick();
    const b = this.pick();
    return a.biasedFitness < b.biasedFitness ? a : b;
  }

  private pick(): Individual {
    const nf = this.feasible.members.length;
    const k = this.rng.int(this.size);
    return k < nf ? this.feasible.members[k] : this.infeasible.members[k - nf];
  }

  clear(): void {
    this.feasible.clear();
    this.infeasible.clear();
  }

  /**
   * Moves individuals whose feasibility changed (e.g. after a new fleet
   * limit; the caller has updated them) to the other sub-population.
   */
  repartition(): void {
    const toInfeasible = this.feasible.take((m) => !m.feasible);
    const toFeasible = this.infeasible.take((m) => m.feasible);
    for (const m of toInfeasible) this.infeasible.add(m);
    for (const m of toFeasible) this.feasible.add(m);
    this.infeasible.resort();
    this.feasible.resort();
  }
}
