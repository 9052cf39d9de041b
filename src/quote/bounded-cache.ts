/**
 * A map bounded to about 2 × `generation` entries that keeps what is in use:
 * entries go into the young generation; when it is full it becomes the old
 * one (the previous old one is dropped), and a hit in the old generation
 * moves the entry back to the young one. An approximate LRU at the cost of
 * two Map lookups on a miss, with no per-hit bookkeeping.
 */
export class BoundedCache<K, V> {
  private young = new Map<K, V>();
  private old = new Map<K, V>();
  /** Lookups answered, and lookups that found nothing (for hit-rate reports). */
  hits = 0;
  misses = 0;

  constructor(private readonly generation: number) {
    if (!(generation >= 1)) throw new RangeError(`BoundedCache: generation must be ≥ 1, got ${generation}`);
  }

  get(key: K): V | undefined {
    let v = this.young.get(key);
    if (v !== undefined) {
      this.hits++;
      return v;
    }
    v = this.old.get(key);
    if (v !== undefined) {
      this.hits++;
      this.old.delete(key);
      this.set(key, v);
      return v;
    }
    this.misses++;
    return undefined;
  }

  set(key: K, value: V): void {
    if (this.young.size >= this.generation) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(key, value);
  }

  clear(): void {
    this.young.clear();
    this.old.clear();
  }

  /** Entries held (at most 2 × generation). */
  get size(): number {
    return this.young.size + this.old.size;
  }
}
