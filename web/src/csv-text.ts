// CSV records (RFC 4180) with the line each starts on: the one reader behind the stop import
// (ops-csv.ts) and the quote batch (batch-csv.ts). Hand-written rather than csv-parse, whose
// browser build carries a Buffer polyfill (113 KB unminified) for what is 40 lines here.

/** One record: the file line it starts on (1-based) and its cells, unquoted. */
export interface CsvRecord {
  line: number;
  cells: string[];
}

/**
 * Records of CSV text separated by `sep`: quoted cells may hold the separator, quotes as "" and line
 * breaks; \n, \r\n and \r end a record; a leading byte-order mark is dropped. Empty lines give a
 * record with one empty cell (callers skip them as they see fit).
 */
export function csvRecords(text: string, sep = ','): CsvRecord[] {
  const out: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) line++;
        cell += c;
      }
    } else if (c === '"') quoted = true;
    else if (c === sep) {
      cells.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      cells.push(cell);
      out.push({ line: start, cells });
      cells = [];
      cell = '';
      start = ++line;
    } else cell += c;
  }
  if (cell !== '' || cells.length) {
    cells.push(cell);
    out.push({ line: start, cells });
  }
  return out;
}
