/**
 * Layout of an exported map image: where the map, title, legend, scale bar, north arrow and
 * the source/date line go. Pure: all numbers, no canvas. Every rectangle is in device pixels
 * (CSS px × pixelRatio) of the output image, which is exactly the map's size × pixelRatio.
 *
 * Legend swatches are solid areas of the registry colour; their centre pixel is that colour
 * (tests sample it).
 */
import type { LegendSymbol } from '../layers/registry.ts';
import { scaleBar, northRotation } from './scale.ts';

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface LegendItem {
  label: string;
  color: string;
  symbol: LegendSymbol;
  /** group id, for tests and the print legend */
  group: string;
}

export interface ExportInput {
  /** map size in CSS px */
  width: number;
  height: number;
  pixelRatio: number;
  title: string;
  subtitle: string;
  legendTitle: string;
  legend: LegendItem[];
  /** ground metres per CSS px at the map centre */
  metersPerPixel: number;
  bearing: number;
  /** one line; truncated to fit */
  sources: string;
  /** e.g. "制图日期 2026-11-28" */
  date: string;
  northLabel: string;
  /** text width in device px for a font size in device px; default: an estimate */
  measure?: (text: string, fontPx: number, bold?: boolean) => number;
}

export interface TextBox {
  x: number;
  y: number;
  size: number;
  text: string;
  bold?: boolean;
  align?: 'left' | 'right' | 'center';
}

export interface PlacedLegendItem extends LegendItem {
  /** the solid-colour area of the swatch */
  swatch: Rect;
  text: TextBox;
}

export interface ExportLayout {
  width: number;
  height: number;
  pixelRatio: number;
  map: Rect;
  titleBand: Rect;
  title: TextBox;
  subtitle: TextBox;
  legend: { box: Rect; title: TextBox; items: PlacedLegendItem[]; columns: number };
  scale: { x: number; y: number; w: number; h: number; label: TextBox; meters: number };
  north: { cx: number; cy: number; r: number; rotation: number; label: TextBox };
  footerBand: Rect;
  sources: TextBox;
  date: TextBox;
}

const CJK = /[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f]/;

/** Rough text width: CJK full width, Latin about half. Good enough for layout without a canvas. */
export function estimateWidth(text: string, fontPx: number, bold = false): number {
  let w = 0;
  for (const ch of text) w += CJK.test(ch) ? 1 : /[A-Z0-9]/.test(ch) ? 0.62 : 0.52;
  return w * fontPx * (bold ? 1.06 : 1);
}

/** Cut `text` with an ellipsis so it is at most `max` wide. */
export function fitText(text: string, max: number, fontPx: number, measure: NonNullable<ExportInput['measure']>, bold = false): string {
  if (measure(text, fontPx, bold) <= max) return text;
  const chars = [...text];
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(chars.slice(0, mid).join('') + '…', fontPx, bold) <= max) lo = mid;
    else hi = mid - 1;
  }
  return lo > 0 ? chars.slice(0, lo).join('') + '…' : '';
}

/** CSS-px constants of the layout (scaled by pixelRatio). */
export const EXPORT_METRICS = {
  margin: 12,
  titleBand: 48,
  titleSize: 18,
  subtitleSize: 11,
  footerBand: 26,
  footerSize: 10.5,
  legendTitleSize: 12,
  legendSize: 11.5,
  rowH: 19,
  swatch: 14,
  colW: 190,
  legendPad: 8,
  scaleMax: 120,
  scaleH: 6,
  northR: 16,
};

export function exportLayout(input: ExportInput): ExportLayout {
  const k = input.pixelRatio;
  const M = EXPORT_METRICS;
  const measure = input.measure ?? estimateWidth;
  const W = Math.round(input.width * k);
  const H = Math.round(input.height * k);
  const px = (v: number) => Math.round(v * k);

  const titleBand: Rect = { x: 0, y: 0, w: W, h: px(M.titleBand) };
  const footerBand: Rect = { x: 0, y: H - px(M.footerBand), w: W, h: px(M.footerBand) };
  const title: TextBox = {
    x: px(M.margin),
    y: px(M.margin + M.titleSize * 0.85),
    size: px(M.titleSize),
    text: fitText(input.title, W - px(2 * M.margin), px(M.titleSize), measure, true),
    bold: true,
  };
  const subtitle: TextBox = {
    x: px(M.margin),
    y: px(M.margin + M.titleSize + 4 + M.subtitleSize * 0.85),
    size: px(M.subtitleSize),
    text: fitText(input.subtitle, W - px(2 * M.margin), px(M.subtitleSize), measure),
  };

  // legend: bottom-left, above the footer; as many columns as it needs
  const n = input.legend.length;
  const top = titleBand.h + px(M.margin);
  const bottom = footerBand.y - px(M.margin);
  const headH = px(M.legendPad + M.legendTitleSize + 6);
  const rowH = px(M.rowH);
  const avail = Math.max(rowH, bottom - top - headH - px(M.legendPad));
  const perCol = Math.max(1, Math.floor(avail / rowH));
  const columns = n === 0 ? 1 : Math.ceil(n / perCol);
  const rows = n === 0 ? 0 : Math.ceil(n / columns);
  const colW = Math.min(px(M.colW), Math.floor((W - px(2 * M.margin) - px(2 * M.legendPad)) / columns));
  const box: Rect = {
    x: px(M.margin),
    y: 0,
    w: columns * colW + px(2 * M.legendPad),
    h: headH + rows * rowH + px(M.legendPad),
  };
  box.y = bottom - box.h;
  const legendTitle: TextBox = { x: box.x + px(M.legendPad), y: box.y + px(M.legendPad + M.legendTitleSize * 0.85), size: px(M.legendTitleSize), text: input.legendTitle, bold: true };
  const sw = px(M.swatch);
  const items: PlacedLegendItem[] = input.legend.map((it, i) => {
    const col = Math.floor(i / rows);
    const row = i % rows;
    const x0 = box.x + px(M.legendPad) + col * colW;
    const y0 = box.y + headH + row * rowH;
    const cy = y0 + Math.round(rowH / 2);
    const line = it.symbol === 'line' || it.symbol === 'arrow';
    const swatch: Rect = line
      ? { x: x0, y: cy - px(3), w: sw + px(4), h: px(6) }
      : { x: x0 + px(1), y: cy - Math.round(sw / 2), w: sw, h: sw };
    const tx = x0 + sw + px(10);
    const size = px(M.legendSize);
    return {
      ...it,
      swatch,
      text: { x: tx, y: cy + Math.round(size * 0.36), size, text: fitText(it.label, colW - (tx - x0) - px(4), size, measure) },
    };
  });

  // scale bar: bottom-right, above the footer
  const sb = scaleBar(input.metersPerPixel / k, px(M.scaleMax));
  const scaleW = Math.round(sb.px);
  const scale = {
    x: W - px(M.margin) - scaleW,
    y: bottom - px(M.scaleH) - px(2),
    w: scaleW,
    h: px(M.scaleH),
    meters: sb.meters,
    label: { x: W - px(M.margin) - Math.round(scaleW / 2), y: bottom - px(M.scaleH) - px(7), size: px(11), text: sb.label, align: 'center' as const, bold: true },
  };

  // north arrow: top-right, under the title band
  const r = px(M.northR);
  const north = {
    cx: W - px(M.margin) - r,
    cy: titleBand.h + px(M.margin) + r + px(12),
    r,
    rotation: northRotation(input.bearing),
    label: { x: W - px(M.margin) - r, y: titleBand.h + px(M.margin) + px(10), size: px(11), text: input.northLabel, align: 'center' as const, bold: true },
  };

  const fs = px(M.footerSize);
  const dateW = measure(input.date, fs);
  const date: TextBox = { x: W - px(M.margin), y: footerBand.y + Math.round(footerBand.h / 2 + fs * 0.36), size: fs, text: input.date, align: 'right' };
  const sources: TextBox = {
    x: px(M.margin),
    y: date.y,
    size: fs,
    text: fitText(input.sources, W - px(3 * M.margin) - dateW, fs, measure),
  };

  return {
    width: W,
    height: H,
    pixelRatio: k,
    map: { x: 0, y: 0, w: W, h: H },
    titleBand,
    title,
    subtitle,
    legend: { box, title: legendTitle, items, columns },
    scale,
    north,
    footerBand,
    sources,
    date,
  };
}
