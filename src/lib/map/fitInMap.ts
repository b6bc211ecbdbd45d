/**
 * Svelte action for a panel opened from a map control: it stays within the map's height (above the
 * attribution and, on phones, the drawer) and its control corner stacks above the other corners.
 */
import { mapRef } from './mapRef.svelte.ts';

export function fitInMap(node: HTMLElement) {
  const corner = node.closest<HTMLElement>('.maplibregl-ctrl-top-right');
  node.dataset.fitPanel = '';
  if (corner) corner.style.zIndex = '4';
  const apply = () => {
    const map = mapRef.map;
    if (!map) return;
    const bottom = map.getContainer().getBoundingClientRect().bottom;
    node.style.maxHeight = `${Math.max(120, bottom - node.getBoundingClientRect().top - 12)}px`;
  };
  apply();
  window.addEventListener('resize', apply);
  return {
    destroy: () => {
      window.removeEventListener('resize', apply);
      delete node.dataset.fitPanel;
      if (corner && !corner.querySelector('[data-fit-panel]')) corner.style.zIndex = '';
    },
  };
}
