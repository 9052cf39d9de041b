// DOM events of the Analysis panel and dashboard, turned into the view's actions. Slider values are
// shown while dragged; a value is only reported (and run) when valid and released.
import { checkValue, type AnalysisUrlState, type Component } from './analysis-logic.js';
import { SLIDERS, elasticityNote } from './analysis-panel.js';

/** Numeric inputs of the panel. */
export type NumericKey = 'periods' | 'seeds' | 'seed' | 'margin' | 'elasticity' | 'merchants' | 'parcelsPerMerchantPerWeek' | 'cities' | 'hubCapacityScale';

/** What the view does for each user action. */
export interface AnalysisActions {
  setValue(key: NumericKey, value: number): void;
  setComponentsOff(off: Component[]): void;
  close(kind: 'hub' | 'lane', id: string): void;
  reopen(kind: 'hub' | 'lane', id: string): void;
  tick(id: string, checked: boolean): void;
  cancel(): void;
  runAgain(): void;
  preset(which: 'year' | 'defaults'): void;
  save(): void;
  compare(): void;
  open(id: string): void;
  remove(id: string): void;
  downloadCsv(): void;
  closeCompare(): void;
}

/** Wires the panel (`root`) and the dashboard (`dash`) to `a`. */
export function wireAnalysisEvents(root: HTMLElement, dash: HTMLElement, a: AnalysisActions): void {
  root.addEventListener('input', (e) => {
    const t = e.target as HTMLInputElement;
    const d = SLIDERS.find((x) => x.key === t.dataset.k);
    if (!d) return;
    root.querySelector(`output[data-out="${d.key}"]`)!.textContent = d.show(Number(t.value));
    if (d.key === 'elasticity') root.querySelector('[data-note="elasticity"]')!.textContent = elasticityNote(Number(t.value));
  });

  root.addEventListener('change', (e) => {
    const t = e.target as HTMLInputElement;
    if (t.dataset.comp) {
      a.setComponentsOff([...root.querySelectorAll<HTMLInputElement>('input[data-comp]')].filter((c) => !c.checked).map((c) => c.dataset.comp as Component));
    } else if (t.dataset.k) {
      const k = t.dataset.k as NumericKey & keyof AnalysisUrlState;
      const v = checkValue(k, Number(t.value));
      t.setAttribute('aria-invalid', String(v === undefined));
      if (v !== undefined) a.setValue(k, v);
    } else if (t.dataset.act === 'close-hub' || t.dataset.act === 'close-lane') {
      if (t.value) a.close(t.dataset.act === 'close-hub' ? 'hub' : 'lane', t.value);
    } else if (t.dataset.act === 'tick') {
      a.tick(t.closest<HTMLElement>('[data-id]')!.dataset.id!, t.checked);
    }
  });

  root.addEventListener('click', (e) => {
    const t = e.target as HTMLElement;
    const on = (id: string) => t.closest(`[data-testid="${id}"]`) !== null;
    const reopen = t.closest<HTMLElement>('[data-act^="reopen-"]');
    if (on('analysis-cancel')) a.cancel();
    else if (on('analysis-run') || on('analysis-retry')) a.runAgain();
    else if (on('analysis-year')) a.preset('year');
    else if (on('analysis-reset')) a.preset('defaults');
    else if (reopen) a.reopen(reopen.dataset.act === 'reopen-hub' ? 'hub' : 'lane', reopen.dataset.id!);
    else if (on('analysis-save')) a.save();
    else if (on('analysis-compare-btn')) a.compare();
    else {
      const item = t.closest<HTMLElement>('[data-testid="analysis-scenario"]');
      const which = t.closest<HTMLElement>('[data-act]')?.dataset.act;
      if (!item?.dataset.id) return;
      if (which === 'open') a.open(item.dataset.id);
      else if (which === 'delete') a.remove(item.dataset.id);
    }
  });

  root.querySelector<HTMLInputElement>('[data-testid="analysis-name"]')!.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') a.save();
  });

  dash.addEventListener('click', (e) => {
    const t = e.target as HTMLElement;
    if (t.closest('[data-testid="analysis-csv"]')) a.downloadCsv();
    else if (t.closest('[data-testid="analysis-cancel-dash"]')) a.cancel();
    else if (t.closest('[data-testid="analysis-compare-close"]')) a.closeCompare();
  });
}
