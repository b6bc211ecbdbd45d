declare module 'geojson-validation' {
  export function isFeatureCollection(obj: unknown, trace: true): string[];
  export function isFeatureCollection(obj: unknown, trace?: false): boolean;
  export function isFeature(obj: unknown, trace: true): string[];
  export function valid(obj: unknown, trace: true): string[];
  const gjv: { isFeatureCollection: typeof isFeatureCollection; isFeature: typeof isFeature; valid: typeof valid };
  export default gjv;
}
