import { describe, it, expect } from 'vitest';
import { entryScript, hostBuild, isChunkLoadError } from '../../../src/lib/deploy/update.ts';
import { flushBeforeReload, onBeforeReload } from '../../../src/lib/deploy/reload.ts';

const html = (entry: string) => `<!doctype html><html><head><meta charset="UTF-8" /><script type="module" crossorigin src="${entry}"></script></head><body></body></html>`;
const respond = (body: string, status = 200) => (async () => new Response(body, { status })) as unknown as typeof fetch;

describe('a new build while the app is open', () => {
  it('recognises failed chunk loads in each browser, and nothing else', () => {
    for (const m of [
      'Failed to fetch dynamically imported module: http://127.0.0.1/assets/FilterPanel-Fzf4e_K0.js',
      'error loading dynamically imported module: http://x/assets/a.js',
      'Importing a module script failed.',
      'Unable to preload CSS for /assets/NearbyPanel-D5DN5LoO.css',
    ])
      expect(isChunkLoadError(new TypeError(m)), m).toBe(true);
    for (const m of [new Error('Cannot read properties of undefined'), 'Failed to fetch', null, undefined, { message: 'Failed to fetch dynamically imported module' }])
      expect(isChunkLoadError(m)).toBe(false);
  });

  it("reads the entry script of an index.html (either attribute order)", () => {
    expect(entryScript(html('/assets/index-D-LEJSm_.js'))).toBe('/assets/index-D-LEJSm_.js');
    expect(entryScript('<script src="/assets/index-B.js" type="module"></script>')).toBe('/assets/index-B.js');
    expect(entryScript('<script src="/x.js"></script>')).toBeNull();
  });

  it('tells a new build from a connection problem', async () => {
    expect(await hostBuild('/assets/index-A.js', respond(html('/assets/index-B.js')), '/')).toBe('new');
    expect(await hostBuild('/assets/index-A.js', respond(html('/assets/index-A.js')), '/')).toBe('same');
    expect(await hostBuild('/assets/index-A.js', respond('<h1>502 Bad Gateway</h1>', 502), '/')).toBe('unreachable');
    expect(await hostBuild('/assets/index-A.js', respond('<html>captive portal</html>'), '/')).toBe('unreachable');
    const offline = (async () => Promise.reject(new TypeError('Failed to fetch'))) as unknown as typeof fetch;
    expect(await hostBuild('/assets/index-A.js', offline, '/')).toBe('unreachable');
    // asks past every cache, under the base path
    const seen: [string, RequestInit | undefined][] = [];
    await hostBuild('/m/assets/index-A.js', (async (u: string, o?: RequestInit) => (seen.push([u, o]), new Response(html('/m/assets/index-A.js')))) as unknown as typeof fetch, '/m/');
    expect(seen).toEqual([['/m/index.html', { cache: 'no-store' }]]);
  });
});

describe('flushes before a reload (the workspace registers one)', () => {
  it('runs every registered flush and reports success', async () => {
    const order: string[] = [];
    const offA = onBeforeReload(async () => void order.push('a'));
    const offB = onBeforeReload(() => void order.push('b'));
    expect(await flushBeforeReload()).toEqual({ ok: true, errors: [] });
    expect(order.sort()).toEqual(['a', 'b']);
    offA();
    offB();
    order.length = 0;
    await flushBeforeReload();
    expect(order).toEqual([]);
  });

  it('a flush that throws or hangs means "not saved": the caller must not reload', async () => {
    const off1 = onBeforeReload(async () => Promise.reject(new Error('QuotaExceededError')));
    const off2 = onBeforeReload(() => new Promise<void>(() => {}));
    const r = await flushBeforeReload(50);
    expect(r.ok).toBe(false);
    expect(r.errors).toEqual(['QuotaExceededError', 'not saved within 0 s']);
    off1();
    off2();
  });
});
