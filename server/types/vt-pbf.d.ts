// vt-pbf ships no types; this covers the one function we call.
declare module 'vt-pbf' {
  interface TileLike {
    features: { type: number; geometry: unknown; tags?: unknown; id?: unknown }[];
  }
  export function fromGeojsonVt(
    layers: Record<string, TileLike>,
    options?: { version?: number; extent?: number },
  ): Uint8Array;
}
