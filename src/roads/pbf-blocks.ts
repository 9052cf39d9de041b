/** One file block of an .osm.pbf: [4-byte length][BlobHeader][Blob]. */
export interface PbfBlock {
  /** "OSMHeader" or "OSMData". */
  type: string;
  start: number;
  end: number;
}

/** Reads a protobuf varint at `pos`; returns [value, next position] or null past `end`. */
function varint(b: Uint8Array, pos: number, end: number): [number, number] | null {
  let value = 0;
  let mul = 1;
  for (let i = 0; i < 10; i++) {
    if (pos >= end) return null;
    const byte = b[pos++];
    value += (byte & 0x7f) * mul;
    if ((byte & 0x80) === 0) return [value, pos];
    mul *= 128;
  }
  return null;
}

/**
 * Walks the block framing of an .osm.pbf file (OSM wiki, "PBF Format": each
 * block is a big-endian int32 BlobHeader length, the BlobHeader with its
 * `type` (field 1) and `datasize` (field 3), then the Blob). Returns the
 * blocks, or an error message naming the byte offset where the framing
 * breaks (truncated or not a .pbf).
 */
export function pbfBlocks(b: Uint8Array): PbfBlock[] | string {
  const blocks: PbfBlock[] = [];
  let pos = 0;
  while (pos < b.length) {
    if (pos + 4 > b.length) return `truncated at byte ${pos} (block length)`;
    const headerLen = ((b[pos] << 24) | (b[pos + 1] << 16) | (b[pos + 2] << 8) | b[pos + 3]) >>> 0;
    const hStart = pos + 4;
    const hEnd = hStart + headerLen;
    if (headerLen === 0 || headerLen > 64 * 1024 || hEnd > b.length) return `bad or truncated block header at byte ${pos}`;
    let type = '';
    let datasize = -1;
    let p = hStart;
    while (p < hEnd) {
      const key = varint(b, p, hEnd);
      if (!key) return `bad block header at byte ${pos}`;
      p = key[1];
      const field = Math.floor(key[0] / 8);
      const wire = key[0] % 8;
      if (wire === 0) {
        const v = varint(b, p, hEnd);
        if (!v) return `bad block header at byte ${pos}`;
        if (field === 3) datasize = v[0];
        p = v[1];
      } else if (wire === 2) {
        const len = varint(b, p, hEnd);
        if (!len || len[1] + len[0] > hEnd) return `bad block header at byte ${pos}`;
        if (field === 1) type = new TextDecoder().decode(b.subarray(len[1], len[1] + len[0]));
        p = len[1] + len[0];
      } else {
        return `bad block header at byte ${pos}`;
      }
    }
    if (datasize < 0 || !type) return `block header without type or size at byte ${pos}`;
    const end = hEnd + datasize;
    if (end > b.length) return `truncated: block at byte ${pos} needs ${end - b.length} more bytes`;
    blocks.push({ type, start: pos, end });
    pos = end;
  }
  if (blocks.length === 0) return 'empty file';
  if (blocks[0].type !== 'OSMHeader') return `the first block is "${blocks[0].type}", not OSMHeader`;
  return blocks;
}
