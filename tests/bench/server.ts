/**
 * A tiny static server (node:http) for the bench: the built app (dist/) at /, the baseline page at
 * /baseline/, maplibre-gl's own dist files at /vendor/ and the raw geodata at /geodata/. One server,
 * one origin, no compression and no caching headers for either side, so the app and the baseline
 * are served the same way.
 */
import { createServer, type Server } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';

const ROOT = resolve(new URL('../..', import.meta.url).pathname);

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

const mounts = (dist: string): [prefix: string, dir: string][] => [
  ['/baseline/', join(ROOT, 'tests/bench/baseline')],
  ['/vendor/', join(ROOT, 'node_modules/maplibre-gl/dist')],
  ['/geodata/', join(ROOT, 'geodata')],
  ['/', resolve(ROOT, dist)],
];

function fileFor(pathname: string, dist: string): string | null {
  for (const [prefix, dir] of mounts(dist)) {
    if (!pathname.startsWith(prefix)) continue;
    let rel = decodeURIComponent(pathname.slice(prefix.length));
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    const file = normalize(join(dir, rel));
    if (!file.startsWith(dir + sep) && file !== dir) return null;
    if (existsSync(file) && statSync(file).isFile()) return file;
    // the app is a single page: unknown paths without an extension get its index.html
    if (prefix === '/' && !extname(rel)) return join(dir, 'index.html');
    return null;
  }
  return null;
}

/**
 * Start the server. `generated` maps extra paths (e.g. /bench/points.geojson) to bodies made by the
 * bench, served like files. `dist` is the built app's directory (relative to the project).
 */
export async function startServer(port = 0, generated: Map<string, { body: Buffer; type: string }> = new Map(), dist = 'dist'): Promise<{ url: string; server: Server; close: () => Promise<void> }> {
  const server = createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://x').pathname;
    const gen = generated.get(pathname);
    if (gen) {
      res.writeHead(200, { 'content-type': gen.type, 'content-length': gen.body.length, 'cache-control': 'no-cache' });
      return void res.end(req.method === 'HEAD' ? undefined : gen.body);
    }
    const file = fileFor(pathname, dist);
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'content-length': statSync(file).size, 'cache-control': 'no-cache' });
    if (req.method === 'HEAD') return void res.end();
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  const { port: p } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${p}/`, server, close: () => new Promise((r) => { server.closeAllConnections(); server.close(() => r()); }) };
}
