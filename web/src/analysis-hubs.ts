// Things the Analysis view fetches or saves outside its own API: the hubs and hub-to-hub lanes a
// scenario may close (from /api/places and /api/network), and the CSV download of a report.
import { periodsCsv } from './analysis-logic.js';
import type { HubLane } from './analysis-panel.js';
import type { FlywheelResult } from './analysis-types.js';
import { fetchNetwork, fetchPlaces } from './api.js';

const MODE_ORDER = ['road', 'rail', 'air', 'sea'];

/** Hubs by name and the lanes between two hubs (by mode, then label), for the closed hubs and lanes inputs. */
export async function loadHubChoices(): Promise<{ hubs: { id: string; name: string }[]; lanes: HubLane[] }> {
  const places = await fetchPlaces();
  const hubs = places
    .filter((p) => p.kind === 'hub')
    .map((p) => ({ id: p.id, name: p.name }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const names = new Map(hubs.map((h) => [h.id, h.name.replace(/ (sort hub|eHub)$/i, '')]));
  const net = await fetchNetwork();
  const lanes: HubLane[] = [];
  for (const f of net.features) {
    const p = f.properties;
    if (p.kind !== 'lane' || !names.has(p.from) || !names.has(p.to)) continue;
    lanes.push({ id: p.id, mode: p.mode, label: `${names.get(p.from)} – ${names.get(p.to)} (${p.mode})` });
  }
  lanes.sort((a, b) => MODE_ORDER.indexOf(a.mode) - MODE_ORDER.indexOf(b.mode) || a.label.localeCompare(b.label));
  return { hubs, lanes };
}

/** Downloads the report's per-week table as `hubflow-flywheel-<weeks>w-seed<seed>.csv`. */
export function saveCsv(r: FlywheelResult): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([periodsCsv(r)], { type: 'text/csv' }));
  a.download = `hubflow-flywheel-${r.periods.length}w-seed${r.seed}.csv`;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}
