// The Demand view: SYNTHETIC parcel demand per city from POST /api/forecasts. Opening the tab asks for
// the forecast; a 202 answer is a job, polled with a progress bar and a Cancel button (DELETE); a 200
// answer (cached or small) is drawn at once. The map shows one circle per city (demand-layer.ts); the
// panel holds the controls, the day slider and the chart of a clicked city or of the national total.
import type L from 'leaflet';
import { ApiError, cancelForecastJob, fetchForecastJob, postForecast } from './api.js';
import { CHART_BOX, chartSvg } from './demand-chart.js';
import { createDemandLayer } from './demand-layer.js';
import {
  HORIZONS,
  MODELS,
  dayFigures,
  formatCount,
  formatDay,
  formatPct,
  horizonTotal,
  chartHistoryDays,
  trimHistory,
  shortDayWd,
  modelLabel,
  type ColorBy,
  type DemandUrlState,
} from './demand-logic.js';
import type { DemandForecast, DemandSeries, Direction, ForecastJob } from './demand-types.js';
import { esc } from './format.js';

/** Options of {@link createDemandView}. */
export interface DemandViewOptions {
  initial: DemandUrlState;
  /** Any input changed (write the URL). */
  onState(s: DemandUrlState): void;
  /** Fit the map to the cities when the first forecast arrives. */
  fit: boolean;
  fitPadding?: L.FitBoundsOptions;
}

/** The view's public face. */
export interface DemandView {
  /** The tab was opened: draws the circles, asks for the forecast the first time. */
  enter(): void;
  /** The tab was left: hides the circles (a running job keeps running and is shown on return). */
  leave(): void;
}

const POLL_MS = 400;
const DIR_LABEL: Record<Direction, string> = { origin: 'Sent', destination: 'Received' };
const DIR_WORD: Record<Direction, string> = { origin: 'sent', destination: 'received' };
const COLOR_LABEL: Record<ColorBy, string> = { volume: 'Volume', error: 'Backtest error' };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function segmented<T extends string>(name: string, testid: string, values: readonly T[], labels: Record<T, string>, current: T): string {
  return (
    `<div class="segmented" role="radiogroup" data-group="${name}">` +
    values
      .map((v) => `<label data-testid="${testid}-${v}"><input type="radio" name="${name}" value="${v}"${v === current ? ' checked' : ''}><span>${labels[v]}</span></label>`)
      .join('') +
    '</div>'
  );
}

function controls(s: DemandUrlState): string {
  const horizons = [...new Set([...HORIZONS, s.horizonDays])].sort((a, b) => a - b);
  return (
    '<div class="panel-section demand-controls">' +
    '<h2 class="section-title">Parcel demand forecast</h2>' +
    '<p class="demand-synthetic" data-testid="demand-synthetic" title="Imitates Chinese e-commerce: volume by population, weekly cycle, 11.11 and 618 peaks, Spring Festival dip, growth, count noise (data/README.md).">' +
    '<span class="badge-synthetic">SYNTHETIC</span> synthetic demand, seeded generator — not observed data.</p>' +
    '<div class="field-row">' +
    `<label class="field demand-horizon"><span class="field-label">Horizon</span><select data-testid="demand-horizon">${horizons
      .map((h) => `<option value="${h}"${h === s.horizonDays ? ' selected' : ''}>${h} days</option>`)
      .join('')}</select></label>` +
    `<label class="field demand-model"><span class="field-label">Model</span><select data-testid="demand-model">${MODELS.map(
      (m) => `<option value="${m.id}"${m.id === s.model ? ' selected' : ''}>${esc(m.label)}</option>`,
    ).join('')}</select></label>` +
    '</div>' +
    '<div class="field-row">' +
    `<div class="field demand-dir-field"><span class="field-label">Parcels</span>${segmented('demand-dir', 'demand-dir', ['origin', 'destination'] as const, DIR_LABEL, s.direction)}</div>` +
    `<div class="field"><span class="field-label">Colour by</span>${segmented('demand-color', 'demand-color', ['volume', 'error'] as const, COLOR_LABEL, s.colorBy)}</div>` +
    '</div>' +
    '<div class="field demand-day"><div class="demand-day-head"><span class="field-label">Day shown on the map</span>' +
    '<span class="demand-date" data-testid="demand-date"></span></div>' +
    `<input type="range" min="0" max="${s.horizonDays - 1}" step="1" value="${s.day}" data-testid="demand-slider" aria-label="Forecast day">` +
    '<div class="demand-day-ends"><span data-end="first"></span><span data-end="last"></span></div></div>' +
    '<div class="demand-status" data-testid="demand-status" aria-live="polite"></div>' +
    '</div>' +
    '<div class="panel-section demand-detail" data-testid="demand-detail"></div>'
  );
}

function progressHtml(job: ForecastJob | null, series: number): string {
  const frac = Math.max(0, Math.min(1, job?.progress?.fraction ?? 0));
  const pct = Math.round(frac * 100);
  const what = job?.status === 'queued' || !job ? 'Queued' : 'Forecasting';
  return (
    `<div class="demand-job" data-testid="demand-job"><div class="demand-job-head"><span>${what} ${series} series (2 per city) on the server… <strong data-testid="demand-progress-pct">${pct} %</strong></span>` +
    '<button type="button" class="ghost" data-testid="demand-cancel">Cancel</button></div>' +
    `<div class="progress" role="progressbar" aria-valuemin="0" aria-valuemax="100" aria-valuenow="${pct}" data-testid="demand-progress"><div class="progress-bar" style="width:${pct}%"></div></div>` +
    `<div class="demand-job-note">${esc(job?.progress?.message ?? 'The first request fits every city; later ones come from the cache.')}</div></div>`
  );
}

function chartLegend(s: DemandSeries): string {
  const lv = Object.keys(s.forecast.intervals).sort((a, b) => Number(a) - Number(b));
  const band = (l: string) => `<span><i class="sw band-${l}"></i>${l} % interval</span>`;
  return `<div class="chart-legend"><span><i class="sw line-history"></i>History</span><span><i class="sw line-mean"></i>Forecast mean</span>${lv.map(band).join('')}<span><i class="sw line-day"></i>Day on map</span></div>`;
}

function figures(s: DemandSeries, date: string, day: number, dir: Direction): string {
  const { mean, bands } = dayFigures(s, day);
  const range = (lvl: string) => (bands[lvl] ? `${formatCount(bands[lvl][0])} – ${formatCount(bands[lvl][1])}` : '–');
  return (
    `<div class="demand-figures" data-testid="demand-figures">` +
    `<div class="tile main"><span class="tile-label">${DIR_LABEL[dir]} · ${esc(shortDayWd(date))}</span><span class="tile-value" data-testid="demand-day-value" data-value="${mean}">${formatCount(mean)}</span></div>` +
    `<div class="tile"><span class="tile-label">80 % interval</span><span class="tile-value small">${range('80')}</span></div>` +
    `<div class="tile"><span class="tile-label">95 % interval</span><span class="tile-value small">${range('95')}</span></div>` +
    '</div>'
  );
}

function backtestLine(s: DemandSeries, dir: Direction): string {
  const b = s.backtest;
  const mase = b.mase === null ? '–' : b.mase.toFixed(2);
  return (
    `<dl class="demand-model-info" data-testid="demand-model-info">` +
    `<dt>Horizon</dt><dd>${formatCount(horizonTotal(s))} parcels ${DIR_WORD[dir]} in ${s.forecast.mean.length} days (forecast mean)</dd>` +
    `<dt>Model</dt><dd><code data-testid="demand-model-name">${esc(modelLabel(s.model, s.fallback))}</code></dd>` +
    `<dt>Backtest</dt><dd data-testid="demand-backtest">sMAPE <strong>${formatPct(b.smape)}</strong> · MASE ${mase} · ${b.level} % coverage ${formatPct(b.coverage * 100)}` +
    `<span class="muted"> (held out from ${esc(formatDay(b.from))}, ${b.origins} origin${b.origins === 1 ? '' : 's'})</span></dd></dl>`
  );
}

/** Builds the panel inside `root` and the circles on `map`. */
export function createDemandView(root: HTMLElement, map: L.Map, o: DemandViewOptions): DemandView {
  const s: DemandUrlState = { ...o.initial, cities: o.initial.cities ? [...o.initial.cities] : null };
  let forecast: DemandForecast | null = null;
  let requested = '';
  let seq = 0;
  let jobId: string | null = null;
  let active = false;
  let fitted = !o.fit;

  root.innerHTML = controls(s);
  root.dataset.state = 'idle';
  const $ = <T extends Element>(sel: string) => root.querySelector<T>(sel)!;
  const slider = $<HTMLInputElement>('[data-testid="demand-slider"]');
  const statusEl = $<HTMLElement>('[data-testid="demand-status"]');
  const detailEl = $<HTMLElement>('[data-testid="demand-detail"]');
  const dateEl = $<HTMLElement>('[data-testid="demand-date"]');

  const layer = createDemandLayer(map, (id) => selectCity(s.city === id ? null : id));
  const changed = () => o.onState({ ...s, cities: s.cities ? [...s.cities] : null });
  const drawState = () => ({ day: s.day, direction: s.direction, colorBy: s.colorBy, selected: s.city });

  const renderDay = () => {
    if (!forecast) {
      dateEl.textContent = '';
      return;
    }
    const h = forecast.horizonDays;
    s.day = Math.min(s.day, h - 1);
    slider.max = String(h - 1);
    slider.value = String(s.day);
    const dates = forecast.dates.slice(forecast.historyDays);
    dateEl.innerHTML = `<strong>${esc(formatDay(dates[s.day]))}</strong> · day ${s.day + 1} of ${h}`;
    root.querySelector('[data-end="first"]')!.textContent = formatDay(dates[0]);
    root.querySelector('[data-end="last"]')!.textContent = formatDay(dates[h - 1]);
  };

  const renderDetail = () => {
    if (!forecast) {
      detailEl.innerHTML = '';
      return;
    }
    const f = forecast;
    const date = f.dates[f.historyDays + s.day];
    const city = s.city ? f.cities.find((c) => c.id === s.city) ?? null : null;
    const series = (city ?? f.national)[s.direction];
    const head = city
      ? `<div class="demand-detail-head"><div><div class="result-title">City · parcels ${DIR_WORD[s.direction]} per day</div>` +
        `<div class="result-route" data-testid="demand-city-title">${esc(city.name)} <span class="zh">${esc(city.nameZh)}</span></div>` +
        `<div class="result-meta">${esc(city.province)} ${esc(city.provinceZh)} · ${(city.population / 1e6).toFixed(1)} M people</div></div>` +
        '<button type="button" class="ghost" data-testid="demand-national-btn">National totals</button></div>'
      : `<div class="demand-detail-head"><div><div class="result-title">National total · parcels ${DIR_WORD[s.direction]} per day</div>` +
        `<div class="result-route" data-testid="demand-city-title">China <span class="zh">中国</span> · sum of ${f.national.cities} cities</div>` +
        '<div class="result-meta">Click a circle on the map for a city\'s chart.</div></div></div>';
    const shown = trimHistory(series, f.dates, f.historyDays, chartHistoryDays(f.horizonDays, f.historyDays));
    const chart = chartSvg(shown.series, shown.dates, s.day, CHART_BOX, city ? city.name : 'China');
    const note = city ? '' : `<p class="demand-note">${esc(f.method.totals)}</p>${topCities(f, s.direction, s.day)}`;
    detailEl.innerHTML = `${head}${figures(series, date, s.day, s.direction)}<div class="chart-wrap">${chart}</div>${chartLegend(series)}${backtestLine(series, s.direction)}${note}`;
    detailEl.dataset.city = city?.id ?? 'national';
  };

  const topCities = (f: DemandForecast, dir: Direction, day: number): string => {
    const rows = [...f.cities]
      .map((c) => ({ c, v: dayFigures(c[dir], day).mean }))
      .sort((a, b) => b.v - a.v)
      .slice(0, 6)
      .map(
        ({ c, v }) =>
          `<tr data-testid="demand-top-row" data-id="${esc(c.id)}"><td>${esc(c.name)} <span class="zh">${esc(c.nameZh)}</span></td>` +
          `<td class="num">${formatCount(v)}</td><td class="num">${formatPct(c[dir].backtest.smape)}</td></tr>`,
      )
      .join('');
    return `<table class="legs demand-top"><thead><tr><th>Largest cities that day</th><th class="num">Parcels</th><th class="num">sMAPE</th></tr></thead><tbody>${rows}</tbody></table>`;
  };

  const renderAll = () => {
    renderDay();
    renderDetail();
    if (forecast) layer.update(drawState());
  };

  function selectCity(id: string | null): void {
    s.city = id;
    changed();
    renderDetail();
    layer.update(drawState());
  }

  const showForecast = (f: DemandForecast) => {
    forecast = f;
    if (s.city && !f.cities.some((c) => c.id === s.city)) s.city = null;
    root.dataset.state = 'ready';
    root.classList.remove('stale');
    statusEl.innerHTML = '';
    layer.show(f, drawState());
    renderAll();
    changed();
    if (!fitted && active) {
      fitted = true;
      const b = layer.bounds();
      if (b.isValid()) map.fitBounds(b, { ...o.fitPadding, maxZoom: 6 });
    }
  };

  const showError = (e: unknown) => {
    root.dataset.state = 'error';
    root.classList.remove('stale');
    const msg = e instanceof ApiError ? e.message : (e as Error).message;
    const field = e instanceof ApiError && e.field ? `<div class="notice-hint">Field: <code>${esc(e.field)}</code></div>` : '';
    statusEl.innerHTML =
      `<div class="notice error" role="alert" data-testid="demand-error"><div class="notice-title">No forecast</div><div>${esc(msg)}</div>${field}</div>` +
      '<div class="actions"><button type="button" class="primary" data-testid="demand-retry">Try again</button></div>';
  };

  const requestKey = () => JSON.stringify([s.horizonDays, s.model, s.cities]);

  async function load(): Promise<void> {
    const my = ++seq;
    const old = jobId;
    jobId = null;
    if (old) void cancelForecastJob(old).catch(() => undefined);
    requested = requestKey();
    root.dataset.state = 'loading';
    root.classList.toggle('stale', forecast !== null);
    statusEl.innerHTML = '<div class="demand-job"><div class="demand-job-head"><span>Asking the server for the forecast…</span></div><div class="progress indeterminate"><div class="progress-bar"></div></div></div>';
    try {
      const body = { horizonDays: s.horizonDays, model: s.model, ...(s.cities ? { cities: s.cities } : {}) };
      const res = await postForecast(body);
      if (my !== seq) return;
      if (res.status === 200) return showForecast(res.forecast);
      jobId = res.job.jobId;
      root.dataset.state = 'running';
      const series = res.job.series;
      statusEl.innerHTML = progressHtml(null, series);
      for (;;) {
        await sleep(POLL_MS);
        if (my !== seq) return;
        const job = await fetchForecastJob(res.job.jobId);
        if (my !== seq) return;
        if (job.status === 'done' && job.result) {
          jobId = null;
          return showForecast(job.result);
        }
        if (job.status === 'failed') {
          jobId = null;
          throw new ApiError(500, job.error?.message ?? 'The forecast job failed.', job.error?.field);
        }
        if (job.status === 'cancelled') {
          jobId = null;
          return showCancelled();
        }
        statusEl.innerHTML = progressHtml(job, series);
      }
    } catch (e) {
      if (my === seq) showError(e);
    }
  }

  const showCancelled = () => {
    root.dataset.state = 'cancelled';
    root.classList.remove('stale');
    requested = '';
    statusEl.innerHTML =
      `<div class="notice warn" data-testid="demand-cancelled"><div class="notice-title">Forecast cancelled</div>` +
      `<div>${forecast ? 'The map still shows the previous forecast.' : 'Nothing to show yet.'}</div></div>` +
      '<div class="actions"><button type="button" class="primary" data-testid="demand-retry">Run the forecast</button></div>';
  };

  const cancel = async () => {
    const id = jobId;
    if (!id) return;
    seq++;
    jobId = null;
    showCancelled();
    try {
      await cancelForecastJob(id);
    } catch (e) {
      console.warn('hubflow: cancel failed', e);
    }
  };

  // Inputs.
  $<HTMLSelectElement>('[data-testid="demand-horizon"]').addEventListener('change', (e) => {
    s.horizonDays = Number((e.target as HTMLSelectElement).value);
    s.day = Math.min(s.day, s.horizonDays - 1);
    changed();
    void load();
  });
  $<HTMLSelectElement>('[data-testid="demand-model"]').addEventListener('change', (e) => {
    s.model = (e.target as HTMLSelectElement).value;
    changed();
    void load();
  });
  root.addEventListener('change', (e) => {
    const t = e.target as HTMLInputElement;
    if (t.name === 'demand-dir') s.direction = t.value as Direction;
    else if (t.name === 'demand-color') s.colorBy = t.value as ColorBy;
    else return;
    changed();
    renderAll();
  });
  slider.addEventListener('input', () => {
    s.day = Number(slider.value);
    changed();
    renderAll();
  });
  root.addEventListener('click', (e) => {
    const t = e.target as HTMLElement;
    if (t.closest('[data-testid="demand-cancel"]')) void cancel();
    else if (t.closest('[data-testid="demand-retry"]')) void load();
    else if (t.closest('[data-testid="demand-national-btn"]')) selectCity(null);
    else {
      const row = t.closest<HTMLElement>('[data-testid="demand-top-row"]');
      if (row?.dataset.id) selectCity(row.dataset.id);
    }
  });

  return {
    enter() {
      active = true;
      layer.setVisible(true);
      if (requested !== requestKey() && root.dataset.state !== 'cancelled') void load();
      else if (forecast && !fitted) {
        fitted = true;
        const b = layer.bounds();
        if (b.isValid()) map.fitBounds(b, { ...o.fitPadding, maxZoom: 6 });
      }
    },
    leave() {
      active = false;
      layer.setVisible(false);
    },
  };
}
