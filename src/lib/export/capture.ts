/**
 * Export the current map view as a PNG at 2× pixel ratio: render the map at that ratio,
 * compose title, legend, scale bar, north arrow and sources on a canvas, return the PNG.
 * Browser only; works offline (everything drawn from embedded data).
 */
import type { Map as MlMap } from 'maplibre-gl';
import { exportLayout, type ExportLayout, type LegendItem } from './layout.ts';
import { canvasMeasure, drawExport } from './draw.ts';
import { metersPerPixel } from './scale.ts';
import { drawnCanvas } from '../map/snapshot.ts';

export interface ExportTexts {
  title: string;
  subtitle: string;
  legendTitle: string;
  sources: string;
  date: string;
  northLabel: string;
}

/** Resolve on the map's next 'idle' (or after `ms`, whichever first). */
export function nextIdle(map: MlMap, ms = 8000): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(t);
      map.off('idle', done);
      resolve();
    };
    const t = setTimeout(done, ms);
    map.on('idle', done);
    map.triggerRepaint();
  });
}

export async function exportMapPng(
  map: MlMap,
  legend: LegendItem[],
  texts: ExportTexts,
  pixelRatio = 2,
): Promise<{ blob: Blob; layout: ExportLayout }> {
  const original = map.getPixelRatio();
  const changed = original !== pixelRatio;
  try {
    if (changed) map.setPixelRatio(pixelRatio);
    await nextIdle(map);
    const container = map.getContainer();
    const width = container.clientWidth;
    const height = container.clientHeight;
    const canvas = document.createElement('canvas');
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas');
    const c = map.getCenter();
    const layout = exportLayout({
      width,
      height,
      pixelRatio,
      legend,
      metersPerPixel: metersPerPixel(c.lat, map.getZoom()),
      bearing: map.getBearing(),
      measure: canvasMeasure(ctx),
      ...texts,
    });
    canvas.width = layout.width;
    canvas.height = layout.height;
    drawExport(ctx, layout, drawnCanvas(map));
    const blob = await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('toBlob failed'))), 'image/png'));
    return { blob, layout };
  } finally {
    if (changed) map.setPixelRatio(original);
  }
}

/** Save a blob through an <a download> (works offline; no server round trip). */
export function download(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
