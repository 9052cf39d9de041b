import { DataError } from '../shared/errors.js';

/** One series of an M4-layout file. */
export interface NamedSeries {
  id: string;
  values: number[];
}

function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"') {
        if (line[i + 1] === '"') {
          cur += '"';
          i++;
        } else quoted = false;
      } else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

/**
 * Parses the M4 layout: a header ("V1","V2",…) then one row per series, the
 * id then its values, padded with empty fields (dropped). `file` names the
 * source in errors.
 */
export function parseM4(text: string, file: string): NamedSeries[] {
  const lines = text.split(/\r?\n/);
  const out: NamedSeries[] = [];
  for (let r = 1; r < lines.length; r++) {
    const line = lines[r];
    if (line.trim() === '') continue;
    const cells = splitCsvLine(line);
    const id = cells[0].trim();
    if (!id) throw new DataError(file, r + 1, 'V1', 'missing series id');
    const values: number[] = [];
    for (let c = 1; c < cells.length; c++) {
      const s = cells[c].trim();
      if (s === '') continue;
      const v = Number(s);
      if (!Number.isFinite(v)) throw new DataError(file, r + 1, `V${c + 1}`, `not a number: "${s}"`);
      values.push(v);
    }
    out.push({ id, values });
  }
  return out;
}

/** Formats rows in the M4 layout with header "id","F1",…,"FH". */
export function formatM4(rows: readonly { id: string; values: readonly number[] }[], prefix = 'F'): string {
  const h = Math.max(0, ...rows.map((r) => r.values.length));
  const header = ['"id"', ...Array.from({ length: h }, (_, i) => `"${prefix}${i + 1}"`)].join(',');
  const body = rows.map((r) => [`"${r.id.replace(/"/g, '""')}"`, ...r.values.map((v) => String(v))].join(','));
  return [header, ...body].join('\n') + '\n';
}
