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
  /** the whole text (its lines joined) */
  text: string;
  bold?: boolean;
  align?: 'left' | 'right' | 'center';
  /** wrapped lines, drawn from `y` down by `lineH`; absent = one line */
  lines?: string[];
  lineH?: number;
}

export interface PlacedLegendItem extends LegendItem {
  /** the solid-colour area of the swatch */
  swatch: Rect;
  text: TextBox;
}

/**
 * The image is a stack of bands: title, the map (its own size × pixelRatio, scale bar and north
 * arrow on it), the legend, then the sources and date. Nothing but the scale bar and the north
 * arrow is drawn over the map, and no text is cut: every text wraps.
 */
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

/**
 * Wrap `text` into lines at most `max` wide: at spaces for Latin text, between any two characters
 * for CJK (and inside a word longer than a line). Never drops a character.
 */
export function wrapText(text: string, max: number, fontPx: number, measure: NonNullable<ExportInput['measure']>, bold = false): string[] {
  const lines: string[] = [];
  // tokens: runs of non-space Latin, single CJK characters, and the spaces between
  const tokens = text.match(/[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f]|[^\s\u2e80-\u9fff\uff00-\uffef\u3000-\u303f]+|\s+/g) ?? [];
  let line = '';
  const push = () => {
    if (line.trim()) lines.push(line.trimEnd());
    line = '';
  };
  for (const tok of tokens) {
    if (/^\s+$/.test(tok)) {
      if (line) line += ' ';
      continue;
    }
    if (measure(line + tok, fontPx, bold) <= max) {
      line += tok;
      continue;
    }
    if (line.trim()) push();
    if (measure(tok, fontPx, bold) <= max) {
      line = tok;
      continue;
    }
    // a word longer than a line: split by characters
    for (const ch of tok) {
      if (line && measure(line + ch, fontPx, bold) > max) push();
      line += ch;
    }
  }
  push();
  return lines.length ? lines : [''];
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
  const mapH = Math.round(input.height * k);
  const px = (v: number) => Math.round(v * k);
  const textW = W - px(2 * M.margin);
  const lh = (size: number) => Math.round(size * 1.3);
  const block = (x: number, top: number, size: number, text: string, maxW: number, bold = false): TextBox => {
    const lines = wrapText(text, maxW, size, measure, bold);
    return { x, y: top + Math.round(size * 0.95), size, text: lines.join(' '), bold, lines, lineH: lh(size) };
  };
  const height = (t: TextBox) => (t.lines?.length ?? 1) * (t.lineH ?? lh(t.size));

  // title band
  const title = block(px(M.margin), px(M.margin) - px(4), px(M.titleSize), input.title, textW, true);
  const subtitle = block(px(M.margin), title.y - title.size + height(title) + px(4), px(M.subtitleSize), input.subtitle, textW);
  const titleBand: Rect = { x: 0, y: 0, w: W, h: Math.max(px(M.titleBand), subtitle.y - subtitle.size + height(subtitle) + px(8)) };

  // the map
  const map: Rect = { x: 0, y: titleBand.h, w: W, h: mapH };

  // legend band: a grid of columns, each row as tall as its tallest (wrapped) label
  const colW = Math.min(px(M.colW + 60), Math.max(px(120), textW));
  const columns = Math.max(1, Math.floor((textW - 2 * px(M.legendPad)) / colW));
  const sw = px(M.swatch);
  const size = px(M.legendSize);
  const boxTop = map.y + map.h + px(M.margin / 2);
  const headH = px(M.legendPad + M.legendTitleSize + 6);
  const legendTitle: TextBox = { x: px(M.margin) + px(M.legendPad), y: boxTop + px(M.legendPad + M.legendTitleSize * 0.85), size: px(M.legendTitleSize), text: input.legendTitle, bold: true };
  const items: PlacedLegendItem[] = [];
  let y = boxTop + headH;
  for (let r = 0; r * columns < input.legend.length; r++) {
    const row = input.legend.slice(r * columns, r * columns + columns);
    const texts = row.map((it, c) => {
      const x0 = px(M.margin) + px(M.legendPad) + c * colW;
      const tx = x0 + sw + px(10);
      return { x0, t: block(tx, y + Math.round((px(M.rowH) - lh(size)) / 2), size, it.label, colW - (tx - x0) - px(6)) };
    });
    const rowH = Math.max(px(M.rowH), ...texts.map((t) => height(t.t) + px(4)));
    row.forEach((it, c) => {
      const { x0, t } = texts[c];
      const cy = y + Math.round(px(M.rowH) / 2);
      const line = it.symbol === 'line' || it.symbol === 'arrow';
      const swatch: Rect = line ? { x: x0, y: cy - px(3), w: sw + px(4), h: px(6) } : { x: x0 + px(1), y: cy - Math.round(sw / 2), w: sw, h: sw };
      items.push({ ...it, swatch, text: t });
    });
    y += rowH;
  }
  const box: Rect = { x: px(M.margin), y: boxTop, w: W - px(2 * M.margin), h: y - boxTop + px(M.legendPad) };
  if (!input.legend.length) box.h = headH + px(M.legendPad);

  // footer band: the date on the right, the sources wrapped on the left
  const fs = px(M.footerSize);
  const footerTop = box.y + box.h + px(M.margin / 2);
  const dateW = measure(input.date, fs);
  const sources = block(px(M.margin), footerTop + px(6), fs, input.sources, Math.max(px(100), W - px(3 * M.margin) - dateW));
  const date: TextBox = { x: W - px(M.margin), y: sources.y, size: fs, text: input.date, align: 'right' };
  const footerBand: Rect = { x: 0, y: footerTop, w: W, h: Math.max(px(M.footerBand), height(sources) + px(12)) };
  const H = footerBand.y + footerBand.h;

  // scale bar: bottom-right of the map
  const bottom = map.y + map.h - px(M.margin);
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

  // north arrow: top-right of the map
  const r = px(M.northR);
  const north = {
    cx: W - px(M.margin) - r,
    cy: map.y + px(M.margin) + r + px(12),
    r,
    rotation: northRotation(input.bearing),
    label: { x: W - px(M.margin) - r, y: map.y + px(M.margin) + px(10), size: px(11), text: input.northLabel, align: 'center' as const, bold: true },
  };

  return {
    width: W,
    height: H,
    pixelRatio: k,
    map,
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
