import { describe, it, expect, vi } from 'vitest';
import type { RegisterSWOptions } from 'vite-plugin-pwa/types';
import { registerServiceWorker, type ApplySw, type SwHooks } from '../../../src/lib/pwa/register.ts';

const nav = { serviceWorker: {} } as unknown as Navigator;

function fakePlugin() {
  const calls: RegisterSWOptions[] = [];
  const applied: (boolean | undefined)[] = [];
  const apply: ApplySw = async (r) => void applied.push(r);
  return { calls, applied, load: async () => ({ registerSW: (o: RegisterSWOptions) => (calls.push(o), apply) }) };
}

describe('registerServiceWorker (vite-plugin-pwa register helper, prompt)', () => {
  it('registers through the plugin helper and turns "need refresh" into an offer whose accept sends skip-waiting', async () => {
    const p = fakePlugin();
    const offered: ApplySw[] = [];
    const hooks: SwHooks = { needRefresh: (a) => void offered.push(a), needReload: vi.fn() };
    const apply = await registerServiceWorker(nav, true, p.load, hooks);
    expect(apply).toBeTypeOf('function');
    expect(p.calls).toHaveLength(1);
    expect(offered).toEqual([]);
    p.calls[0].onNeedRefresh!();
    expect(offered).toHaveLength(1);
    await offered[0](true);
    expect(p.applied).toEqual([true]);
    p.calls[0].onNeedReload!();
    expect(hooks.needReload).toHaveBeenCalledOnce();
  });

  it('does nothing in development or without service-worker support', async () => {
    const p = fakePlugin();
    expect(await registerServiceWorker(nav, false, p.load)).toBeNull();
    expect(await registerServiceWorker({} as Navigator, true, p.load)).toBeNull();
    expect(p.calls).toEqual([]);
  });

  it('a refused registration is a warning, not an error the page sees', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const p = fakePlugin();
    await registerServiceWorker(nav, true, p.load);
    p.calls[0].onRegisterError!(new Error('SecurityError'));
    expect(await registerServiceWorker(nav, true, async () => Promise.reject(new Error('chunk gone')))).toBeNull();
    expect(warn).toHaveBeenCalledTimes(2);
    warn.mockRestore();
  });
});
