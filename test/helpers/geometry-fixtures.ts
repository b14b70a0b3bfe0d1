// Turf-style fixtures: test/fixtures/<fn>/in/*.geojson in, out/*.geojson expected; REGEN=1 rewrites the outputs.
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';

const root = join(import.meta.dirname, '..', 'fixtures');
const regen = process.env.REGEN === '1';

export interface Fixture<T = unknown> {
  name: string;
  input: T;
}

/** Every input fixture of a function, by file name without `.geojson`. */
export function fixtures<T = GeoJSON.FeatureCollection>(fn: string): Fixture<T>[] {
  const dir = join(root, fn, 'in');
  return readdirSync(dir)
    .filter((file) => file.endsWith('.geojson'))
    .sort()
    .map((file) => ({
      name: file.replace(/\.geojson$/, ''),
      input: JSON.parse(readFileSync(join(dir, file), 'utf8')) as T,
    }));
}

/** Rounds every number to 9 decimals (0.1 mm in degrees) so outputs compare across platforms' last-bit differences. */
function rounded(value: unknown): unknown {
  return JSON.parse(
    JSON.stringify(value, (_key, v: unknown) =>
      typeof v === 'number' ? Math.round(v * 1e9) / 1e9 : v,
    ),
  );
}

/** Compares with out/<name>.geojson, or writes it under REGEN=1. A missing output fails: run with REGEN=1 and review it. */
export function expectFixtureOutput(fn: string, name: string, actual: unknown): void {
  const dir = join(root, fn, 'out');
  const file = join(dir, `${name}.geojson`);
  const value = rounded(actual);
  if (regen) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, JSON.stringify(value, null, 1) + '\n');
    return;
  }
  if (!existsSync(file))
    throw new Error(`${file} is missing: run with REGEN=1 and review the output`);
  expect(value).toEqual(JSON.parse(readFileSync(file, 'utf8')));
}
