// What-if edits of the Flows view as actions on the edit list (pure: no DOM), so that every button
// of the panel maps to one tested change.
import { copyEdits, NO_EDITS, toggle, type FlowsEdits } from './flows-logic.js';

/** One change of the edits. Capacities in tonnes/day. */
export type EditAction =
  | { type: 'clear' }
  | { type: 'remove'; kind: keyof FlowsEdits; id: string }
  | { type: 'capacity'; on: 'hub' | 'lane'; id: string; tonnesPerDay: number }
  | { type: 'closeHub'; id: string }
  | { type: 'keepHub'; id: string }
  | { type: 'closeLane'; id: string }
  | { type: 'keepLane'; id: string };

/**
 * Applies an action and returns new edits. Closing toggles (close ↔ reopen)
 * and drops a "kept open" of the same hub or lane; keeping open toggles too.
 * A negative or non-finite capacity changes nothing.
 */
export function applyEdit(e: FlowsEdits, a: EditAction): FlowsEdits {
  const n = copyEdits(e);
  switch (a.type) {
    case 'clear':
      return copyEdits(NO_EDITS);
    case 'remove': {
      const v = n[a.kind];
      if (Array.isArray(v)) (n[a.kind] as string[]) = v.filter((x) => x !== a.id);
      else delete (v as Record<string, number>)[a.id];
      return n;
    }
    case 'capacity':
      if (Number.isFinite(a.tonnesPerDay) && a.tonnesPerDay >= 0) (a.on === 'hub' ? n.hubCap : n.laneCap)[a.id] = a.tonnesPerDay;
      return n;
    case 'closeHub':
      n.closedHubs = toggle(n.closedHubs, a.id);
      n.openHubs = n.openHubs.filter((h) => !n.closedHubs.includes(h));
      return n;
    case 'keepHub':
      if (!n.closedHubs.includes(a.id)) n.openHubs = toggle(n.openHubs, a.id);
      return n;
    case 'closeLane':
      n.closedLanes = toggle(n.closedLanes, a.id);
      n.openLanes = n.openLanes.filter((l) => !n.closedLanes.includes(l));
      return n;
    case 'keepLane':
      if (!n.closedLanes.includes(a.id)) n.openLanes = toggle(n.openLanes, a.id);
      return n;
  }
}

/** The action of a panel button (by its data attributes), or null when it is not an edit. */
export function actionOfButton(d: DOMStringMap, selected: string | null, selectedIsHub: boolean, capacityInput: () => number): EditAction | null {
  if (d.testid === 'flows-clear-edits') return { type: 'clear' };
  if (d.remove && d.id) return { type: 'remove', kind: d.remove as keyof FlowsEdits, id: d.id };
  if (d.add) return { type: 'capacity', on: d.kind === 'hub' ? 'hub' : 'lane', id: d.add, tonnesPerDay: Number(d.cap) };
  if (!selected) return null;
  switch (d.testid) {
    case 'flows-cap-apply':
      return { type: 'capacity', on: selectedIsHub ? 'hub' : 'lane', id: selected, tonnesPerDay: capacityInput() };
    case 'flows-close-hub':
      return { type: 'closeHub', id: selected };
    case 'flows-keep-open':
      return { type: 'keepHub', id: selected };
    case 'flows-close-lane':
      return { type: 'closeLane', id: selected };
    case 'flows-keep-lane':
      return { type: 'keepLane', id: selected };
    default:
      return null;
  }
}
