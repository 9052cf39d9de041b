const SLAB_BYTES = 64 * 1024;

/**
 * Latin-1 bytes of one-byte strings, cut from 64 KB slabs, as Buffer.from
 * cuts strings under 4 KB from its 8 KB pool: a quote answer is 2–6 KB, and
 * from 4 KB on Buffer.from gives each its own allocation (about twice the
 * time, measured). Each slab is only written forward, so a Buffer handed out
 * is never overwritten; a slab is freed once its last Buffer is.
 */
export class Latin1Slab {
  private slab = Buffer.allocUnsafeSlow(SLAB_BYTES);
  private used = 0;

  /** The bytes of s (its characters must be below U+0100, as quoteJson's are: ASCII). */
  bytes(s: string): Buffer {
    const n = s.length;
    if (n > SLAB_BYTES >>> 2) return Buffer.from(s, 'latin1');
    if (this.used + n > SLAB_BYTES) {
      this.slab = Buffer.allocUnsafeSlow(SLAB_BYTES);
      this.used = 0;
    }
    const start = this.used;
    const written = this.slab.write(s, start, n, 'latin1');
    this.used = (start + written + 7) & ~7; // the next one starts 8-byte aligned, as Node's pool does
    return this.slab.subarray(start, start + written);
  }
}
