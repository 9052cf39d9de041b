// Pure logic of the Operations view and its URL state (parameters prefixed 'o'). No DOM, no Leaflet.

/** The Operations view's state, as kept in the URL. */
export interface OpsUrlState {}

/** A fresh page's state. */
export const DEFAULT_OPS: Readonly<OpsUrlState> = {};

/** Reads the view's parameters; anything missing or invalid takes its default. */
export function parseOps(_q: URLSearchParams): OpsUrlState {
  return { ...DEFAULT_OPS };
}

/** Appends the view's parameters (defaults left out) to `parts`. */
export function formatOps(_s: OpsUrlState, _parts: string[]): void {}
