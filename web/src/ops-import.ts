// The CSV import of the Operations view: reads the file, shows the mapping step (columns guessed,
// the user can change them, the rows that will be imported and a clear error per bad row), and
// hands the stops and pickup-and-delivery pairs over on "Import".
import { esc } from './format.js';
import { guessMapping, readCsv, stopsFromTable, type CsvTable, type Mapping } from './ops-csv.js';
import { mappingHtml } from './ops-panel-html.js';
import type { OpsStop } from './ops-types.js';

/** What an import gives. */
export interface Imported {
  file: string;
  stops: OpsStop[];
  pairs: Array<{ pickup: string; delivery: string }>;
}

/** Wires the file input and the mapping box; `onImport` gets the stops when the user confirms. */
export function createImport(fileInput: HTMLInputElement, box: HTMLElement, onImport: (x: Imported) => void): void {
  let pending: { file: string; table: CsvTable; mapping: Mapping } | null = null;

  const render = () => {
    if (!pending) {
      box.hidden = true;
      box.innerHTML = '';
      return;
    }
    const { stops, pairs, errors } = stopsFromTable(pending.table, pending.mapping);
    box.hidden = false;
    box.innerHTML = mappingHtml(pending.file, pending.table, pending.mapping, stops.length, errors, pairs.length);
  };
  const read = async (f: File) => {
    const table = readCsv(await f.text());
    if (table.header.length === 0) {
      pending = null;
      box.hidden = false;
      box.innerHTML = `<div class="notice error" data-testid="ops-import-error">${esc(f.name)} is empty: a header line and one line per stop are expected.</div>`;
      return;
    }
    pending = { file: f.name, table, mapping: guessMapping(table.header) };
    render();
  };

  fileInput.addEventListener('change', () => {
    const f = fileInput.files?.[0];
    if (f) void read(f);
    fileInput.value = '';
  });
  box.addEventListener('change', (e) => {
    const s = (e.target as HTMLElement).closest<HTMLSelectElement>('select[data-field]');
    if (!s || !pending) return;
    pending.mapping[s.dataset.field as keyof Mapping] = Number(s.value);
    render();
  });
  box.addEventListener('click', (e) => {
    const t = (e.target as HTMLElement).closest<HTMLElement>('[data-testid]')?.dataset.testid;
    if (t === 'ops-map-cancel') {
      pending = null;
      render();
    }
    if (t !== 'ops-map-apply' || !pending) return;
    const { stops, pairs } = stopsFromTable(pending.table, pending.mapping);
    if (stops.length === 0) return;
    const file = pending.file;
    pending = null;
    render();
    onImport({ file, stops, pairs });
  });
}
