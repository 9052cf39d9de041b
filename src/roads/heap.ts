/**
 * Indexed binary min-heap over the integers 0..capacity-1 with Float64 keys,
 * on typed arrays: push, pop, decrease/increase key in O(log n), membership in
 * O(1). Used by every search in src/roads (Dijkstra, witness searches, CH
 * queries) and by the node ordering of the contraction.
 */
export class IndexedMinHeap {
  /** heap[i] = item at heap slot i. */
  private readonly heap: Int32Array;
  /** pos[item] = heap slot + 1, or 0 when the item is not in the heap. */
  private readonly pos: Int32Array;
  private readonly keys: Float64Array;
  private count = 0;

  constructor(capacity: number) {
    this.heap = new Int32Array(Math.max(1, capacity));
    this.pos = new Int32Array(Math.max(1, capacity));
    this.keys = new Float64Array(Math.max(1, capacity));
  }

  get size(): number {
    return this.count;
  }

  isEmpty(): boolean {
    return this.count === 0;
  }

  has(item: number): boolean {
    return this.pos[item] !== 0;
  }

  /** Key of the minimum; Infinity when empty. */
  minKey(): number {
    return this.count === 0 ? Infinity : this.keys[this.heap[0]];
  }

  /** Item with the minimum key (undefined behaviour when empty). */
  peek(): number {
    return this.heap[0];
  }

  keyOf(item: number): number {
    return this.keys[item];
  }

  /** Inserts `item`, or moves it to `key` when it is already in the heap. */
  push(item: number, key: number): void {
    const p = this.pos[item];
    if (p !== 0) {
      const old = this.keys[item];
      this.keys[item] = key;
      if (key < old) this.up(p - 1);
      else if (key > old) this.down(p - 1);
      return;
    }
    this.keys[item] = key;
    const i = this.count++;
    this.heap[i] = item;
    this.pos[item] = i + 1;
    this.up(i);
  }

  /** Removes and returns the item with the minimum key. */
  pop(): number {
    const heap = this.heap;
    const top = heap[0];
    this.pos[top] = 0;
    const last = heap[--this.count];
    if (this.count > 0) {
      heap[0] = last;
      this.pos[last] = 1;
      this.down(0);
    }
    return top;
  }

  /** Empties the heap in O(size). */
  clear(): void {
    for (let i = 0; i < this.count; i++) this.pos[this.heap[i]] = 0;
    this.count = 0;
  }

  private up(i: number): void {
    const heap = this.heap;
    const pos = this.pos;
    const keys = this.keys;
    const item = heap[i];
    const key = keys[item];
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pItem = heap[parent];
      if (keys[pItem] <= key) break;
      heap[i] = pItem;
      pos[pItem] = i + 1;
      i = parent;
    }
    heap[i] = item;
    pos[item] = i + 1;
  }

  private down(i: number): void {
    const heap = this.heap;
    const pos = this.pos;
    const keys = this.keys;
    const n = this.count;
    const item = heap[i];
    const key = keys[item];
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      const right = child + 1;
      if (right < n && keys[heap[right]] < keys[heap[child]]) child = right;
      const cItem = heap[child];
      if (keys[cItem] >= key) break;
      heap[i] = cItem;
      pos[cItem] = i + 1;
      i = child;
    }
    heap[i] = item;
    pos[item] = i + 1;
  }
}
