// Take screenshots of the running app for review: node scripts/screenshot.mjs <url> <out.png> [width] [height] [locale]
import { chromium } from 'playwright-core';
const [url, out, w = '1280', h = '800', locale = 'zh-CN'] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--enable-unsafe-swiftshader'] });
const page = await browser.newPage({ viewport: { width: Number(w), height: Number(h) }, locale });
page.on('console', (m) => m.type() === 'error' && console.error('console:', m.text()));
page.on('pageerror', (e) => console.error('pageerror:', e.message));
await page.goto(url);
await page.waitForFunction(() => window.__map?.loaded?.() && window.__map.isStyleLoaded(), undefined, { timeout: 30000 }).catch((e) => console.error('no idle', e.message));
await page.waitForTimeout(Number(process.env.WAIT ?? 800));
if (process.env.CLICK) { await page.click(process.env.CLICK); await page.waitForTimeout(800); }
await page.screenshot({ path: out });
await browser.close();
console.log('wrote', out);
