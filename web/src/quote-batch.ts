// The batch part of the Quote view: a CSV file in (file input or drop), POST /api/quotes/batch as
// text/csv, a summary of the answer (rows quoted, rows with errors and the first errors) and the
// quotes as a CSV download. A sample input file is made in the browser from real place ids.
import { ApiError, fetchBatchCsv } from './api.js';
import { esc, fixed } from './format.js';
import { BATCH_COLUMNS, countDataRows, sampleCsv, summarizeBatchCsv, type BatchSummary } from './batch-csv.js';
import { deliveryDay } from './quote-logic.js';

/** Options of {@link createQuoteBatch}. */
export interface QuoteBatchOptions {
  /** Six or more real city ids for the sample file, most populous first. */
  sampleIds: readonly string[];
}

const MAX_ROWS = 10_000;
const MAX_BYTES = 20 * 1024 * 1024;
const SHOW_ERRORS = 5;
const SHOW_LINES = 6;

function renderSummary(s: BatchSummary, fileName: string): string {
  const tile = (label: string, value: number, key: string, cls = '') =>
    `<div class="tile${cls}" data-testid="batch-${key}"><div class="tile-label">${label}</div><div class="tile-value">${value.toLocaleString('en-US')}</div></div>`;
  const errors = s.errors.length
    ? `<div class="notice error b-errors" data-testid="batch-errors"><div class="notice-title">${s.errorRows} row${s.errorRows === 1 ? '' : 's'} with errors (the others are quoted)</div><ul>` +
      s.errors
        .slice(0, SHOW_ERRORS)
        .map((e) => `<li data-testid="batch-error"><strong>Row ${e.row}</strong> <span class="b-line">(line ${e.row + 1})</span>: ${esc(e.detail)}</li>`)
        .join('') +
      (s.errors.length > SHOW_ERRORS ? `<li class="more">and ${s.errors.length - SHOW_ERRORS} more in quotes.csv</li>` : '') +
      `</ul></div>`
    : `<div class="notice ok" data-testid="batch-no-errors">Every row was quoted.</div>`;
  const noRoute = s.noRouteRows ? `<div class="notice warn">${s.noRouteRows} row${s.noRouteRows === 1 ? '' : 's'} had no route for any service (see the error column).</div>` : '';
  const preview = s.lines.length
    ? `<table class="b-preview" data-testid="batch-preview"><colgroup><col class="c-row"><col><col class="c-svc"><col class="c-cny"><col class="c-date"></colgroup><thead><tr><th>Row</th><th>From → To</th><th>Service</th><th class="num">¥</th><th class="num">Delivered</th></tr></thead><tbody>` +
      s.lines
        .slice(0, SHOW_LINES)
        .map(
          (l) =>
            `<tr><td>${l.row}</td><td class="name">${esc(l.origin)} → ${esc(l.destination)}</td><td>${esc(l.service)}</td><td class="num">${fixed(l.priceCny, 2)}</td><td class="num">${deliveryDay(l.deliveryDate)}</td></tr>`,
        )
        .join('') +
      `</tbody></table>` +
      (s.lines.length > SHOW_LINES ? `<p class="b-more">First ${SHOW_LINES} of ${s.lines.length.toLocaleString('en-US')} options; all of them are in quotes.csv.</p>` : '')
    : '';
  return (
    `<div class="result-head" data-testid="batch-summary"><div class="result-title">Batch quoted</div><div class="result-route">${esc(fileName)}</div>` +
    `<div class="result-meta">${s.rows.toLocaleString('en-US')} row${s.rows === 1 ? '' : 's'} · ${s.options.toLocaleString('en-US')} priced options</div></div>` +
    `<div class="tiles b-tiles">${tile('Rows quoted', s.quotedRows, 'quoted', ' main')}${tile('Rows with errors', s.errorRows, 'error-count', s.errorRows ? ' bad' : '')}</div>` +
    `<div class="b-download"><a class="button primary" data-testid="batch-download" download="quotes.csv">Download quotes.csv</a><span class="b-hint">one line per row and service, with the error of each failed row</span></div>` +
    errors +
    noRoute +
    preview
  );
}

/** Builds the batch upload inside `root`. */
export function createQuoteBatch(root: HTMLElement, o: QuoteBatchOptions): void {
  root.innerHTML =
    `<div class="panel-section"><h2 class="section-title">Quote a CSV file</h2>` +
    `<p class="section-hint">One parcel per row, up to ${MAX_ROWS.toLocaleString('en-US')} rows. A bad row gets its own error and never stops the others.</p>` +
    `<label class="dropzone" data-testid="batch-drop"><input type="file" accept=".csv,text/csv,text/plain" data-testid="batch-file">` +
    `<span class="dz-title">Choose a CSV file</span><span class="dz-hint">or drop it here</span></label>` +
    `<div class="b-columns"><span class="field-label">Columns</span><code>${BATCH_COLUMNS.map((c, i) => (i < 3 ? `<b>${c}</b>` : c)).join(', ')}</code>` +
    `<p>Bold ones are required. <b>origin</b>, <b>destination</b>: a city id or name; sizes in cm; <code>service</code> empty for all; <code>shipAt</code> ISO 8601.</p>` +
    `<a href="#" class="sample" data-testid="batch-sample" download="hubflow-sample.csv">Download a sample CSV</a></div></div>` +
    `<div class="panel-section result" data-testid="batch-result" aria-live="polite"></div>`;
  const file = root.querySelector<HTMLInputElement>('[data-testid="batch-file"]')!;
  const drop = root.querySelector<HTMLElement>('[data-testid="batch-drop"]')!;
  const out = root.querySelector<HTMLElement>('[data-testid="batch-result"]')!;
  const sample = root.querySelector<HTMLAnchorElement>('[data-testid="batch-sample"]')!;
  let outUrl: string | null = null;
  let inflight: AbortController | null = null;

  const sampleUrl = URL.createObjectURL(new Blob([sampleCsv(o.sampleIds, new Date())], { type: 'text/csv' }));
  sample.href = sampleUrl;

  const fail = (title: string, message: string, field?: string) => {
    const f = field ? `<div class="notice-hint">Field: <code>${esc(field)}</code></div>` : '';
    out.innerHTML = `<div class="notice error" role="alert" data-testid="batch-error-file"><div class="notice-title">${esc(title)}</div><div>${esc(message)}</div>${f}</div>`;
    root.dataset.state = 'error';
  };

  const upload = async (f: File) => {
    inflight?.abort();
    if (outUrl) URL.revokeObjectURL(outUrl);
    outUrl = null;
    if (f.size > MAX_BYTES) return fail('The file is too large', `${f.name} is ${fixed(f.size / 1048576, 1)} MB; the limit is 20 MB.`);
    const text = await f.text();
    const n = countDataRows(text);
    if (n === 0) return fail('The file has no rows', `${f.name} needs a header row (${BATCH_COLUMNS.slice(0, 3).join(', ')}, …) and one row per parcel.`);
    if (n > MAX_ROWS) return fail('Too many rows', `${f.name} has ${n.toLocaleString('en-US')} rows; a batch holds at most ${MAX_ROWS.toLocaleString('en-US')}. Split the file.`);
    root.dataset.state = 'loading';
    out.innerHTML = `<div class="empty" data-testid="batch-loading"><p>Quoting ${n.toLocaleString('en-US')} row${n === 1 ? '' : 's'} of ${esc(f.name)}…</p></div>`;
    inflight = new AbortController();
    try {
      const csv = await fetchBatchCsv(text, inflight.signal);
      const s = summarizeBatchCsv(csv);
      outUrl = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
      out.innerHTML = renderSummary(s, f.name);
      out.querySelector<HTMLAnchorElement>('[data-testid="batch-download"]')!.href = outUrl;
      root.dataset.state = 'done';
    } catch (e) {
      if ((e as Error).name === 'AbortError') return;
      const ae = e as ApiError;
      fail('Could not quote the file', ae.message, ae.field);
    }
  };

  file.addEventListener('change', () => {
    const f = file.files?.[0];
    if (f) void upload(f);
    file.value = '';
  });
  drop.addEventListener('dragover', (e) => {
    e.preventDefault();
    drop.classList.add('over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    const f = e.dataTransfer?.files?.[0];
    if (f) void upload(f);
  });
  out.innerHTML = `<div class="empty" data-testid="batch-empty"><p>No file yet.</p><p>Start from the sample: it has the columns and a few real city ids.</p></div>`;
  root.dataset.state = 'empty';
}
