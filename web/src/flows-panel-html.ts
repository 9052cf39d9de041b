// HTML of the Flows view's panel: controls, job progress and errors, the what-if edits and the
// editors of a hub or a lane (the plan's figures are in flows-result-html.ts).
import { esc } from './format.js';
import { CITY_CHOICES, DEMAND_LABEL, DEMAND_SOURCES, editCount, FORECAST_HORIZON_DAYS, KG_PER_PARCEL, MIN_PCT_CHOICES, type FlowsEdits, type FlowsUrlState } from './flows-logic.js';
import { n0, tpd } from './flows-plan.js';
import type { HubUse } from './flows-types.js';
import { MODE_STYLE } from './modes.js';

/** Turns a place id into its name. */
export type Namer = (id: string) => string;

/** The controls (demand, model, drawing filters) and the Solve button. */
export function controlsHtml(s: FlowsUrlState, cityCount: number): string {
  const cityOpt = (n: number | null) => `<option value="${n ?? 'all'}"${s.cities === n ? ' selected' : ''}>${n === null ? `every city (${cityCount})` : `the ${n} largest`}</option>`;
  const minOpt = (p: number) => `<option value="${p}"${s.minPct === p ? ' selected' : ''}>${p === 0 ? 'every lane' : `≥ ${p} % of the largest`}</option>`;
  const minChoices = MIN_PCT_CHOICES.includes(s.minPct) ? MIN_PCT_CHOICES : [...MIN_PCT_CHOICES, s.minPct].sort((a, b) => a - b);
  return (
    '<div class="panel-section flows-controls">' +
    '<h2 class="section-title">Flows through the hub network</h2>' +
    '<p class="section-hint">Least-cost allocation of parcels to hubs and lanes by linear programming, with the price of each bottleneck. Click a hub or a lane on the map to change it, then re-solve.</p>' +
    `<div class="demand-synthetic"><span class="badge-synthetic">SYNTHETIC</span> demand: a gravity model on city populations scaled to the national parcel total, or the Demand tab’s forecast per city (${KG_PER_PARCEL} kg a parcel, assumed) split into pairs by the same model.</div>` +
    '<div class="field-row">' +
    `<div class="field"><label class="field-label" for="flows-demand">Demand</label><select id="flows-demand" data-testid="flows-demand">${DEMAND_SOURCES.map((d) => `<option value="${d}"${s.demand === d ? ' selected' : ''}>${DEMAND_LABEL[d]}</option>`).join('')}</select></div>` +
    `<div class="field flows-scale"${s.demand === 'synthetic' ? ' hidden' : ''} data-testid="flows-day-field"><label class="field-label" for="flows-day">Forecast day</label><input id="flows-day" type="number" min="1" max="${FORECAST_HORIZON_DAYS}" step="1" value="${s.day + 1}" data-testid="flows-day"></div>` +
    '</div>' +
    '<div class="field-row">' +
    `<div class="field"><label class="field-label" for="flows-cities">Cities that send and receive</label><select id="flows-cities" data-testid="flows-cities">${CITY_CHOICES.map(cityOpt).join('')}</select></div>` +
    `<div class="field flows-scale"><label class="field-label" for="flows-scale">Demand ×</label><input id="flows-scale" type="number" min="0.05" max="100" step="0.05" value="${s.scale}" data-testid="flows-scale"></div>` +
    '</div>' +
    '<div class="field"><span class="field-label">Model</span><div class="segmented" role="radiogroup">' +
    `<label><input type="radio" name="flows-model" value="lp"${s.integer ? '' : ' checked'} data-testid="flows-model-lp"><span>All hubs (LP)</span></label>` +
    `<label><input type="radio" name="flows-model" value="mip"${s.integer && !s.lanes ? ' checked' : ''} data-testid="flows-model-mip"><span>Choose hubs (MIP)</span></label>` +
    `<label><input type="radio" name="flows-model" value="mip-lanes"${s.integer && s.lanes ? ' checked' : ''} data-testid="flows-model-lanes"><span>Hubs + lanes (MIP)</span></label>` +
    '</div><div class="flows-model-hint">LP: every hub open, capacity prices from the duals. MIP: fixed costs decide which hubs open (and which line-haul lanes run).</div></div>' +
    '<div class="field-row flows-draw">' +
    `<div class="field"><label class="field-label" for="flows-min">Lanes drawn</label><select id="flows-min" data-testid="flows-min">${minChoices.map(minOpt).join('')}</select></div>` +
    `<label class="flows-check"><input type="checkbox" data-testid="flows-local"${s.local ? ' checked' : ''}> first/last mile</label>` +
    '</div>' +
    '<div class="actions"><button type="button" class="primary" data-testid="flows-solve">Solve</button></div>' +
    '<div class="demand-status flows-status" data-testid="flows-status"></div>' +
    '</div>' +
    '<div class="panel-section flows-edits" data-testid="flows-edits"></div>' +
    '<div class="panel-section flows-result" data-testid="flows-result"></div>'
  );
}

/** Progress of a solve: phase, elapsed seconds and Cancel (a job) or a plain bar (an answer at once). */
export function progressHtml(p: { fraction?: number; message?: string } | null, elapsedS: number, cancellable: boolean, note: string): string {
  const f = p?.fraction;
  const solving = p?.message?.startsWith('solving');
  const bar = f === undefined || solving ? '<div class="progress indeterminate"><div class="progress-bar"></div></div>' : `<div class="progress"><div class="progress-bar" style="width:${Math.round(f * 100)}%"></div></div>`;
  const what = p?.message ? esc(p.message[0].toUpperCase() + p.message.slice(1)) : 'Starting the solver…';
  return (
    '<div class="demand-job" data-testid="flows-progress"><div class="demand-job-head">' +
    `<span>${what} · ${Math.round(elapsedS)} s</span>` +
    (cancellable ? '<button type="button" class="ghost" data-testid="flows-cancel">Cancel</button>' : '') +
    `</div>${bar}<div class="demand-job-note">${esc(note)}</div></div>`
  );
}

/** A failed solve: the API's message, the field at fault, and Try again. */
export function errorHtml(message: string, field?: string): string {
  const f = field ? `<div class="notice-hint">Field: <code>${esc(field)}</code></div>` : '';
  return (
    `<div class="notice error" role="alert" data-testid="flows-error"><div class="notice-title">No plan</div><div>${esc(message)}</div>${f}</div>` +
    '<div class="actions"><button type="button" class="primary" data-testid="flows-retry">Try again</button></div>'
  );
}

/** A cancelled solve. */
export function cancelledHtml(hasPlan: boolean): string {
  return `<div class="notice warn" data-testid="flows-cancelled"><div class="notice-title">Solve cancelled</div><div>${hasPlan ? 'The map still shows the previous plan.' : 'Nothing to show yet.'}</div></div>`;
}

/** The edits waiting to be solved (or solved), each removable, and the editor of the selected hub or lane. */
export function editsHtml(e: FlowsEdits, name: Namer, pending: boolean, editor: string): string {
  const chips: string[] = [];
  for (const [id, t] of Object.entries(e.hubCap)) chips.push(chip(`${name(id)}: ${n0(t)} t/day`, 'hubCap', id));
  for (const [id, t] of Object.entries(e.laneCap)) chips.push(chip(`${laneName(id, name)}: ${n0(t)} t/day`, 'laneCap', id));
  for (const id of e.closedHubs) chips.push(chip(`${name(id)} closed`, 'closedHubs', id));
  for (const id of e.openHubs) chips.push(chip(`${name(id)} kept open`, 'openHubs', id));
  for (const id of e.closedLanes) chips.push(chip(`${laneName(id, name)} closed`, 'closedLanes', id));
  for (const id of e.openLanes) chips.push(chip(`${laneName(id, name)} kept running`, 'openLanes', id));
  const n = editCount(e);
  const head =
    `<div class="flows-edits-head"><h3 class="flows-h">What-if edits${n ? ` <span class="flows-count">${n}</span>` : ''}</h3>` +
    (n ? '<button type="button" class="ghost small" data-testid="flows-clear-edits">Clear</button>' : '') +
    '</div>';
  const list = n ? `<ul class="flows-chips">${chips.join('')}</ul>` : '<p class="flows-empty">None yet: click a hub or a lane on the map, or a bottleneck below.</p>';
  const hint = n && pending ? '<p class="flows-pending" data-testid="flows-pending">Not solved yet: press <strong>Re-solve</strong> above.</p>' : '';
  return head + editor + list + hint;
}

function chip(label: string, kind: string, id: string): string {
  return `<li class="flows-chip"><span>${esc(label)}</span><button type="button" aria-label="Remove" data-remove="${kind}" data-id="${esc(id)}">×</button></li>`;
}

/** "Road lane Wuhan → Changsha". */
export function laneName(id: string, name: Namer): string {
  const [a, b, mode] = id.split('~');
  return `${MODE_STYLE[mode as keyof typeof MODE_STYLE]?.label ?? mode} ${name(a)} – ${name(b)}`;
}

/** The editor of one hub: capacity, close or reopen, keep open (MIP). */
export function hubEditorHtml(h: HubUse, e: FlowsEdits, integer: boolean, baseCapT: number): string {
  const capT = e.hubCap[h.hub] ?? h.capacityKgPerDay / 1000;
  const closed = e.closedHubs.includes(h.hub);
  const kept = e.openHubs.includes(h.hub);
  return (
    `<div class="flows-editor" data-testid="flows-editor" data-id="${esc(h.hub)}"><div class="flows-editor-head"><strong>${esc(h.name)}</strong>` +
    `<button type="button" class="flows-x" aria-label="Close the editor" data-testid="flows-editor-close">×</button></div>` +
    `<div class="flows-editor-meta">${h.open ? `${Math.round(h.utilisation * 100)} % used · ${tpd(h.usedKgPerDay)} of ${tpd(h.capacityKgPerDay)}` : 'closed in this plan'}${baseCapT !== capT ? ` · network capacity ${n0(baseCapT)} t/day` : ''}</div>` +
    `<div class="flows-editor-row"><label class="field-label" for="flows-cap">Capacity</label><div class="with-unit"><input id="flows-cap" type="number" min="0" step="50" value="${Math.round(capT)}" data-testid="flows-cap-input"><span>t/day</span></div>` +
    '<button type="button" class="ghost small" data-testid="flows-cap-apply">Set</button></div>' +
    '<div class="flows-editor-row">' +
    `<button type="button" class="ghost small" data-testid="flows-close-hub">${closed ? 'Reopen this hub' : 'Close this hub'}</button>` +
    (integer ? `<button type="button" class="ghost small" data-testid="flows-keep-open"${closed ? ' disabled' : ''}>${kept ? 'Let the model decide' : 'Keep it open'}</button>` : '') +
    '</div></div>'
  );
}

/** The editor of one lane: capacity per direction, close or reopen. */
export function laneEditorHtml(laneId: string, name: Namer, flowKg: number, e: FlowsEdits, capKg: number | undefined, lanesDecided: boolean): string {
  const kept = e.openLanes.includes(laneId);
  const capT = e.laneCap[laneId] ?? (capKg !== undefined ? capKg / 1000 : undefined);
  const closed = e.closedLanes.includes(laneId);
  return (
    `<div class="flows-editor" data-testid="flows-editor" data-id="${esc(laneId)}"><div class="flows-editor-head"><strong>${esc(laneName(laneId, name))}</strong>` +
    `<button type="button" class="flows-x" aria-label="Close the editor" data-testid="flows-editor-close">×</button></div>` +
    `<div class="flows-editor-meta">${tpd(flowKg)} in this plan (both ways) · ${capT === undefined ? 'no capacity limit' : `capacity ${n0(capT)} t/day each way`}</div>` +
    `<div class="flows-editor-row"><label class="field-label" for="flows-cap">Capacity each way</label><div class="with-unit"><input id="flows-cap" type="number" min="0" step="10" value="${capT === undefined ? Math.round(flowKg / 2000) : Math.round(capT)}" data-testid="flows-cap-input"><span>t/day</span></div>` +
    '<button type="button" class="ghost small" data-testid="flows-cap-apply">Set</button></div>' +
    `<div class="flows-editor-row"><button type="button" class="ghost small" data-testid="flows-close-lane">${closed ? 'Reopen this lane' : 'Close this lane'}</button>` +
    (lanesDecided ? `<button type="button" class="ghost small" data-testid="flows-keep-lane"${closed ? ' disabled' : ''}>${kept ? 'Let the model decide' : 'Keep it running'}</button>` : '') +
    '</div></div>'
  );
}
