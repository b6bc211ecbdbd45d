/**
 * Draw an export layout onto a 2D canvas: the map image, then title, legend, scale bar, north
 * arrow and the source/date line. Needs a browser canvas; the geometry comes from layout.ts.
 */
import type { ExportLayout, Rect, TextBox } from './layout.ts';

export const EXPORT_FONT = '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif';

const font = (t: { size: number; bold?: boolean }) => `${t.bold ? '600 ' : ''}${t.size}px ${EXPORT_FONT}`;

/** A text measure for exportLayout that uses the real canvas font. */
export function canvasMeasure(ctx: CanvasRenderingContext2D) {
  return (text: string, size: number, bold = false) => {
    ctx.font = font({ size, bold });
    return ctx.measureText(text).width;
  };
}

function text(ctx: CanvasRenderingContext2D, t: TextBox, color = '#1d2733', halo?: string) {
  if (!t.text) return;
  if (t.lines && t.lines.length > 1) {
    t.lines.forEach((line, i) => text(ctx, { ...t, text: line, lines: undefined, y: t.y + i * (t.lineH ?? t.size * 1.3) }, color, halo));
    return;
  }
  ctx.font = font(t);
  ctx.textAlign = t.align ?? 'left';
  ctx.textBaseline = 'alphabetic';
  if (halo) {
    ctx.lineWidth = Math.max(2, t.size / 5);
    ctx.strokeStyle = halo;
    ctx.lineJoin = 'round';
    ctx.strokeText(t.text, t.x, t.y);
  }
  ctx.fillStyle = color;
  ctx.fillText(t.text, t.x, t.y);
}

function panel(ctx: CanvasRenderingContext2D, r: Rect, alpha = 0.92, radius = 0) {
  ctx.save();
  ctx.fillStyle = `rgba(255,255,255,${alpha})`;
  ctx.beginPath();
  if (radius > 0 && 'roundRect' in ctx) ctx.roundRect(r.x, r.y, r.w, r.h, radius);
  else ctx.rect(r.x, r.y, r.w, r.h);
  ctx.fill();
  ctx.restore();
}

export function drawExport(ctx: CanvasRenderingContext2D, L: ExportLayout, mapImage: CanvasImageSource | null) {
  const k = L.pixelRatio;
  ctx.save();
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, L.width, L.height);
  if (mapImage) ctx.drawImage(mapImage, L.map.x, L.map.y, L.map.w, L.map.h);

  // title band
  panel(ctx, L.titleBand, 1);
  ctx.fillStyle = '#e63946';
  ctx.fillRect(0, L.titleBand.h - Math.round(2 * k), L.titleBand.w, Math.round(2 * k));
  text(ctx, L.title, '#1d3557');
  text(ctx, L.subtitle, '#4a5563');

  // the map's frame
  ctx.strokeStyle = '#8a94a3';
  ctx.lineWidth = k;
  ctx.strokeRect(L.map.x + k / 2, L.map.y + k / 2, L.map.w - k, L.map.h - k);

  // legend band, below the map
  if (L.legend.items.length) {
    text(ctx, L.legend.title);
    for (const it of L.legend.items) {
      const s = it.swatch;
      ctx.fillStyle = it.color;
      if (it.symbol === 'circle' || it.symbol === 'glow') {
        const r = Math.min(s.w, s.h) / 2;
        if (it.symbol === 'glow') {
          ctx.save();
          ctx.shadowColor = it.color;
          ctx.shadowBlur = 4 * k;
          ctx.beginPath();
          ctx.arc(s.x + s.w / 2, s.y + s.h / 2, r, 0, Math.PI * 2);
          ctx.fill();
          ctx.restore();
        }
        ctx.beginPath();
        ctx.arc(s.x + s.w / 2, s.y + s.h / 2, r, 0, Math.PI * 2);
        ctx.fill();
      } else {
        ctx.fillRect(s.x, s.y, s.w, s.h);
        if (it.symbol === 'fill' || it.symbol === 'hatch' || it.symbol === 'land') {
          ctx.strokeStyle = 'rgba(0,0,0,0.35)';
          ctx.lineWidth = k;
          ctx.strokeRect(s.x + k / 2, s.y + k / 2, s.w - k, s.h - k);
        }
      }
      text(ctx, it.text, '#1d2733');
    }
  }

  // scale bar: two halves, black and white, with a frame and the distance above
  const sc = L.scale;
  if (sc.w > 0) {
    const pad = 6 * k;
    panel(ctx, { x: sc.x - pad, y: sc.label.y - sc.label.size - pad / 2, w: sc.w + 2 * pad, h: sc.y + sc.h - (sc.label.y - sc.label.size) + pad }, 0.85, 4 * k);
    const half = Math.round(sc.w / 2);
    ctx.fillStyle = '#1d2733';
    ctx.fillRect(sc.x, sc.y, half, sc.h);
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(sc.x + half, sc.y, sc.w - half, sc.h);
    ctx.strokeStyle = '#1d2733';
    ctx.lineWidth = k;
    ctx.strokeRect(sc.x, sc.y, sc.w, sc.h);
    text(ctx, sc.label, '#1d2733', '#ffffff');
  }

  // north arrow
  const n = L.north;
  ctx.save();
  ctx.beginPath();
  ctx.arc(n.cx, n.cy, n.r, 0, Math.PI * 2);
  ctx.fillStyle = 'rgba(255,255,255,0.9)';
  ctx.fill();
  ctx.strokeStyle = '#1d2733';
  ctx.lineWidth = k;
  ctx.stroke();
  ctx.translate(n.cx, n.cy);
  ctx.rotate((n.rotation * Math.PI) / 180);
  ctx.beginPath();
  ctx.moveTo(0, -n.r * 0.8);
  ctx.lineTo(n.r * 0.38, n.r * 0.55);
  ctx.lineTo(0, n.r * 0.3);
  ctx.lineTo(-n.r * 0.38, n.r * 0.55);
  ctx.closePath();
  ctx.fillStyle = '#e63946';
  ctx.fill();
  ctx.restore();
  text(ctx, n.label, '#1d2733', '#ffffff');

  // footer
  ctx.fillStyle = '#e3e7ec';
  ctx.fillRect(0, L.footerBand.y, L.width, Math.max(1, Math.round(k / 2)));
  text(ctx, L.sources, '#4a5563');
  text(ctx, L.date, '#4a5563');
  ctx.restore();
}
