import { describe, it, expect, vi } from 'vitest';
import { registerServiceWorker } from '../../../src/lib/pwa/register.ts';

const fakeNav = (register: (url: string, o: { scope: string }) => Promise<unknown>) => ({ serviceWorker: { register } }) as unknown as Navigator;

describe('registerServiceWorker', () => {
  it('registers sw.js under the base path in a build', async () => {
    const calls: unknown[][] = [];
    const reg = { scope: '/' };
    const out = await registerServiceWorker(fakeNav(async (...a) => (calls.push(a), reg)), true, '/');
    expect(out).toBe(reg);
    expect(calls).toEqual([['/sw.js', { scope: '/' }]]);
    await registerServiceWorker(fakeNav(async (...a) => (calls.push(a), reg)), true, '/map/');
    expect(calls[1]).toEqual(['/map/sw.js', { scope: '/map/' }]);
  });

  it('does nothing in development or without service-worker support', async () => {
    const register = vi.fn(async () => ({}));
    expect(await registerServiceWorker(fakeNav(register), false, '/')).toBeNull();
    expect(register).not.toHaveBeenCalled();
    expect(await registerServiceWorker({} as Navigator, true, '/')).toBeNull();
  });

  it('a refused registration is a warning, not an error the page sees', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(await registerServiceWorker(fakeNav(async () => Promise.reject(new Error('SecurityError'))), true, '/')).toBeNull();
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
  });
});
