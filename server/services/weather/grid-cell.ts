// Points are grouped into 0.1° grid cells (about 11 km north–south, 7 km east–west at 52° N) before asking a weather
// provider. Open-Meteo's models resolve 1–11 km, so points in one cell get the same forecast anyway; one request per
// cell keeps the number of requests near the number of towns, not areas, and the provider (and our logs) only ever
// see the cell's centre-ish rounded coordinates, never where a store or area is exactly.

export interface GridCell {
  /** "lat,lng" with one decimal, e.g. "52.5,13.4". */
  key: string;
  lat: number;
  lng: number;
}

const round1 = (value: number) => Math.round(value * 10) / 10;

export function gridCellOf([lng, lat]: [number, number]): GridCell {
  const cell = { lat: round1(lat), lng: round1(lng) };
  // -0 would print as "0" anyway; normalise so equal cells share a key.
  const fmt = (v: number) => (Object.is(v, -0) ? 0 : v).toFixed(1);
  return { key: `${fmt(cell.lat)},${fmt(cell.lng)}`, lat: cell.lat, lng: cell.lng };
}
