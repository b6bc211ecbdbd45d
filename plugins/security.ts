/**
 * Security headers from one source (src/lib/config/csp.ts), using the build's deployment settings
 * (VITE_FRAME_ANCESTORS …, parsed by src/lib/config/settings.ts):
 * - writes the Content-Security-Policy meta element into index.html (without frame-ancestors,
 *   which browsers ignore there);
 * - emits `_headers` (Netlify, Cloudflare Pages) next to index.html, with the full header set;
 * - makes `vite preview` / `npm start` (and `vite` in development) send the same headers.
 */
import { loadEnv, type Plugin } from 'vite';
import { parseSettings } from '../src/lib/config/settings.ts';
import { cspString, netlifyHeaders, securityHeaders } from '../src/lib/config/csp.ts';

const META = /<meta\s+http-equiv="Content-Security-Policy"[^>]*>/i;

export function securityPlugin(): Plugin {
  let settings = parseSettings({});
  return {
    name: 'yc:security-headers',
    config(config, { mode }) {
      const env = loadEnv(mode, config.envDir === false ? process.cwd() : (config.envDir ?? process.cwd()), config.envPrefix ?? 'VITE_');
      settings = parseSettings(env);
      // throws a clear message at once on a malformed VITE_FRAME_ANCESTORS
      const headers = securityHeaders(settings);
      return { preview: { headers }, server: { headers } };
    },
    transformIndexHtml: {
      order: 'pre',
      handler(html) {
        if (!META.test(html)) throw new Error('index.html has no <meta http-equiv="Content-Security-Policy"> element for plugins/security.ts to fill');
        return html.replace(META, `<meta http-equiv="Content-Security-Policy" content="${cspString(settings, 'meta')}" />`);
      },
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: '_headers', source: netlifyHeaders(settings) });
    },
  };
}
