// Make the PWA icons (public/icons/*.png) with pngjs: the brand mark of the header
// (navy rounded square, red ring, white pin stem), antialiased by 4×4 supersampling.
// Run: node scripts/make-icons.mjs
import { PNG } from 'pngjs';
import { mkdirSync, writeFileSync } from 'node:fs';

const NAVY = [0x1d, 0x35, 0x57];
const RED = [0xe6, 0x39, 0x46];
const WHITE = [0xf1, 0xfa, 0xee];

/** colour at a point of the 64-unit design, or null (transparent) */
function shade(x, y, maskable) {
  // background: rounded square (r=12) or, for maskable icons, full bleed
  const inRect = maskable || (() => {
    const r = 12;
    const cx = Math.min(Math.max(x, r), 64 - r);
    const cy = Math.min(Math.max(y, r), 64 - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  })();
  if (!inRect) return null;
  // maskable icons keep the mark inside the 80% safe zone
  const s = maskable ? 0.72 : 1;
  const u = (x - 32) / s + 32;
  const v = (y - 32) / s + 32;
  const d = Math.hypot(u - 32, v - 30);
  if (d >= 11 && d <= 17) return RED;
  // stem: from (32,44) to (32,56), width 5, round caps
  const sy = Math.min(Math.max(v, 44), 56);
  if (Math.hypot(u - 32, v - sy) <= 2.5) return WHITE;
  return NAVY;
}

function icon(size, maskable = false) {
  const png = new PNG({ width: size, height: size });
  const n = 4;
  for (let py = 0; py < size; py++)
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let j = 0; j < n; j++)
        for (let i = 0; i < n; i++) {
          const c = shade(((px + (i + 0.5) / n) / size) * 64, ((py + (j + 0.5) / n) / size) * 64, maskable);
          if (c) { r += c[0]; g += c[1]; b += c[2]; a++; }
        }
      const k = (py * size + px) * 4;
      png.data[k] = a ? Math.round(r / a) : 0;
      png.data[k + 1] = a ? Math.round(g / a) : 0;
      png.data[k + 2] = a ? Math.round(b / a) : 0;
      png.data[k + 3] = Math.round((a / (n * n)) * 255);
    }
  return PNG.sync.write(png);
}

const dir = new URL('../public/icons/', import.meta.url);
mkdirSync(dir, { recursive: true });
for (const [name, size, maskable] of [
  ['icon-192.png', 192, false],
  ['icon-512.png', 512, false],
  ['maskable-512.png', 512, true],
  ['apple-touch-icon.png', 180, true],
]) {
  writeFileSync(new URL(name, dir), icon(size, maskable));
  console.log('wrote public/icons/' + name);
}
