import { haversineM } from './geo.js';
import type { RoadGraph } from './types.js';

/** The nearest road node to a point, and how far it is (metres, or file units on a projected graph). */
export interface Snapped {
  node: number;
  distanceM: number;
}

/**
 * A uniform grid over the nodes (CSR of cells on typed arrays) for nearest
 * node look-ups. Lon/lat graphs are gridded on an equirectangular plane
 * (longitude scaled by the cosine of the mean latitude); the winner is
 * measured by haversine.
 */
export class SnapIndex {
  private readonly minX: number;
  private readonly minY: number;
  private readonly cellSize: number;
  private readonly cols: number;
  private readonly rows: number;
  private readonly cellStart: Int32Array;
  private readonly cellNodes: Int32Array;
  private readonly px: Float64Array;
  private readonly py: Float64Array;
  private readonly xScale: number;

  constructor(private readonly g: RoadGraph) {
    const n = g.nodeCount;
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (let i = 0; i < n; i++) {
      if (g.y[i] < minY) minY = g.y[i];
      if (g.y[i] > maxY) maxY = g.y[i];
    }
    this.xScale = g.projected || n === 0 ? 1 : Math.cos((((minY + maxY) / 2) * Math.PI) / 180);
    this.px = new Float64Array(n);
    this.py = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const x = g.x[i] * this.xScale;
      this.px[i] = x;
      this.py[i] = g.y[i];
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
    }
    const w = Math.max(maxX - minX, 1e-9);
    const h = Math.max(maxY - minY, 1e-9);
    // about two nodes per cell
    this.cellSize = Math.max(Math.sqrt((w * h) / Math.max(1, n / 2)), 1e-9);
    this.cols = Math.min(4096, Math.floor(w / this.cellSize) + 1);
    this.rows = Math.min(4096, Math.floor(h / this.cellSize) + 1);
    this.minX = minX;
    this.minY = minY;
    const cellOf = new Int32Array(n);
    this.cellStart = new Int32Array(this.cols * this.rows + 1);
    for (let i = 0; i < n; i++) {
      const c = this.cellIndex(this.px[i], this.py[i]);
      cellOf[i] = c;
      this.cellStart[c + 1]++;
    }
    for (let c = 0; c < this.cols * this.rows; c++) this.cellStart[c + 1] += this.cellStart[c];
    const fill = this.cellStart.slice(0, this.cols * this.rows);
    this.cellNodes = new Int32Array(n);
    for (let i = 0; i < n; i++) this.cellNodes[fill[cellOf[i]]++] = i;
  }

  private col(x: number): number {
    return Math.min(this.cols - 1, Math.max(0, Math.floor((x - this.minX) / this.cellSize)));
  }

  private row(y: number): number {
    return Math.min(this.rows - 1, Math.max(0, Math.floor((y - this.minY) / this.cellSize)));
  }

  private cellIndex(x: number, y: number): number {
    return this.row(y) * this.cols + this.col(x);
  }

  /** The nearest node to [x, y] ([lon, lat] on a geographic graph); null on an empty graph. */
  nearest(x: number, y: number): Snapped | null {
    if (this.g.nodeCount === 0) return null;
    const qx = x * this.xScale;
    const qy = y;
    const c0 = this.col(qx);
    const r0 = this.row(qy);
    // planar distance from the query to the grid's boundary cell, so rings start counting there
    const outside = Math.max(
      0,
      this.minX - qx,
      qx - (this.minX + this.cols * this.cellSize),
      this.minY - qy,
      qy - (this.minY + this.rows * this.cellSize),
    );
    let best = -1;
    let bestD2 = Infinity;
    const maxRing = Math.max(this.cols, this.rows);
    for (let ring = 0; ring <= maxRing; ring++) {
      for (let r = r0 - ring; r <= r0 + ring; r++) {
        if (r < 0 || r >= this.rows) continue;
        const edge = r === r0 - ring || r === r0 + ring;
        const step = edge ? 1 : 2 * ring;
        for (let c = c0 - ring; c <= c0 + ring; c += step || 1) {
          if (c < 0 || c >= this.cols) continue;
          const cell = r * this.cols + c;
          for (let k = this.cellStart[cell]; k < this.cellStart[cell + 1]; k++) {
            const i = this.cellNodes[k];
            const dx = this.px[i] - qx;
            const dy = this.py[i] - qy;
            const d2 = dx * dx + dy * dy;
            if (d2 < bestD2) {
              bestD2 = d2;
              best = i;
            }
          }
        }
      }
      // any cell of a later ring is at least this far (planar) from the query
      const along = ring * this.cellSize;
      if (best >= 0 && bestD2 <= outside * outside + along * along) break;
    }
    const g = this.g;
    const distanceM = g.projected ? Math.hypot(g.x[best] - x, g.y[best] - y) : haversineM(x, y, g.x[best], g.y[best]);
    return { node: best, distanceM };
  }
}
