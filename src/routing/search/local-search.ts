import type { Rng } from '../../shared/random.js';
import type { SearchData } from './data.js';
import { RouteState } from './route-state.js';
import { Exchange } from './operators/exchange.js';
import { RelocateReversed } from './operators/relocate-reversed.js';
import { TwoOpt } from './operators/two-opt.js';
import { TwoOptStar } from './operators/two-opt-star.js';
import { SwapStar } from './operators/swap-star.js';
import { PairMoves } from './pair-moves.js';

const EPS = 1e-5;

/** Penalty weights per unit of excess load, excess duration and route beyond the fleet. */
export interface Penalties {
  load: number;
  time: number;
  fleet: number;
}

function sectorsOverlap(s: RouteState, a: number, b: number): boolean {
  const a0 = s.sectorStart[a];
  const a1 = s.sectorEnd[a];
  const b0 = s.sectorStart[b];
  const b1 = s.sectorEnd[b];
  return ((b0 - a0) & 65535) <= ((a1 - a0) & 65535) || ((a0 - b0) & 65535) <= ((b1 - b0) & 65535);
}

/**
 * Granular local search (first improvement), organised as in HGS-CVRP: for
 * each customer u in random order and each neighbour v, try the node
 * operators in turn and apply the first improving move; also insert at a
 * route's start and into an empty route; then SWAP* between routes whose
 * polar sectors overlap. Repeats until no move improves.
 */
export class LocalSearch {
  readonly state: RouteState;
  private readonly relocate1: Exchange;
  private readonly relocate2: Exchange;
  private readonly relocate2r: RelocateReversed;
  private readonly swap11: Exchange;
  private readonly swap21: Exchange;
  private readonly swap22: Exchange;
  private readonly twoOpt: TwoOpt;
  private readonly twoOptStar: TwoOptStar;
  private readonly swapStar: SwapStar;
  private readonly pairs: PairMoves;
  private readonly order: Int32Array;
  private readonly routeOrder: Int32Array;
  private readonly lastTested: Float64Array;
  private readonly lastSwapStar: Float64Array;
  private readonly nbr: Int32Array;
  /** Number of LS runs (for statistics). */
  runs = 0;

  /** Checked during long runs; when it returns true the search ends early (the state stays a valid solution). */
  shouldStop: () => boolean = () => false;

  constructor(readonly data: SearchData, private readonly rng: Rng) {
    const s = new RouteState(data);
    this.state = s;
    this.relocate1 = new Exchange(s, 1, 0);
    this.relocate2 = new Exchange(s, 2, 0);
    this.relocate2r = new RelocateReversed(s);
    this.swap11 = new Exchange(s, 1, 1);
    this.swap21 = new Exchange(s, 2, 1);
    this.swap22 = new Exchange(s, 2, 2);
    this.twoOpt = new TwoOpt(s);
    this.twoOptStar = new TwoOptStar(s);
    this.swapStar = new SwapStar(s);
    this.pairs = new PairMoves(s, this.relocate1, this.relocate2, this.relocate2r, this.swap11, this.swap21, this.swap22, this.twoOpt, this.twoOptStar);
    this.order = new Int32Array(data.n);
    for (let i = 0; i < data.n; i++) this.order[i] = i + 1;
    this.routeOrder = new Int32Array(s.R);
    for (let r = 0; r < s.R; r++) this.routeOrder[r] = r;
    this.lastTested = new Float64Array(data.n + 1);
    this.lastSwapStar = new Float64Array(s.R);
    this.nbr = Int32Array.from(data.nbr);
  }

  private shuffle(a: Int32Array, from = 0, to = a.length): void {
    for (let i = to - 1; i > from; i--) {
      const j = from + this.rng.int(i - from + 1);
      const t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }

  /**
   * Improves `routes` (customer ids per route) at the given penalty weights;
   * the result is left in `state`. Customers in no route stay out.
   */
  run(routes: ArrayLike<number>[], penalties: Penalties, factor = 1): void {
    const s = this.state;
    const data = this.data;
    this.runs++;
    s.penaltyLoad = penalties.load * factor;
    s.penaltyTime = penalties.time * factor;
    s.penaltyFleet = penalties.fleet * factor;
    s.load(routes);
    this.shuffle(this.order);
    this.shuffle(this.routeOrder);
    const granular = Math.max(1, data.nbrStart[2] - data.nbrStart[1]);
    for (let i = 1; i <= data.n; i++) {
      if (this.rng.int(granular) === 0) this.shuffle(this.nbr, data.nbrStart[i], data.nbrStart[i + 1]);
    }
    this.lastTested.fill(-1);
    this.lastSwapStar.fill(-1);
    const useSwapStar = true;
    for (let loop = 0; ; loop++) {
      let improved = loop < 2;
      for (let k = 0; k < this.order.length; k++) {
        if ((k & 63) === 63 && this.shouldStop()) return;
        const u = this.order[k];
        if (s.route[u] < 0) continue; // not routed (a partial plan)
        const lastU = this.lastTested[u];
        this.lastTested[u] = s.moves;
        const end = data.nbrStart[u + 1];
        const route = s.route;
        const modified = s.routeModified;
        // A pair is tried again only when one of its routes changed since u was last tried;
        // every applied move changes u's route.
        let uChanged = loop === 0 || modified[route[u]] > lastU;
        const pairs = this.pairs;
        // u's side of the pairs is read once, and again after each applied move.
        pairs.setU(u);
        // No move at all since u was last tried: every pair would be skipped below.
        const start = !uChanged && s.moves <= lastU ? end : data.nbrStart[u];
        for (let j = start; j < end; j++) {
          const v = this.nbr[j];
          const rv = route[v];
          if (rv < 0 || (!uChanged && modified[rv] <= lastU)) continue;
          if (pairs.tryV(v)) {
            improved = uChanged = true;
            pairs.setU(u);
            continue;
          }
          const p = s.prev[v];
          if (s.isDepot(p) && pairs.tryDepot(p)) {
            improved = uChanged = true;
            pairs.setU(u);
          }
        }
        if (loop > 0) {
          const empty = this.firstEmptyRoute();
          if (empty >= 0 && pairs.tryDepot(s.startDepot(empty))) improved = true;
        }
      }
      if (useSwapStar) {
        const hasAngles = data.angle !== null;
        for (let i = 0; i < s.R; i++) {
          const rU = this.routeOrder[i];
          const lastU = this.lastSwapStar[rU];
          this.lastSwapStar[rU] = s.moves;
          if (s.routeSize[rU] === 0) continue;
          for (let j = 0; j < s.R; j++) {
            const rV = this.routeOrder[j];
            if (rV <= rU || s.routeSize[rV] === 0) continue;
            if (loop > 0 && Math.max(s.routeModified[rU], s.routeModified[rV]) <= lastU) continue;
            if (hasAngles && !sectorsOverlap(s, rU, rV)) continue;
            if (this.swapStar.evaluate(rU, rV) < -EPS) {
              this.swapStar.apply();
              improved = true;
              if (s.routeSize[rU] === 0) break;
            }
          }
        }
      }
      if (!improved) break;
    }
  }

  private firstEmptyRoute(): number {
    const s = this.state;
    if (s.used >= s.R) return -1; // every slot in use (a limited fleet at its size)
    for (let r = 0; r < s.R; r++) if (s.routeSize[r] === 0) return r;
    return -1;
  }

  /** Non-empty routes of the current state, ordered by the polar angle of their barycentre when coordinates exist. */
  exportRoutes(): number[][] {
    const s = this.state;
    const xy = this.data.xy;
    const routes: { seq: number[]; key: number }[] = [];
    for (let r = 0; r < s.R; r++) {
      if (s.routeSize[r] === 0) continue;
      const seq = s.customers(r);
      let key = r;
      if (xy) {
        let sx = 0;
        let sy = 0;
        for (const c of seq) {
          sx += xy[2 * c];
          sy += xy[2 * c + 1];
        }
        key = Math.atan2(sy / seq.length - xy[1], sx / seq.length - xy[0]);
      }
      routes.push({ seq, key });
    }
    routes.sort((a, b) => a.key - b.key);
    return routes.map((r) => r.seq);
  }
}
