// Markup of the Analysis view's side panel: the assumptions (sliders and inputs), the run's status
// and the scenario list. Pure functions of the state.
import { COMPONENTS, HUB_CAPACITY_SCALES, pctScale, scenarioName, stateFromInputs, type AnalysisUrlState } from './analysis-logic.js';
import type { FlywheelJob, ScenarioItem } from './analysis-types.js';
import { esc } from './format.js';

/** A slider: its state key, label, range and how its value reads. */
interface Slider {
  key: 'margin' | 'elasticity' | 'periods' | 'seeds' | 'cities';
  label: string;
  min: number;
  max: number;
  step: number;
  show: (v: number) => string;
  note: string;
}

/** The sliders, in the order of the panel. */
export const SLIDERS: readonly Slider[] = [
  { key: 'margin', label: 'Margin over cost', min: 0, max: 0.5, step: 0.01, show: (v) => `${Math.round(v * 100)}%`, note: 'price = cost × (1 + margin), the baseline operator\'s too, so growth (the relative gap) does not depend on it · assumption' },
  { key: 'elasticity', label: 'Merchant elasticity', min: 0, max: 0.5, step: 0.01, show: (v) => v.toFixed(2), note: 'growth a week = elasticity × price gap to the baseline · assumption' },
  { key: 'periods', label: 'Weeks', min: 1, max: 104, step: 1, show: (v) => String(v), note: '13 weeks ≈ 10 s on one core; 52 ≈ 35 s' },
  { key: 'seeds', label: 'Seeds', min: 1, max: 5, step: 1, show: (v) => String(v), note: 'bands = min–max over seeds; time grows with them' },
  { key: 'cities', label: 'Cities', min: 5, max: 40, step: 1, show: (v) => String(v), note: 'the n most populous cities take part' },
];

const COMPONENT_HINT: Record<string, string> = {
  forecasting: 'forecast model (off: last week)',
  allocation: 'hub LP (off: nearest hub by road)',
  routing: 'van routing search (off: nearest neighbour)',
};

/** Text of what an elasticity means: "a price 10% below the baseline adds 1.0% merchants a week". */
export function elasticityNote(e: number): string {
  return e === 0 ? 'merchants stay constant (no response to price)' : `a price 10% below the baseline adds ${(e * 10).toFixed(1)}% merchants a week`;
}

/** The panel's fixed markup (the state fills the inputs). */
export function panelHtml(s: AnalysisUrlState): string {
  const sliders = SLIDERS.map(
    (d) =>
      `<div class="field an-slider"><label class="field-label" for="an-${d.key}">${d.label} <output data-out="${d.key}">${d.show(s[d.key])}</output></label>` +
      `<input type="range" id="an-${d.key}" data-k="${d.key}" data-testid="analysis-${d.key}" min="${d.min}" max="${d.max}" step="${d.step}" value="${s[d.key]}">` +
      `<div class="an-note" data-note="${d.key}">${d.key === 'elasticity' ? elasticityNote(s.elasticity) : d.note}</div></div>`,
  ).join('');
  const comps = COMPONENTS.map(
    (c) => `<label class="an-check" title="${COMPONENT_HINT[c]}"><input type="checkbox" data-comp="${c}" data-testid="analysis-comp-${c}" ${s.off.includes(c) ? '' : 'checked'}><span>${c}</span></label>`,
  ).join('');
  return (
    '<div class="panel-section">' +
    '<h2 class="section-title">Savings and the flywheel</h2>' +
    '<p class="section-hint">Optimisation lowers the cost per parcel → a lower price → more merchants → more data → better forecasts. ' +
    'Every week the real stages run (forecast, hub LP, van routing) on <strong>SYNTHETIC</strong> demand; the dashboard shows what they measured.</p>' +
    '</div>' +
    '<div class="panel-section an-controls" data-testid="analysis-controls">' +
    '<div class="an-group-title">Assumptions</div>' +
    sliders +
    '<div class="field-row">' +
    `<div class="field"><label class="field-label" for="an-merchants">Merchants at start</label><input type="number" id="an-merchants" data-k="merchants" data-testid="analysis-merchants" min="1" step="100" value="${s.merchants}"></div>` +
    `<div class="field"><label class="field-label" for="an-ppm">Parcels per merchant-week</label><input type="number" id="an-ppm" data-k="parcelsPerMerchantPerWeek" data-testid="analysis-ppm" min="1" step="10" value="${s.parcelsPerMerchantPerWeek}"></div>` +
    `<div class="field an-seed"><label class="field-label" for="an-seed">Seed</label><input type="number" id="an-seed" data-k="seed" data-testid="analysis-seed" min="0" step="1" value="${s.seed}"></div>` +
    '</div>' +
    `<div class="field"><span class="field-label">Optimised components</span><div class="an-checks">${comps}</div></div>` +
    '<div class="an-group-title an-hubs-title">Hubs (scenario inputs)</div>' +
    `<div class="field"><label class="field-label" for="an-hubcap">Hub capacity, optimised plan</label>${hubCapacitySelect(s.hubCapacityScale)}` +
    '<div class="an-note">× the capacities of data/hubs.csv. This operator\'s ~50 t/day use a sliver of the hubs\' 1,500–7,100 t/day: capacities bind only near 0.1%. The baseline ignores capacity.</div></div>' +
    '<div class="field"><label class="field-label" for="an-close">Closed hubs, both plans</label>' +
    `<div class="an-chips" data-testid="analysis-closed">${closedChips(s.closedHubs, new Map())}</div>` +
    '<select id="an-close" data-act="close-hub" data-testid="analysis-close-hub"><option value="">Close a hub…</option></select></div>' +
    '<div class="field"><label class="field-label" for="an-close-lane">Closed lanes between hubs, both plans</label>' +
    `<div class="an-chips" data-testid="analysis-closed-lanes">${closedChips(s.closedLanes, new Map(), 'lane')}</div>` +
    '<select id="an-close-lane" data-act="close-lane" data-testid="analysis-close-lane"><option value="">Close a lane…</option></select></div>' +
    '<div class="actions"><button type="button" class="primary" data-testid="analysis-run">Run again</button>' +
    '<button type="button" class="ghost" data-testid="analysis-year">52 wk × 3 seeds</button>' +
    '<button type="button" class="ghost" data-testid="analysis-reset">Defaults</button></div>' +
    '<div data-testid="analysis-status" class="an-status"></div>' +
    '</div>' +
    '<div class="panel-section an-scenarios">' +
    '<h2 class="section-title">Scenarios</h2>' +
    '<p class="section-hint">Save the run shown with a name (kept in the server\'s SQLite store); tick two to compare them.</p>' +
    `<div class="an-save"><input type="text" data-testid="analysis-name" aria-label="Scenario name" placeholder="${esc(scenarioName(s))}" maxlength="80">` +
    '<button type="button" class="primary" data-testid="analysis-save">Save</button></div>' +
    '<div data-testid="analysis-save-status" class="an-save-status"></div>' +
    '<ul class="an-list" data-testid="analysis-scenarios"></ul>' +
    '<div class="actions"><button type="button" class="ghost" data-testid="analysis-compare-btn" disabled>Compare ticked</button></div>' +
    '</div>'
  );
}

/** The running job's progress bar with Cancel. */
export function progressHtml(job: FlywheelJob | null, periods: number, seeds: number): string {
  const f = job?.progress?.fraction ?? 0;
  const msg = job?.progress?.message ?? (job?.status === 'queued' || !job ? 'waiting for a worker…' : 'starting…');
  const m = /seed (\d+) \((\d+)\/(\d+)\)\s*period (\d+)\/(\d+)/.exec(msg);
  const text = m ? `Week ${m[4]} of ${m[5]}${Number(m[3]) > 1 ? ` · seed ${m[2]} of ${m[3]}` : ''}` : msg.replace(/^seed \d+ \(\d+\/\d+\)\s*/, '');
  return (
    '<div class="an-job" data-testid="analysis-progress">' +
    `<div class="an-job-head"><span>Running the flywheel: ${periods} weeks × ${seeds} seed${seeds > 1 ? 's' : ''}</span><span class="an-job-pct">${Math.round(f * 100)}%</span></div>` +
    `<div class="an-progress" role="progressbar" aria-valuemin="0" aria-valuemax="100" aria-valuenow="${Math.round(f * 100)}"><div class="an-progress-bar" style="width:${(f * 100).toFixed(1)}%"></div></div>` +
    `<div class="an-job-foot"><span class="an-job-msg">${esc(text)}</span><button type="button" class="ghost" data-testid="analysis-cancel">Cancel</button></div></div>`
  );
}

/** A status of a scenario's newest run, in words. */
function runText(sc: ScenarioItem): string {
  const r = sc.latestRun;
  if (!r) return 'no run';
  if (r.status === 'done') return 'done';
  if (r.status === 'running' || r.status === 'queued') return `${r.status} ${Math.round(r.progress * 100)}%`;
  return r.status;
}

/** The scenario list (newest first); `ticked` ids in the order they were ticked (A, B). */
export function scenarioListHtml(items: ScenarioItem[], ticked: string[], shownId: string | null): string {
  if (!items.length) return '<li class="an-empty">No scenarios yet. Save the run shown to keep it.</li>';
  return items
    .map((sc) => {
      const i = ticked.indexOf(sc.id);
      const tag = i === 0 ? 'A' : i === 1 ? 'B' : '';
      const st = stateFromInputs(sc.inputs, sc.seed);
      const status = runText(sc);
      return (
        `<li class="an-item${sc.id === shownId ? ' shown' : ''}" data-id="${esc(sc.id)}" data-testid="analysis-scenario" data-status="${esc(sc.latestRun?.status ?? 'none')}">` +
        `<label class="an-tick" title="Tick two to compare"><input type="checkbox" data-act="tick" ${i >= 0 ? 'checked' : ''}><span class="an-tag">${tag}</span></label>` +
        `<div class="an-item-main"><button type="button" class="an-item-name" data-act="open" title="Show this scenario">${esc(sc.name)}</button>` +
        `<div class="an-item-meta">${esc(scenarioName(st))} · seed ${sc.seed} · <span class="st-${esc(sc.latestRun?.status ?? 'none')}">${esc(status)}</span></div></div>` +
        `<button type="button" class="an-del" data-act="delete" data-testid="analysis-delete" aria-label="Delete ${esc(sc.name)}" title="Delete">×</button></li>`
      );
    })
    .join('');
}

/** The hub capacity choice (a value from the URL that is not offered is added). */
export function hubCapacitySelect(v: number): string {
  const opts = HUB_CAPACITY_SCALES.includes(v) ? HUB_CAPACITY_SCALES : [...HUB_CAPACITY_SCALES, v].sort((a, b) => b - a);
  return (
    '<select id="an-hubcap" data-k="hubCapacityScale" data-testid="analysis-hubcap">' +
    opts.map((x) => `<option value="${x}"${x === v ? ' selected' : ''}>${x === 1 ? '100% (as data/hubs.csv)' : pctScale(x)}</option>`).join('') +
    '</select>'
  );
}

/** Chips of the closed hubs (names when known), each with a button to reopen it. */
export function closedChips(ids: readonly string[], names: ReadonlyMap<string, string>, kind: 'hub' | 'lane' = 'hub'): string {
  if (!ids.length) return '<span class="an-note">none</span>';
  return ids
    .map((id) => `<span class="an-chip" data-${kind}="${esc(id)}">${esc(names.get(id) ?? id)}<button type="button" data-act="reopen-${kind}" data-id="${esc(id)}" aria-label="Reopen ${esc(names.get(id) ?? id)}" title="Reopen">×</button></span>`)
    .join('');
}

/** A lane between two hubs, for the "close a lane" list. */
export interface HubLane {
  id: string;
  mode: string;
  label: string;
}

/** Options of the "close a lane" list: the open lanes between hubs, grouped by mode. */
export function closeLaneOptions(lanes: readonly HubLane[], closed: readonly string[]): string {
  const modes = [...new Set(lanes.map((l) => l.mode))];
  return (
    '<option value="">Close a lane…</option>' +
    modes
      .map((m) => `<optgroup label="${esc(m)}">${lanes.filter((l) => l.mode === m && !closed.includes(l.id)).map((l) => `<option value="${esc(l.id)}">${esc(l.label)}</option>`).join('')}</optgroup>`)
      .join('')
  );
}

/** Options of the "close a hub" list: the open hubs by name. */
export function closeHubOptions(hubs: readonly { id: string; name: string }[], closed: readonly string[]): string {
  return '<option value="">Close a hub…</option>' + hubs.filter((h) => !closed.includes(h.id)).map((h) => `<option value="${esc(h.id)}">${esc(h.name)}</option>`).join('');
}
