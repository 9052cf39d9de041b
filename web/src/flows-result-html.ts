// HTML of the Flows view's plan: headline figures, the difference against the previous plan,
// bottlenecks with their capacity prices, unused lanes, cost by component, unserved demand, hub use.
import { esc } from './format.js';
import { bottlenecks, cnyDay, costLines, n0, priceSentence, tpd, UTIL_COLOR, utilBand, type PlanDiff } from './flows-plan.js';
import type { Allocation } from './flows-types.js';
import { MODE_STYLE } from './modes.js';
import type { Namer } from './flows-panel-html.js';

/** Headline figures of a plan. */
export function tilesHtml(p: Allocation): string {
  const unmet = p.demandKgPerDay - p.servedKgPerDay;
  const full = p.hubs.filter((h) => utilBand(h.utilisation, h.open) === 'full').length;
  const open = p.hubs.filter((h) => h.open).length;
  const status = p.status === 'optimal' ? '' : `<div class="notice warn"><div class="notice-title">Not proved optimal (${esc(p.status)})</div>${p.gap !== undefined ? `<div>MIP gap ${(p.gap * 100).toFixed(2)} %</div>` : ''}</div>`;
  return (
    status +
    '<div class="tiles" data-testid="flows-tiles">' +
    `<div class="tile main"><span class="tile-label">Cost</span><span class="tile-value" data-testid="flows-cost">${cnyDay(p.costs.totalCny)}</span></div>` +
    `<div class="tile"><span class="tile-label">Served</span><span class="tile-value">${p.demandKgPerDay > 0 ? n0((100 * p.servedKgPerDay) / p.demandKgPerDay, 1) : '–'} %</span></div>` +
    `<div class="tile"><span class="tile-label">Demand</span><span class="tile-value">${tpd(p.demandKgPerDay)}</span></div>` +
    `<div class="tile${unmet > 1 ? ' flows-bad' : ''}"><span class="tile-label">Unserved</span><span class="tile-value">${tpd(Math.max(0, unmet))}</span></div>` +
    `<div class="tile"><span class="tile-label">Hubs open</span><span class="tile-value">${open} of ${p.hubs.length}</span></div>` +
    `<div class="tile${full ? ' flows-bad' : ''}"><span class="tile-label">At capacity</span><span class="tile-value">${full}</span></div>` +
    '</div>'
  );
}

/** The difference against the previous plan: cost Δ, lanes gained and lost, the map switch. */
export function diffHtml(d: PlanDiff, name: Namer, show: 'plan' | 'change'): string {
  const better = d.costDeltaCny < -0.5;
  const worse = d.costDeltaCny > 0.5;
  const rows = d.lanes
    .slice(0, 8)
    .map(
      (l) =>
        `<tr><td class="name"><span class="mode-pill" style="--c:${MODE_STYLE[l.mode].color}"></span> ${esc(name(l.a))} – ${esc(name(l.b))}</td>` +
        `<td class="num">${n0(l.beforeKg / 1000)}</td><td class="num">${n0(l.afterKg / 1000)}</td><td class="num ${l.deltaKg > 0 ? 'flows-gain' : 'flows-loss'}">${l.deltaKg > 0 ? '+' : '−'}${n0(Math.abs(l.deltaKg) / 1000)}</td></tr>`,
    )
    .join('');
  const hubs = [...d.opened.map((h) => `${name(h)} opened`), ...d.closed.map((h) => `${name(h)} closed`)];
  const costs = d.costLines
    .filter((l) => l.key !== 'total')
    .map((l) => `<li>${esc(l.label)}: <strong>${cnyDay(l.deltaCny, true)}</strong></li>`)
    .join('');
  return (
    `<div class="flows-diff ${better ? 'better' : worse ? 'worse' : ''}" data-testid="flows-diff">` +
    '<div class="flows-diff-head"><h3 class="flows-h">Against the previous plan</h3>' +
    '<div class="segmented small" role="radiogroup" aria-label="Map shows">' +
    `<label><input type="radio" name="flows-show" value="plan"${show === 'plan' ? ' checked' : ''} data-testid="flows-show-plan"><span>Plan</span></label>` +
    `<label><input type="radio" name="flows-show" value="change"${show === 'change' ? ' checked' : ''} data-testid="flows-show-change"><span>Change</span></label>` +
    '</div></div>' +
    `<div class="flows-diff-cost" data-testid="flows-diff-cost">Cost <strong>${cnyDay(d.costDeltaCny, true)}</strong>` +
    ` · unserved ${tpd(d.unmetBeforeKg)} → ${tpd(d.unmetAfterKg)}</div>` +
    (costs ? `<ul class="flows-diff-costs">${costs}</ul>` : '') +
    (hubs.length ? `<div class="flows-diff-hubs">${esc(hubs.join(' · '))}</div>` : '') +
    `<div class="flows-diff-lanes-head" data-testid="flows-diff-count">${d.gained} lanes gained flow, ${d.lost} lost flow</div>` +
    (rows ? `<table class="legs flows-table" data-testid="flows-diff-lanes"><colgroup><col><col class="c-t"><col class="c-t"><col class="c-t"></colgroup><thead><tr><th>Lane</th><th class="num">before t/day</th><th class="num">after</th><th class="num">Δ</th></tr></thead><tbody>${rows}</tbody></table>` : '<p class="flows-empty">No lane changed by more than 0.5 % of the largest flow.</p>') +
    '</div>'
  );
}

/** Bottlenecks with their capacity prices in plain words, each with a one-click what-if. */
export function bottlenecksHtml(p: Allocation, name: Namer): string {
  const b = bottlenecks(p.capacityPrices);
  const items = b
    .slice(0, 8)
    .map((x) => {
      const step = Math.max(10, Math.round((x.capacityTonnesPerDay * 0.1) / 10) * 10);
      return (
        `<li class="flows-bottleneck" data-testid="flows-bottleneck" data-id="${esc(x.id)}"><div>${esc(priceSentence(x, name))}.</div>` +
        `<div class="flows-bn-meta">${n0(x.usedTonnesPerDay)} of ${n0(x.capacityTonnesPerDay)} t/day used` +
        `<button type="button" class="link" data-add="${esc(x.id)}" data-kind="${x.kind}" data-cap="${x.capacityTonnesPerDay + step}">try +${n0(step)} t/day</button></div></li>`
      );
    })
    .join('');
  const none = p.integer && !p.capacityPrices.length ? 'No prices: the solver gave no dual values for this plan.' : 'No capacity is binding: one more tonne anywhere would save nothing.';
  return (
    '<h3 class="flows-h">Bottlenecks and what capacity is worth</h3>' +
    (items ? `<ol class="flows-bottlenecks" data-testid="flows-bottlenecks">${items}</ol>` : `<p class="flows-empty" data-testid="flows-bottlenecks">${none}</p>`) +
    '<p class="flows-note">From the LP’s dual values: the saving holds while the capacity stays in the stated range.</p>'
  );
}

/** Unused trunk lanes closest to being used: how much their cost per kg would have to fall. */
export function unusedHtml(p: Allocation, name: Namer): string {
  const items = p.unusedLanes
    .slice(0, 5)
    .map((u) => `<li><span class="mode-pill" style="--c:${MODE_STYLE[u.mode].color}"></span> ${esc(name(u.from))} → ${esc(name(u.to))} (${MODE_STYLE[u.mode].label.toLowerCase()}): ${u.mustFallByCnyPerKg < 5e-5 ? 'as cheap as the plan’s routes (a tie)' : `if its cost fell by <strong>¥${u.mustFallByCnyPerKg < 0.01 ? u.mustFallByCnyPerKg.toFixed(4) : u.mustFallByCnyPerKg.toFixed(2)}/kg</strong>`}</li>`)
    .join('');
  if (!items) return '';
  return `<h3 class="flows-h">Unused lanes nearest to use</h3><ul class="flows-unused" data-testid="flows-unused">${items}</ul><p class="flows-note">From the reduced costs: a lane is used once its cost per kg falls by more than this.</p>`;
}

/** Cost by component: one stacked bar and the lines. */
export function costsHtml(p: Allocation): string {
  const lines = costLines(p.costs);
  const total = lines.reduce((s, l) => s + Math.max(0, l.cny), 0) || 1;
  const colour = (key: string, mode?: string) => (mode ? MODE_STYLE[mode as keyof typeof MODE_STYLE].color : ({ firstMile: '#8a94a3', lastMile: '#b8c0ca', handling: '#1f3a5f', fixedHub: '#6a51a3', fixedLane: '#9e9ac8', unmet: '#c8102e' } as Record<string, string>)[key] ?? '#ccc');
  const bar = lines.map((l) => `<span style="width:${(100 * Math.max(0, l.cny)) / total}%;background:${colour(l.key, l.mode)}" title="${esc(l.label)}"></span>`).join('');
  const rows = lines
    .map((l) => `<tr><td><span class="flows-sw" style="background:${colour(l.key, l.mode)}"></span>${esc(l.label)}</td><td class="num">${cnyDay(l.cny)}</td><td class="num">${n0((100 * l.cny) / total, 1)} %</td></tr>`)
    .join('');
  return (
    '<h3 class="flows-h">Cost by component</h3>' +
    `<div class="flows-bar" aria-hidden="true">${bar}</div>` +
    `<table class="legs flows-table" data-testid="flows-costs"><colgroup><col><col class="c-m"><col class="c-t"></colgroup><tbody>${rows}</tbody><tfoot><tr><td>Total</td><td class="num">${cnyDay(p.costs.totalCny)}</td><td></td></tr></tfoot></table>`
  );
}

/** Unserved demand, largest first, with the model's reasons. */
export function unmetHtml(p: Allocation, name: Namer): string {
  if (!p.unmet.length) return '<h3 class="flows-h">Unserved demand</h3><p class="flows-empty" data-testid="flows-unmet">None: every pair is served.</p>';
  const items = p.unmet
    .slice(0, 8)
    .map((u) => `<li><strong>${esc(name(u.from))} → ${esc(name(u.to))}</strong>: ${tpd(u.kgPerDay)} of ${tpd(u.demandKgPerDay)} · <span class="flows-reason">${esc(u.reason)}</span></li>`)
    .join('');
  const more = p.unmet.length > 8 ? `<p class="flows-note">and ${p.unmet.length - 8} more pairs.</p>` : '';
  return `<h3 class="flows-h">Unserved demand</h3><ul class="flows-unmet" data-testid="flows-unmet">${items}</ul>${more}`;
}

/** Hubs by utilisation, fullest first, as small bars. */
export function hubsHtml(p: Allocation): string {
  const idle = p.hubs.filter((h) => h.open && !(h.usedKgPerDay > 1e-3));
  const rows = [...p.hubs]
    .filter((h) => !idle.includes(h))
    .sort((a, b) => Number(b.open) - Number(a.open) || b.utilisation - a.utilisation)
    .map((h) => {
      const band = utilBand(h.utilisation, h.open);
      const w = Math.min(100, Math.round(h.utilisation * 100));
      return (
        `<tr data-hub="${esc(h.hub)}"><td class="name">${esc(h.name.replace(/ sort hub$/, ''))}</td>` +
        `<td><div class="flows-ubar"><span style="width:${h.open ? w : 0}%;background:${UTIL_COLOR[band]}"></span></div></td>` +
        `<td class="num">${h.open ? `${w} %` : 'closed'}</td><td class="num">${n0(h.capacityKgPerDay / 1000)}</td></tr>`
      );
    })
    .join('');
  return (
    '<h3 class="flows-h">Hub utilisation</h3>' +
    `<table class="legs flows-table flows-hubs" data-testid="flows-hubs"><colgroup><col><col class="c-bar"><col class="c-t"><col class="c-t"></colgroup><thead><tr><th>Hub</th><th>throughput ÷ capacity</th><th class="num">used</th><th class="num">cap. t/day</th></tr></thead><tbody>${rows}</tbody></table>` +
    (idle.length ? `<p class="flows-note">Open but unused: ${idle.map((h) => esc(h.name.replace(/ sort hub$/, ''))).join(', ')}.</p>` : '')
  );
}

/** What the mixed-integer model decided: hubs it closed, line-haul lanes it runs. */
export function decidedHtml(p: Allocation, name: Namer): string {
  const parts: string[] = [];
  const shut = p.hubs.filter((h) => !h.open && !h.closed);
  if (p.integer && shut.length) parts.push(`Hubs closed by the model: ${shut.map((h) => esc(name(h.hub))).join(', ')}.`);
  if (p.laneRuns?.length) {
    const run = p.laneRuns.filter((l) => l.run);
    const fixed = run.reduce((s, l) => s + l.fixedCnyPerDay, 0);
    parts.push(`Line-haul lanes run: <strong>${run.length} of ${p.laneRuns.length}</strong> candidates, fixed ${cnyDay(fixed)}.`);
  }
  return parts.length ? `<p class="flows-decided" data-testid="flows-decided">${parts.join(' ')}</p>` : '';
}

/** The figures of a plan below the edits. */
export function resultHtml(p: Allocation, name: Namer, diff: string, demandLine: string): string {
  const note = p.demandNote ? `<p class="flows-note">${esc(p.demandNote)}</p>` : '';
  const shape = p.shape ? ` · ${n0(p.shape.odPairs)} city pairs, ${n0(p.shape.routes)} candidate routes` : '';
  const t = p.timingsMs ? ` · solved in ${((p.timingsMs.build + p.timingsMs.solve + p.timingsMs.prices) / 1000).toFixed(1)} s` : '';
  return (
    `<div class="result-title">Plan · ${p.laneRuns?.length ? 'hubs and line-haul lanes chosen (MIP)' : p.integer ? 'hubs chosen (MIP)' : 'every hub open (LP)'}</div>` +
    `<div class="result-meta">Demand: ${esc(demandLine)} · ${esc(p.status)} (${esc(p.backend)})${shape}${t}</div>` +
    tilesHtml(p) +
    decidedHtml(p, name) +
    diff +
    `<section>${bottlenecksHtml(p, name)}${unusedHtml(p, name)}</section><section>${costsHtml(p)}</section><section>${unmetHtml(p, name)}</section><section>${hubsHtml(p)}</section>` +
    note
  );
}
