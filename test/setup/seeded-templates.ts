// Global setup of the API and browser tests: one folder of seeded demo databases for this run (see
// test/helpers/seeded-template.ts), removed at the end.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEMPLATES_ENV } from '../helpers/seeded-template.js';

export default function setup() {
  const folder = process.env[TEMPLATES_ENV] ?? mkdtempSync(join(tmpdir(), 'catchment-templates-'));
  process.env[TEMPLATES_ENV] = folder;
  return () => rmSync(folder, { recursive: true, force: true });
}
