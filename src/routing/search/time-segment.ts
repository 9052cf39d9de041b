/**
 * Duration segment with time warp (Vidal et al. 2013, "A hybrid genetic
 * algorithm with adaptive diversity management for a large class of vehicle
 * routing problems with time-windows"): for a sequence of visits, its
 * minimal duration (travel + service + waiting), the time warp it needs
 * (lateness, as time travelled back), and the earliest and latest start of
 * service at its first visit that achieve them. Concatenation is O(1).
 */
export class Seg {
  dur = 0;
  warp = 0;
  early = 0;
  late = Infinity;

  set(dur: number, warp: number, early: number, late: number): this {
    this.dur = dur;
    this.warp = warp;
    this.early = early;
    this.late = late;
    return this;
  }

  /** this ⊕ (dur, warp, early, late), with travel time `t` between them. */
  append(t: number, dur: number, warp: number, early: number, late: number): this {
    const delta = this.dur - this.warp + t;
    const w1 = early - delta - this.late;
    const wait = w1 > 0 ? w1 : 0;
    const w2 = this.early + delta - late;
    const tw = w2 > 0 ? w2 : 0;
    const e = early - delta;
    const l = late - delta;
    this.early = (e > this.early ? e : this.early) - wait;
    this.late = (l < this.late ? l : this.late) + tw;
    this.dur = this.dur + dur + t + wait;
    this.warp = this.warp + warp + tw;
    return this;
  }

  /** Time warp plus excess of duration over `maxDuration`. */
  excess(maxDuration: number): number {
    const over = this.dur - maxDuration;
    return this.warp + (over > 0 ? over : 0);
  }
}
