// A search box with autocomplete over the places (English or Chinese names, ids), keyboard friendly.
import { esc, population } from './format.js';
import type { Place } from './types.js';

/** A place search box bound to one end of the path. */
export interface PlaceSearch {
  /** The selected place, or null. */
  get(): Place | null;
  /** Selects a place (or clears with null) without calling `onChange`. */
  set(place: Place | null): void;
  focus(): void;
  /** Shows text that names no known place (e.g. from a link) and marks the box invalid. */
  showUnknown(text: string): void;
  /** Marks the box as the field the API rejected (or clears the mark). */
  setInvalid(invalid: boolean): void;
}

/** Options of {@link createPlaceSearch}. */
export interface PlaceSearchOptions {
  /** `from` or `to`: used in test ids and labels. */
  role: 'from' | 'to';
  label: string;
  placeholder: string;
  places: () => readonly Place[];
  /** Extra text per place, e.g. "eHub". */
  describe?: (p: Place) => string;
  onChange: (p: Place | null) => void;
  /** Prefix of the element id and test ids, for a second pair of boxes on the page (e.g. "quote-"). */
  idPrefix?: string;
}

const MAX_OPTIONS = 8;

/** Lower case without diacritics, so "liege" finds "Liège". */
export function fold(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim();
}

/** Places matching `query`, best first: exact, prefix, word prefix, then substring; ties by population. */
export function matchPlaces(places: readonly Place[], query: string, limit = MAX_OPTIONS): Place[] {
  const q = fold(query);
  if (!q) return [];
  const scored: { p: Place; score: number }[] = [];
  for (const p of places) {
    const name = fold(p.name);
    const zh = p.nameZh ?? '';
    let score = -1;
    if (name === q || zh === query.trim() || p.id === q) score = 0;
    else if (name.startsWith(q) || zh.startsWith(query.trim())) score = 1;
    else if (name.split(/[\s\-–]+/).some((w) => w.startsWith(q))) score = 2;
    else if (name.includes(q) || zh.includes(query.trim()) || fold(p.id).includes(q)) score = 3;
    if (score >= 0) scored.push({ p, score });
  }
  scored.sort((a, b) => a.score - b.score || (b.p.population ?? 0) - (a.p.population ?? 0) || a.p.name.localeCompare(b.p.name));
  return scored.slice(0, limit).map((s) => s.p);
}

/** Text shown in the box for a selected place. */
export function placeLabel(p: Place): string {
  return p.nameZh ? `${p.name} ${p.nameZh}` : p.name;
}

/** Builds the search box inside `container`. */
export function createPlaceSearch(container: HTMLElement, o: PlaceSearchOptions): PlaceSearch {
  const pre = o.idPrefix ?? '';
  const id = `${pre}place-${o.role}`;
  container.classList.add('place-search');
  container.innerHTML =
    `<label class="field-label" for="${id}"><span class="end-dot end-${o.role}"></span>${esc(o.label)}</label>` +
    `<div class="place-input-wrap">` +
    `<input id="${id}" type="search" autocomplete="off" spellcheck="false" placeholder="${esc(o.placeholder)}" ` +
    `role="combobox" aria-expanded="false" aria-autocomplete="list" aria-controls="${id}-list" data-testid="${pre}${o.role}-input">` +
    `<button type="button" class="place-clear" title="Clear" aria-label="Clear ${esc(o.label)}" data-testid="${pre}${o.role}-clear">×</button>` +
    `</div>` +
    `<ul class="place-options" id="${id}-list" role="listbox" hidden data-testid="${pre}${o.role}-options"></ul>`;
  const input = container.querySelector('input')!;
  const list = container.querySelector('ul')!;
  const clear = container.querySelector<HTMLButtonElement>('.place-clear')!;
  let selected: Place | null = null;
  let options: Place[] = [];
  let active = 0;

  const render = () => {
    list.innerHTML = options
      .map((p, i) => {
        const extra = o.describe?.(p) || (p.kind === 'hub' ? 'hub' : p.population ? population(p.population) : '');
        const where = p.province ?? (p.country !== 'CN' ? p.country : '');
        return (
          `<li role="option" data-testid="place-option" data-id="${esc(p.id)}" aria-selected="${i === active}"${i === active ? ' class="active"' : ''}>` +
          `<span class="opt-name">${esc(p.name)} <span class="zh">${esc(p.nameZh ?? '')}</span></span>` +
          `<span class="opt-meta">${esc([where, extra].filter(Boolean).join(' · '))}</span></li>`
        );
      })
      .join('');
    const open = options.length > 0;
    list.hidden = !open;
    input.setAttribute('aria-expanded', String(open));
    container.classList.toggle('open', open);
  };
  const close = () => {
    options = [];
    render();
  };
  const syncClear = () => {
    clear.hidden = input.value === '';
  };
  const setInvalid = (invalid: boolean) => {
    if (invalid) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
  };
  const choose = (p: Place | null) => {
    setInvalid(false);
    selected = p;
    input.value = p ? placeLabel(p) : '';
    syncClear();
    close();
    o.onChange(p);
  };

  input.addEventListener('input', () => {
    options = matchPlaces(o.places(), input.value);
    active = 0;
    syncClear();
    render();
  });
  input.addEventListener('focus', () => input.select());
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (!options.length) return;
      e.preventDefault();
      active = (active + (e.key === 'ArrowDown' ? 1 : options.length - 1)) % options.length;
      render();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (options.length) choose(options[active]);
    } else if (e.key === 'Escape') {
      close();
      input.value = selected ? placeLabel(selected) : '';
      syncClear();
    }
  });
  input.addEventListener('blur', () => {
    if (input.value.trim() === '') {
      if (selected) choose(null);
      else close();
    } else {
      close();
      input.value = selected ? placeLabel(selected) : input.value;
    }
    syncClear();
  });
  // mousedown, not click: it fires before the input's blur closes the list.
  list.addEventListener('mousedown', (e) => {
    const li = (e.target as HTMLElement).closest('li');
    if (!li) return;
    e.preventDefault();
    const p = options.find((q) => q.id === li.dataset.id);
    if (p) choose(p);
  });
  clear.addEventListener('click', () => {
    choose(null);
    input.focus();
  });
  syncClear();

  return {
    get: () => selected,
    set(p) {
      setInvalid(false);
      selected = p;
      input.value = p ? placeLabel(p) : '';
      syncClear();
      close();
    },
    focus: () => input.focus(),
    showUnknown(text) {
      selected = null;
      input.value = text;
      syncClear();
      setInvalid(true);
    },
    setInvalid,
  };
}
