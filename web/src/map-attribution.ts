// One entry in the map's attribution control that a layer can set, change or take away.
import type L from 'leaflet';

/** A setter for one attribution entry of `map`: an HTML text shows it (replacing the previous one), null removes it. */
export function attributionSlot(map: L.Map): (html: string | null) => void {
  let shown: string | null = null;
  return (html) => {
    if (html === shown) return;
    if (shown) map.attributionControl.removeAttribution(shown);
    if (html) map.attributionControl.addAttribution(html);
    shown = html;
  };
}
