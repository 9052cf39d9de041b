// Markup of the Analysis dashboard (shown over the map area): the story line, the KPI cards in the
// order of the flywheel, the waterfall, the weekly charts with bands, the comparison and the table.
import { COLORS, COMPONENT_LABEL, lineChart, waterfallSvg, type Box, type Series } from './analysis-chart.js';
import { KPI_INFO, TABLE_COLUMNS, changePct, median, count, cny, diffTone, signedPct, story, verb, waterfallSteps, type Story } from './analysis-logic.js';
import type { BandedKey, Comparison, FlywheelResult } from './analysis-types.js';
import { esc } from './format.js';

const WIDE: Box = { width: 440, height: 190, left: 56, right: 12, top: 14, bottom: 22 };
const NARROW: Box = { width: 290, height: 170, left: 48, right: 10, top: 12, bottom: 22 };
const WATERFALL: Box = { width: 440, height: 190, left: 56, right: 12, top: 22, bottom: 22 };

const pct1 = (x: number) => `${x.toFixed(1)}%`;

/** The one-sentence story of a run. */
export function storyLine(st: Story, r: FlywheelResult): string {
  const margin = Number(r.assumptions.table.find((t) => t.parameter === 'margin')?.value ?? 0);
  const m = changePct(st.merchantsStart, st.merchantsEnd);
  const pc = changePct(st.parcelsStart, st.parcelsEnd);
  const err = st.errorEndPct - st.errorStartPct;
  const errText = Math.abs(err) < 0.1 ? `stays at ${pct1(st.errorEndPct)}` : `${err < 0 ? 'falls' : 'rises'} from ${pct1(st.errorStartPct)} to ${pct1(st.errorEndPct)}`;
  const cut = st.savingPct >= 0;
  const merchantsText = m >= 0.5 ? `grows merchants from ${count(st.merchantsStart)} to <strong>${count(st.merchantsEnd)}</strong>` : m <= -0.5 ? `shrinks merchants from ${count(st.merchantsStart)} to <strong>${count(st.merchantsEnd)}</strong>` : `keeps merchants at ${count(st.merchantsEnd)}`;
  return (
    `Optimisation ${cut ? 'cuts' : 'raises'} the cost per parcel by <strong>${Math.abs(st.savingPct).toFixed(1)}%</strong> (${cny(st.costBaselineCny, 2)} → ${cny(st.costOptimisedCny, 2)}). ` +
    `Priced ${Math.round(margin * 100)}% over cost, the ${cut ? 'lower' : 'higher'} price ${merchantsText} in ${st.weeks} weeks; ` +
    `parcels per week ${verb(pc)}${Math.abs(pc) >= 0.5 ? ` ${Math.abs(pc).toFixed(0)}%` : ''}, and the forecast error ${errText}${st.errorWeeks > 1 ? ` (median of the first and last ${st.errorWeeks} weeks)` : ''}.`
  );
}

const card = (id: string, label: string, value: string, sub: string, main = false) =>
  `<div class="an-card${main ? ' main' : ''}" data-testid="kpi-${id}"><div class="an-card-label">${label}</div><div class="an-card-value">${value}</div><div class="an-card-sub">${sub}</div></div>`;

/** The KPI cards, in the order of the flywheel (arrows between the steps), then the cumulative saving. */
export function kpiCards(st: Story): string {
  const arrow = '<div class="an-arrow" aria-hidden="true">→</div>';
  const m = changePct(st.merchantsStart, st.merchantsEnd);
  const pc = changePct(st.parcelsStart, st.parcelsEnd);
  return (
    '<div class="an-cards" data-testid="kpi-cards">' +
    card('cost', 'Cost per parcel', `${cny(st.costOptimisedCny, 2)} <span class="an-was">vs ${cny(st.costBaselineCny, 2)}</span>`, `<strong class="${st.savingPct >= 0 ? 'good' : 'bad'}">${signedPct(-st.savingPct)}</strong> against the baseline`, true) +
    arrow +
    card('price', 'Price per parcel', `${cny(st.priceEndCny, 2)}`, `baseline operator ${cny(st.baselinePriceEndCny, 2)} (last week)`) +
    arrow +
    card('merchants', 'Merchants', `${count(st.merchantsStart)} → ${count(st.merchantsEnd)}`, `${signedPct(m)} in ${st.weeks} weeks; parcels ${signedPct(pc)}`) +
    arrow +
    card('error', 'Forecast error', `${pct1(st.errorStartPct)} → ${pct1(st.errorEndPct)}`, st.errorWeeks === 1 ? `first / last week (naive mean ${pct1(st.errorBaselineMeanPct)})` : `median of the first / last ${st.errorWeeks} weeks`) +
    '<div class="an-sep" aria-hidden="true"></div>' +
    card('savings', 'Cumulative saving', cny(st.cumulativeSavingsCny), `over ${st.weeks} weeks, SYNTHETIC demand`, true) +
    '</div>'
  );
}

const legend = (items: [string, string, boolean?][]) =>
  `<div class="an-legend">${items.map(([color, label, dashed]) => `<span><i class="${dashed ? 'dash' : 'solid'}" style="--c:${color}"></i>${esc(label)}</span>`).join('')}</div>`;

const panel = (id: string, title: string, sub: string, body: string, cls = '') =>
  `<section class="an-panel ${cls}" data-testid="panel-${id}"><h3 class="an-title">${title}</h3><div class="an-sub">${sub}</div>${body}</section>`;

/** The charts of a report: waterfall and cost per parcel, then merchants, parcels and forecast error. */
export function chartsHtml(r: FlywheelResult, st: Story): string {
  const weeks = r.periods.map((p) => p.period);
  const seeds = r.seeds?.length ?? 1;
  const banded = seeds > 1 && r.bands?.length === r.periods.length;
  const band = (k: BandedKey) => (banded ? { lo: r.bands.map((b) => b[k].min), hi: r.bands.map((b) => b[k].max) } : undefined);
  const med = (k: BandedKey) => (banded ? r.bands.map((b) => b[k].median) : r.periods.map((p) => p[k]));
  const bandNote = banded ? `line = median, band = min–max over ${seeds} seeds` : 'one seed (run 2+ seeds for a band)';

  const steps = waterfallSteps(r.attribution);
  const top = [...steps].sort((a, b) => b.cny - a.cny)[0];
  const wfTitle =
    r.attribution.totalCny > 0 && top.cny > 0
      ? `${COMPONENT_LABEL[top.component]} brings most of the saving: ${cny(top.cny)} of ${cny(r.attribution.totalCny)} (${Math.round(top.sharePct)}%)`
      : `Saving by component: ${cny(r.attribution.totalCny)} in total`;
  const wf = panel('waterfall', esc(wfTitle), `Shapley split of the cumulative saving over ${st.weeks} weeks, CNY (seed ${r.seed}); the shares add up to the total`, waterfallSvg(r.attribution, WATERFALL, r.attribution.totalCny > 0), 'span3');

  const gap = st.savingPct;
  const cost = panel(
    'cost',
    esc(
      Math.abs(gap) < 0.5
        ? 'The optimised plan costs about the same per parcel as the baseline'
        : `The optimised plan costs ${Math.abs(gap).toFixed(0)}% ${gap > 0 ? 'less' : 'more'} per parcel${r.periods.every((p) => (p.costPerParcelOptimisedCny < p.costPerParcelBaselineCny) === gap > 0) ? ', every week' : ' over the run'}`,
    ),
    `Cost per parcel, CNY, by week; ${bandNote}`,
    lineChart({
      id: 'cost',
      weeks,
      box: WIDE,
      label: 'Cost per parcel by week',
      yFmt: (v) => `¥${v.toFixed(2)}`,
      series: [
        { key: 'baseline', label: 'baseline', values: med('costPerParcelBaselineCny'), color: COLORS.baseline, dashed: true, band: band('costPerParcelBaselineCny') },
        { key: 'optimised', label: 'optimised', values: med('costPerParcelOptimisedCny'), color: COLORS.optimised, band: band('costPerParcelOptimisedCny') },
      ],
    }) + legend([[COLORS.baseline, 'baseline: last-week forecast, nearest hub by road, nearest-neighbour vans', true], [COLORS.optimised, 'optimised: forecast model, hub LP, vehicle-routing search']]),
    'span3',
  );

  const m = changePct(st.merchantsStart, st.merchantsEnd);
  const merchants = panel(
    'merchants',
    esc(Math.abs(m) < 0.5 ? `Merchants stay at ${count(st.merchantsEnd)}` : `Merchants ${m > 0 ? 'grow' : 'shrink'} ${Math.abs(m).toFixed(0)}% as the price ${m > 0 ? 'undercuts' : 'exceeds'} the baseline`),
    `Merchants at the start of each week; ${bandNote}`,
    lineChart({ id: 'merchants', weeks, box: NARROW, label: 'Merchants by week', zero: true, yFmt: count, series: [{ key: 'merchants', label: 'merchants', values: med('merchants'), color: COLORS.merchants, band: band('merchants') }] }),
    'span2',
  );

  const pc = changePct(st.parcelsStart, st.parcelsEnd);
  const parcels = panel(
    'parcels',
    esc(`Parcels per week ${verb(pc)}${Math.abs(pc) >= 0.5 ? ` ${Math.abs(pc).toFixed(0)}%` : ''}: more merchants, seasons`),
    `Parcels handled in the week; ${bandNote}`,
    lineChart({ id: 'parcels', weeks, box: NARROW, label: 'Parcels by week', zero: true, yFmt: count, series: [{ key: 'parcels', label: 'parcels', values: med('parcels'), color: COLORS.parcels, band: band('parcels') }] }),
    'span2',
  );

  const d = st.errorEndPct - st.errorStartPct;
  const over = st.errorWeeks === 1 ? 'first / last week' : `median of the first / last ${st.errorWeeks} weeks`;
  const errTitle = Math.abs(d) < 0.1 ? `Forecast error stays near ${pct1(st.errorEndPct)} (${over})` : `Forecast error ${d < 0 ? 'falls' : 'rises'} from ${pct1(st.errorStartPct)} to ${pct1(st.errorEndPct)} (${over})`;
  // Sales peaks and the Spring Festival make single weeks spike; the axis stops at 3× the typical week
  // (at least 20%) so ordinary weeks stay readable, and the note names the highest week cut off.
  const errs = med('forecastErrorPct');
  const naive = r.periods.map((p) => p.forecastErrorPctBaseline);
  const cap = Math.max(20, 3 * median(errs));
  const peak = r.periods.reduce((b, p, i) => (Math.max(errs[i], naive[i]) > Math.max(errs[b], naive[b]) ? i : b), 0);
  const peakV = Math.max(errs[peak], naive[peak]);
  const capNote = peakV > cap ? `; peaks cut at ${Math.round(cap)}% (highest: week ${r.periods[peak].period}, model ${errs[peak].toFixed(0)}%, naive ${naive[peak].toFixed(0)}%)` : '';
  const error = panel(
    'error',
    esc(errTitle),
    `Measured WAPE of parcels sent per city and day, %${capNote}`,
    lineChart({
      id: 'error',
      weeks,
      box: NARROW,
      label: 'Forecast error by week',
      zero: true,
      cap: peakV > cap ? cap : undefined,
      yFmt: (v) => `${v % 1 ? v.toFixed(1) : v.toFixed(0)}%`,
      series: [
        { key: 'error-naive', label: 'last week (naive)', values: naive, color: COLORS.baseline, dashed: true },
        { key: 'error', label: 'forecast model', values: errs, color: COLORS.error, band: band('forecastErrorPct') },
      ],
    }) + legend([[COLORS.baseline, 'last week (naive)', true], [COLORS.error, 'forecast model']]),
    'span2',
  );
  return `<div class="an-grid">${wf}${cost}${merchants}${parcels}${error}</div>`;
}

/** The per-period table (every week) with the CSV button. */
export function tableHtml(r: FlywheelResult): string {
  const head = TABLE_COLUMNS.map((c) => `<th class="${c.key === 'period' ? '' : 'num'}">${esc(c.head)}</th>`).join('');
  const fmt = (key: string, v: number) =>
    key === 'period' ? String(v) : key === 'merchants' || key === 'parcels' ? Math.round(v).toLocaleString('en-US') : key.endsWith('Pct') ? v.toFixed(1) : key === 'cumulativeSavingsCny' ? Math.round(v).toLocaleString('en-US') : v.toFixed(3);
  const rows = r.periods.map((p) => `<tr>${TABLE_COLUMNS.map((c) => `<td class="${c.key === 'period' ? '' : 'num'}">${fmt(c.key, p[c.key] as number)}</td>`).join('')}</tr>`).join('');
  return (
    '<section class="an-panel an-table-panel" data-testid="panel-table">' +
    '<div class="an-table-head"><div><h3 class="an-title">Week by week</h3><div class="an-sub">Seed ' +
    `${r.seed}; SYNTHETIC demand; costs in CNY per parcel; the CSV adds each week's attribution</div></div>` +
    '<button type="button" class="ghost" data-testid="analysis-csv">Download CSV</button></div>' +
    `<div class="an-table-wrap"><table class="legs an-table" data-testid="analysis-table"><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table></div></section>`
  );
}

/** The comparison of two scenarios: KPIs side by side with b − a (blue when better for the operator, orange when worse). */
export function comparisonHtml(c: Comparison): string {
  const rows = c.kpis
    .map((k) => {
      const info = KPI_INFO[k.name];
      const f = info?.fmt ?? ((x: number) => x.toPrecision(4));
      const cell = (v: number | null) => (v === null ? '–' : esc(f(v)));
      const tone = diffTone(k.name, k.diff);
      // A difference of percentages is in percentage points, without a relative change.
      const pp = info?.unit === '%';
      const size = (d: number) => (pp ? `${Math.abs(d).toFixed(2)} pp` : esc(f(Math.abs(d))));
      const rel = k.diffPct !== null && !pp ? ` <span class="an-dpct">(${signedPct(k.diffPct)})</span>` : '';
      const diff = k.diff === null ? '–' : `${k.diff > 0 ? '+' : k.diff < 0 ? '−' : '±'}${size(k.diff)}${rel}`;
      return `<tr data-kpi="${esc(k.name)}"><td>${esc(info?.label ?? k.name)}</td><td class="num">${cell(k.a)}</td><td class="num">${cell(k.b)}</td><td class="num diff ${tone}">${diff}</td></tr>`;
    })
    .join('');
  return (
    '<section class="an-panel an-compare" data-testid="analysis-compare">' +
    '<div class="an-table-head"><div><h3 class="an-title">Scenarios side by side</h3>' +
    '<div class="an-sub">Latest finished run of each; difference = B − A; <span class="good">blue</span> is better for the operator, <span class="bad">orange</span> worse</div></div>' +
    '<button type="button" class="ghost" data-testid="analysis-compare-close">Close</button></div>' +
    `<table class="legs an-table"><thead><tr><th>KPI</th><th class="num">A · ${esc(c.a.name)}</th><th class="num">B · ${esc(c.b.name)}</th><th class="num">B − A</th></tr></thead><tbody>${rows}</tbody></table></section>`
  );
}

/** The whole dashboard of a report (title line, cards, charts, table). */
export function dashboardHtml(r: FlywheelResult, source: string): string {
  const st = story(r);
  const cities = r.assumptions.cities?.length ?? 0;
  const n = r.seeds?.length ?? 1;
  const seedText = n > 1 ? `${n} seeds (cards, waterfall and table: seed ${r.seed}; charts: median and min–max band)` : `1 seed (${r.seed})`;
  const row = (k: string) => r.assumptions.table.find((t) => t.parameter === k)?.value;
  const cap = row('hubCapacityScale');
  const closed = row('closedHubs');
  const lanes = row('closedLanes');
  const hubText =
    `${typeof cap === 'number' && cap !== 1 ? ` · hub capacity ${Number((cap * 100).toPrecision(3))}%` : ''}` +
    `${typeof closed === 'string' && closed !== 'none' ? ` · closed: ${esc(closed)}` : ''}` +
    `${typeof lanes === 'string' && lanes !== 'none' ? ` · closed lanes: ${esc(lanes)}` : ''}`;
  const meta = `${st.weeks} weeks · ${seedText} · ${cities} cities${hubText} · ${esc(source)}`;
  return (
    `<header class="an-head"><div class="an-kicker">Savings and the flywheel <span class="an-synth">SYNTHETIC demand</span></div>` +
    `<p class="an-story" data-testid="analysis-story">${storyLine(st, r)}</p><div class="an-meta" data-testid="analysis-meta">${meta}</div></header>` +
    kpiCards(st) +
    '<div data-testid="analysis-compare-slot"></div>' +
    chartsHtml(r, st) +
    tableHtml(r)
  );
}

/** While the first result is computed: the loop the dashboard will measure, and the job's progress. */
export function waitingHtml(inner: string): string {
  const steps = ['Cost per parcel ↓', 'Price ↓', 'Merchants ↑', 'Parcels and history ↑', 'Forecast error ↓'];
  return (
    '<div class="an-waiting" data-testid="analysis-waiting">' +
    '<div class="an-kicker">Savings and the flywheel <span class="an-synth">SYNTHETIC demand</span></div>' +
    '<p class="an-story">The claim this view measures, week by week, with the real forecast, hub LP and van routing:</p>' +
    `<div class="an-loop">${steps.map((x) => `<span>${x}</span>`).join('<i aria-hidden="true">→</i>')}</div>` +
    `<div class="an-waiting-job">${inner}</div></div>`
  );
}
