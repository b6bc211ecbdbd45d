/**
 * A copy of the map as it is drawn now. The map's WebGL canvas keeps its pixels only until the
 * frame is shown (no `preserveDrawingBuffer`: MapLibre advises against it, as it can cost a buffer
 * copy on every frame, for every user). So the map is redrawn synchronously
 * (`map.redraw()`) and copied in the same task, while the drawing buffer is still intact.
 * Synchronous, so it also works in a 'beforeprint' handler.
 */
import type { Map as MlMap } from 'maplibre-gl';

export function drawnCanvas(map: MlMap, doc: Document = document): HTMLCanvasElement {
  map.redraw();
  const src = map.getCanvas();
  const copy = doc.createElement('canvas');
  copy.width = src.width;
  copy.height = src.height;
  const ctx = copy.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas');
  ctx.drawImage(src, 0, 0);
  return copy;
}
