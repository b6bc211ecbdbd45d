/** Vite-resolved URLs of every geodata file (emitted as static assets, fetched at run time). */
const files = import.meta.glob(['/geodata/*.geojson', '/geodata/base/*.geojson'], { query: '?url', import: 'default', eager: true }) as Record<string, string>;

export function geodataUrl(file: string): string | undefined {
  return files[`/geodata/${file}`];
}

export { default as planTextUrl } from '/geodata/plan.txt?url';
