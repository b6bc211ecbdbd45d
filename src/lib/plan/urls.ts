/**
 * Vite-resolved URLs of every geodata file (emitted as static assets, fetched at run time). Never
 * inlined as data: URLs (`no-inline`): small files would otherwise ride in the first-load JS as
 * base64, and fetching data: URLs would need `connect-src data:` in the Content-Security-Policy.
 */
const files = import.meta.glob(['/geodata/*.geojson', '/geodata/base/*.geojson'], { query: '?url&no-inline', import: 'default', eager: true }) as Record<string, string>;

export function geodataUrl(file: string): string | undefined {
  return files[`/geodata/${file}`];
}

export { default as planTextUrl } from '/geodata/plan.txt?url';
