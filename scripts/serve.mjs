// `npm start`: serve the built app (dist/) on all interfaces and print the local and LAN addresses.
import { preview } from 'vite';
import { networkInterfaces } from 'node:os';

const port = Number(process.env.PORT ?? 4173);
const server = await preview({ preview: { host: true, port, strictPort: false, open: false } });
const actual = server.httpServer.address().port;
console.log('\n越城区“十四五”规划地图 · Yuecheng plan map');
console.log(`  Local:   http://localhost:${actual}/`);
for (const list of Object.values(networkInterfaces()))
  for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) console.log(`  Network: http://${a.address}:${actual}/  (phones on the same network; geolocation needs HTTPS there)`);
console.log('  The default base map is embedded: no internet needed. Ctrl+C stops.\n');
