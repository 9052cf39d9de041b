// Markup of the Operations view's panel: the scenario and fleet form, the solve progress, the KPIs,
// the vehicles legend and the table of stops per route with the move controls.
import { esc, fixed, whole } from './format.js';
import { FIELD_LABEL, STOP_FIELDS, errorLine, type CsvTable, type Mapping, type RowError } from './ops-csv.js';
import { clock, minutes, REASONS, routeColour, SECONDS_MAX, SECONDS_MIN } from './ops-logic.js';
import type { OpsJob, OpsRequest, OpsResult, OpsRoute } from './ops-types.js';

const cny = (x: number): string => `¥${x >= 1000 ? whole(x) : fixed(x, x >= 100 ? 0 : 1)}`;
const kmOf = (m: number): string => (m >= 100_000 ? whole(m / 1000) : fixed(m / 1000, 1));
const hm = (s: number): string => {
  const m = Math.round(s / 60);
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')}`;
};

/** The static form: samples, import, depot, fleet, solve. */
export function formHtml(seconds: number): string {
  const num = (id: string, label: string, unit: string, attrs: string) =>
    `<div class="field"><label class="field-label" for="ops-${id}">${label}</label><div class="with-unit"><input id="ops-${id}" type="number" ${attrs} data-testid="ops-${id}"><span>${unit}</span></div></div>`;
  const time = (id: string, label: string) =>
    `<div class="field"><label class="field-label" for="ops-${id}">${label}</label><input id="ops-${id}" class="ops-text" type="text" inputmode="numeric" placeholder="HH:MM" data-testid="ops-${id}"></div>`;
  return (
    `<div class="panel-section ops-scenario"><h2 class="section-title">Delivery routes from a depot</h2>` +
    `<p class="section-hint">Load a sample or import your stops, set the depot and the fleet, then solve. Move stops in the table to adjust the plan.</p>` +
    `<div class="ops-samples" data-testid="ops-samples"><span class="hint">Loading the samples…</span></div>` +
    `<div class="ops-import-row"><label class="ops-file ghost" data-testid="ops-import"><input type="file" accept=".csv,.txt,text/csv" data-testid="ops-file">Import stops (CSV)…</label>` +
    `<button type="button" class="ops-link" data-testid="ops-sample-csv">Download a sample CSV</button></div>` +
    `<div class="ops-mapping" data-testid="ops-mapping" hidden></div>` +
    `<div class="ops-loaded" data-testid="ops-loaded" hidden></div></div>` +
    `<div class="panel-section ops-fleet" data-testid="ops-fleet"><h3 class="ops-sub">Depot and fleet</h3>` +
    `<div class="field"><label class="field-label" for="ops-depot">Depot <span class="opt">lon, lat</span></label><div class="ops-depot-row">` +
    `<input id="ops-depot" class="ops-text" type="text" autocomplete="off" spellcheck="false" placeholder="click “Pick on map”, or type 120.128, 30.29" data-testid="ops-depot">` +
    `<button type="button" class="ghost" aria-pressed="false" data-testid="ops-pick-depot">Pick on map</button></div>` +
    `<div class="field-error" data-testid="ops-depot-error" hidden></div></div>` +
    `<div class="ops-grid">${num('count', 'Vehicles', '', 'min="1" max="50" step="1"')}${num('capacity', 'Capacity', 'kg', 'min="1" step="1"')}${time('shift-start', 'Shift starts')}${time('shift-end', 'Shift ends')}</div>` +
    `<div class="ops-grid" title="each driver takes the break after a stop, starting between the two times; leave the minutes empty for none">${num('lunch', 'Lunch break', 'min', 'min="0" max="240" step="5"')}${time('lunch-from', 'Starting from')}${time('lunch-to', 'Starting by')}</div>` +
    `<div class="ops-grid">${num('fixed', 'Per vehicle', '¥', 'min="0" step="1"')}${num('per-km', 'Per km', '¥', 'min="0" step="0.1"')}${num('per-hour', 'Per hour', '¥', 'min="0" step="1"')}` +
    `${num('seconds', 'Solve for', 's', `min="${SECONDS_MIN}" max="${SECONDS_MAX}" step="1" value="${seconds}"`)}</div>` +
    `<div class="ops-second" data-testid="ops-second"><label class="ops-check"><input type="checkbox" id="ops-second-on" data-testid="ops-second-on"> A second vehicle type <span class="opt">same shift and per-hour cost, own size and costs</span></label>` +
    `<div class="ops-grid" data-testid="ops-second-fields" hidden>${num('count2', 'Vehicles', '', 'min="1" max="50" step="1"')}${num('capacity2', 'Capacity', 'kg', 'min="1" step="1"')}` +
    `${num('fixed2', 'Per vehicle', '¥', 'min="0" step="1"')}${num('per-km2', 'Per km', '¥', 'min="0" step="0.1"')}</div></div>` +
    `<div class="field-error" data-testid="ops-fleet-error" hidden></div>` +
    `<div class="actions"><button type="button" class="primary" data-testid="ops-solve" disabled>Solve</button>` +
    `<button type="button" class="ghost ops-by-hand" data-testid="ops-by-hand" title="Start from no route at all and assign the stops yourself in the table; each change is evaluated" disabled>Plan by hand</button></div>` +
    `<div class="ops-job" data-testid="ops-job" hidden></div></div>` +
    `<div class="panel-section result ops-result" data-testid="ops-result" aria-live="polite"></div>`
  );
}

/** Sample buttons, one per sample the server offers. */
export function samplesHtml(list: Array<{ name: string; title: string; stops: number; roadGraph?: string }>, loaded: string | null): string {
  return list
    .map(
      (s) =>
        `<button type="button" class="ops-sample${s.name === loaded ? ' on' : ''}" data-sample="${esc(s.name)}" data-testid="ops-sample-${esc(s.name)}">` +
        `<span class="ops-sample-title">${esc(s.title)}</span><span class="ops-sample-meta"><span class="badge-synthetic">SYNTHETIC</span> ${s.stops} stops · ${s.roadGraph ? 'along the streets' : 'straight lines'}</span></button>`,
    )
    .join('');
}

/** The mapping step of a CSV import: a select per field, the rows that will be imported and the bad ones. */
export function mappingHtml(file: string, t: CsvTable, m: Mapping, ok: number, errors: RowError[], pairs = 0): string {
  const example = (col: number) => (col >= 0 ? t.rows[0]?.cells[col] ?? '' : '');
  const sel = (f: (typeof STOP_FIELDS)[number]) =>
    `<div class="ops-map-row"><label class="field-label" for="ops-map-${f}">${FIELD_LABEL[f]}${f === 'lon' || f === 'lat' ? ' *' : ''}</label>` +
    `<select id="ops-map-${f}" data-field="${f}" data-testid="ops-map-${f}"><option value="-1">— none —</option>` +
    t.header.map((h, i) => `<option value="${i}"${m[f] === i ? ' selected' : ''}>${esc(h || `column ${i + 1}`)}</option>`).join('') +
    `</select><span class="ops-map-eg">${esc(example(m[f]))}</span></div>`;
  const shown = errors.slice(0, 12);
  return (
    `<div class="ops-map-head"><b>${esc(file)}</b>: ${t.rows.length} rows. Check which column holds what (guessed from the header).</div>` +
    STOP_FIELDS.map(sel).join('') +
    `<div class="ops-map-sum" data-testid="ops-map-summary" data-ok="${ok}" data-bad="${errors.length}">${ok} stops ready${pairs ? ` (${pairs} pickup-and-delivery pair${pairs > 1 ? 's' : ''})` : ''}${errors.length ? `, <span class="ops-bad">${errors.length} problem${errors.length > 1 ? 's' : ''} in rows</span>` : ''}.</div>` +
    (shown.length
      ? `<ul class="ops-row-errors" data-testid="ops-row-errors">${shown.map((e) => `<li>${esc(errorLine(e))}</li>`).join('')}${errors.length > shown.length ? `<li>… and ${errors.length - shown.length} more</li>` : ''}</ul>`
      : '') +
    `<div class="actions"><button type="button" class="primary" data-testid="ops-map-apply"${ok ? '' : ' disabled'}>Import ${ok} stops</button><button type="button" class="ghost" data-testid="ops-map-cancel">Cancel</button></div>`
  );
}

/** A running (or queued) solve: progress bar, best cost so far and a Cancel button. */
export function jobHtml(job: OpsJob | null, seconds: number, elapsedS = 0): string {
  // the budget is time: the bar moves with the clock as well as with the solver's own reports
  const frac = Math.max(0, Math.min(1, Math.max(job?.progress?.fraction ?? 0, job?.status === 'running' ? Math.min(0.99, elapsedS / seconds) : 0)));
  const pct = Math.round(frac * 100);
  const what = !job || job.status === 'queued' ? 'Queued' : 'Optimising';
  const best = job?.progress?.best;
  return (
    `<div class="ops-job-head"><span>${what}… <strong data-testid="ops-progress-pct">${pct} %</strong> of ${seconds} s${best !== undefined ? ` · best so far ${cny(best)}` : ''}</span>` +
    `<button type="button" class="ghost" data-testid="ops-cancel">Cancel</button></div>` +
    `<div class="ops-progress" role="progressbar" aria-valuemin="0" aria-valuemax="100" aria-valuenow="${pct}" data-testid="ops-progress"><div class="ops-progress-bar" style="width:${pct}%"></div></div>`
  );
}

/** Where travel times came from, for the status line. */
export function travelWord(source: string): string {
  if (source.startsWith('road:')) return `fastest paths on the ${source.slice(5)} streets (OpenStreetMap)`;
  if (source === 'great-circle') return 'straight-line distance × 1.3 at 25 km/h (no street data here)';
  return 'the given matrix';
}

function tile(key: string, label: string, value: string, raw: number, cls = ''): string {
  return `<div class="tile${cls}" data-testid="ops-kpi-${key}" data-value="${raw}"><span class="tile-label">${label}</span><span class="tile-value">${value}</span></div>`;
}

function routeRow(r: OpsRoute, capacity: number): string {
  const stops = r.steps.filter((s) => s.type === 'stop').length;
  const first = r.steps[0];
  const last = r.steps[r.steps.length - 1];
  const maxLoad = Math.max(...r.steps.map((s) => s.load[0] ?? 0));
  const over = maxLoad > capacity + 1e-6;
  const late = r.steps.some((s) => s.late);
  return (
    `<tr data-vehicle="${esc(r.vehicle)}"><td><span class="ops-chip" style="--c:${routeColour(r.vehicle)}"></span>${esc(r.vehicle)}</td>` +
    `<td class="num">${stops}</td><td class="num">${kmOf(r.distanceM)}</td><td class="num">${clock(first.departureS)}–${clock(last.arrivalS)}</td>` +
    `<td class="num${over ? ' ops-bad' : ''}" title="most on board / capacity">${Math.round((100 * maxLoad) / Math.max(1e-9, capacity))} %${over ? ' ⚠' : ''}</td>` +
    `<td class="num">${cny(r.cost.totalCny)}</td><td>${late ? '<span class="ops-bad">late</span>' : ''}</td></tr>`
  );
}

/** A violation in a planner's words where the answer has the figures (late, overload), else the checker's message. */
export function violationText(v: { kind: string; vehicle?: string; stop?: string; message: string }, r: OpsResult, req: OpsRequest): string {
  const route = v.vehicle ? r.routes.find((x) => x.vehicle === v.vehicle) : undefined;
  if (v.kind === 'late' && route && v.stop) {
    const s = route.steps.find((x) => x.id === v.stop);
    const w = s?.timeWindow ?? req.stops.find((x) => x.id === v.stop)?.timeWindows?.slice(-1)[0];
    if (s && w) return `${v.stop} (${v.vehicle}) arrives ${clock(s.arrivalS)}, its window closed at ${clock(w[1])}: ${minutes(s.arrivalS - w[1])} min late`;
  }
  if (v.kind === 'overload' && route) {
    const max = Math.max(...route.steps.map((x) => x.load[0] ?? 0));
    const cap = capacityOf(req, v.vehicle!, 0);
    return `${v.vehicle} carries up to ${fixed(max, 0)} kg, over its capacity of ${fixed(cap, 0)} kg by ${fixed(max - cap, 0)} kg`;
  }
  return v.message;
}

/** Capacity (kg) of the vehicle type a route label (`id` or `id#k`) belongs to. */
function capacityOf(req: OpsRequest, label: string, fallback: number): number {
  const v = req.vehicles.find((x) => label === x.id || label.startsWith(`${x.id}#`));
  return v?.capacity.kg ?? fallback;
}

/** The KPIs, cost by component, violations, unassigned stops and the vehicles legend. */
export function summaryHtml(r: OpsResult, req: OpsRequest, edited: boolean, note: string): string {
  const fleet = req.vehicles.reduce((n, v) => n + (v.count ?? 1), 0);
  const overloads = r.violations.filter((v) => v.kind === 'overload').length;
  const head = edited
    ? `<div class="ops-status edited" data-testid="ops-status" data-edited="true"><b>Edited plan</b>: evaluated as you changed it, not re-optimised.</div>`
    : `<div class="ops-status" data-testid="ops-status" data-edited="false"><b>${r.solver?.cancelled ? 'Stopped early' : 'Optimised plan'}</b>${note ? ` · ${esc(note)}` : ''}</div>`;
  const tiles =
    tile('vehicles', 'Vehicles', `${r.kpis.vehiclesUsed} <small>/ ${fleet}</small>`, r.kpis.vehiclesUsed, r.kpis.vehiclesUsed > fleet ? ' bad' : '') +
    tile('distance', 'Distance', `${kmOf(r.kpis.distanceM)} <small>km</small>`, r.kpis.distanceM) +
    tile('duration', 'Duration', hm(r.kpis.durationS), r.kpis.durationS) +
    tile('cost', 'Cost', cny(r.kpis.costCny), r.kpis.costCny, ' main') +
    tile('late', 'Late stops', String(r.kpis.lateStops), r.kpis.lateStops, r.kpis.lateStops ? ' bad' : '') +
    tile('unassigned', 'Unassigned', String(r.kpis.unassigned), r.kpis.unassigned, r.kpis.unassigned ? ' bad' : '');
  const cost = `<div class="ops-costs" data-testid="ops-costs">Cost: vehicles ${cny(r.cost.fixedCny)} + distance ${cny(r.cost.distanceCny)} + time ${cny(r.cost.timeCny)} (waiting ${minutes(r.kpis.waitingS)} min included)</div>`;
  const viol = r.violations.filter((v) => v.kind !== 'missing-stop');
  const violations = viol.length
    ? `<div class="notice error ops-violations" role="alert" data-testid="ops-violations"><div class="notice-title">${viol.length} violation${viol.length > 1 ? 's' : ''}${overloads ? ` · ${overloads} overloaded` : ''}</div><ul>` +
      viol.slice(0, 8).map((v) => `<li data-kind="${esc(v.kind)}"><b>${esc(v.kind)}</b> ${esc(violationText(v, r, req))}</li>`).join('') +
      `${viol.length > 8 ? `<li>… and ${viol.length - 8} more</li>` : ''}</ul></div>`
    : `<div class="ops-ok" data-testid="ops-feasible">Every window, capacity and shift is kept.</div>`;
  const unassigned = r.unassigned.length
    ? `<div class="notice warn" data-testid="ops-unassigned"><div class="notice-title">${r.unassigned.length} stop${r.unassigned.length > 1 ? 's' : ''} not served</div><ul>` +
      r.unassigned.slice(0, 10).map((u) => `<li><b>${esc(u.id)}</b>: ${esc(REASONS[u.reason] ?? u.reason)}</li>`).join('') +
      `${r.unassigned.length > 10 ? `<li>… and ${r.unassigned.length - 10} more</li>` : ''}</ul></div>`
    : '';
  const legend =
    `<table class="ops-vehicles" data-testid="ops-vehicles"><thead><tr><th>Vehicle</th><th class="num">Stops</th><th class="num">km</th><th class="num">Out–back</th><th class="num">Load</th><th class="num">Cost</th><th></th></tr></thead>` +
    `<tbody>${r.routes.map((x) => routeRow(x, capacityOf(req, x.vehicle, 0))).join('')}</tbody></table>`;
  const actions =
    `<div class="actions ops-actions"><button type="button" class="ghost" data-testid="ops-reoptimise">Re-optimise</button>` +
    (edited ? `<button type="button" class="ghost" data-testid="ops-undo">Undo</button>` : '') +
    `<button type="button" class="ghost" data-testid="ops-export-csv">Export CSV</button><button type="button" class="ghost" data-testid="ops-export-geojson">Export GeoJSON</button></div>`;
  return head + `<div class="tiles ops-tiles" data-testid="ops-kpis">${tiles}</div>` + cost + violations + unassigned + legend + actions;
}

/** The move controls of a stop: route select (with "not served") and up/down. */
function moveHtml(id: string, current: string | null, vehicles: string[], first: boolean, last: boolean): string {
  const opts = vehicles.map((v) => `<option value="${esc(v)}"${v === current ? ' selected' : ''}>${esc(v)}</option>`).join('') + `<option value=""${current === null ? ' selected' : ''}>not served</option>`;
  return (
    `<select class="ops-move" data-move="${esc(id)}" aria-label="Route of ${esc(id)}" data-testid="ops-move-${esc(id)}">${opts}</select>` +
    (current
      ? `<button type="button" class="ops-nudge" data-nudge="-1" data-stop="${esc(id)}" aria-label="Earlier"${first ? ' disabled' : ''}>↑</button><button type="button" class="ops-nudge" data-nudge="1" data-stop="${esc(id)}" aria-label="Later"${last ? ' disabled' : ''}>↓</button>`
      : '')
  );
}

/** The table of stops per route (ETA, start, window, waiting, slack, load) with the move controls; unassigned at the end. */
export function stopsTableHtml(r: OpsResult, req: OpsRequest, vehicles: string[], selected: string | null): string {
  const byId = new Map(req.stops.map((s) => [s.id, s]));
  const role = new Map<string, string>();
  for (const p of req.pairs ?? []) role.set(p.pickup, `<span class="ops-role" title="pickup; delivered at ${esc(p.delivery)}">P</span>`).set(p.delivery, `<span class="ops-role" title="delivery of what was picked up at ${esc(p.pickup)}">D</span>`);
  let html =
    `<table class="ops-stops" data-testid="ops-stops"><thead><tr><th class="num">#</th><th>Stop</th><th class="num" title="arrival">Arrive</th><th class="num" title="start of service">Start</th>` +
    `<th class="num">Window</th><th class="num" title="waiting before the window opens (min)">Wait</th><th class="num" title="how much later service could start without missing a later window or the shift end (min)">Slack</th><th class="num" title="on board after the stop (kg)">Load</th><th>Move</th></tr></thead>`;
  for (const route of r.routes) {
    const stops = route.steps.filter((s) => s.type === 'stop');
    const cap = capacityOf(req, route.vehicle, Infinity);
    html += `<tbody data-route="${esc(route.vehicle)}"><tr class="ops-route-head"><th colspan="9"><span class="ops-chip" style="--c:${routeColour(route.vehicle)}"></span>${esc(route.vehicle)} <span class="ops-route-meta">leaves ${clock(route.steps[0].departureS)} · back ${clock(route.steps[route.steps.length - 1].arrivalS)} · ${stops.length} stops · ${kmOf(route.distanceM)} km</span></th></tr>`;
    let k = -1;
    for (const s of route.steps) {
      if (s.type === 'break') {
        const end = s.departureS;
        html += `<tr class="ops-break" data-testid="ops-break"><td class="num"></td><td class="ops-id" colspan="3">Break ${clock(s.serviceStartS ?? s.arrivalS)}–${clock(end)}</td>` +
          `<td class="num">${s.timeWindow ? `<span class="ops-dim" title="the break must start in this window">${clock(s.timeWindow[0])}–${clock(s.timeWindow[1])}</span>` : ''}</td>` +
          `<td class="num">${s.waitingS >= 30 ? minutes(s.waitingS) : ''}</td><td></td><td></td><td></td></tr>`;
        continue;
      }
      if (s.type !== 'stop') continue;
      k++;
      const id = s.id!;
      const over = (s.load[0] ?? 0) > cap + 1e-6;
      const cls = [s.late ? 'late' : '', s.binding ? 'binding' : '', id === selected ? 'selected' : ''].filter(Boolean).join(' ');
      const slack = s.late ? '<span class="ops-bad">late</span>' : s.slackS === undefined ? '–' : s.binding ? '<b class="ops-bind" title="its window closes as service starts: the window binds">0</b>' : minutes(s.slackS);
      const win = s.timeWindow
        ? `<span class="ops-win${s.binding ? ' binds' : ''}"${s.binding ? ' title="the window binds: service starts as it closes"' : ''}>${clock(s.timeWindow[0])}–${clock(s.timeWindow[1])}</span>`
        : '<span class="ops-dim">any</span>';
      html +=
        `<tr data-stop="${esc(id)}"${cls ? ` class="${cls}"` : ''}><td class="num">${k + 1}</td><td class="ops-id">${esc(id)}${role.get(id) ?? ''}</td>` +
        `<td class="num">${clock(s.arrivalS)}</td><td class="num">${clock(s.serviceStartS ?? s.arrivalS)}</td>` +
        `<td class="num">${win}</td>` +
        `<td class="num">${s.waitingS >= 30 ? minutes(s.waitingS) : ''}</td><td class="num">${slack}</td>` +
        `<td class="num${over ? ' ops-bad' : ''}">${fixed(s.load[0] ?? 0, 0)}${over ? ' ⚠' : ''}</td>` +
        `<td><div class="ops-move-cell">${moveHtml(id, route.vehicle, vehicles, k === 0, k === stops.length - 1)}</div></td></tr>`;
    }
    html += '</tbody>';
  }
  if (r.unassigned.length) {
    html += `<tbody data-route=""><tr class="ops-route-head"><th colspan="9"><span class="ops-chip ops-chip-none"></span>Not served</th></tr>`;
    for (const u of r.unassigned) {
      const s = byId.get(u.id);
      const tw = s?.timeWindows?.[0];
      html +=
        `<tr data-stop="${esc(u.id)}" class="unassigned${u.id === selected ? ' selected' : ''}"><td class="num">–</td><td class="ops-id">${esc(u.id)}${role.get(u.id) ?? ''}</td><td colspan="2" class="ops-dim">${esc(REASONS[u.reason] ?? u.reason)}</td>` +
        `<td class="num">${tw ? `${clock(tw[0])}–${clock(tw[1])}` : '<span class="ops-dim">any</span>'}</td><td></td><td></td><td class="num">${fixed(s?.demand?.kg ?? 0, 0)}</td>` +
        `<td><div class="ops-move-cell">${moveHtml(u.id, null, vehicles, true, true)}</div></td></tr>`;
    }
    html += '</tbody>';
  }
  return html + '</table>';
}
