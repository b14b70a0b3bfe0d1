// The Node entry point: refuses a bad configuration, and shuts down cleanly on SIGTERM.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// As `npm start` runs it: one Node process with tsx's loader. tsx's own CLI would put a process in front that, on a
// SIGTERM, kills the server outright when its busy loop has not answered within 60 ms (exit 143, the WAL left behind).
function run(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    env: { ...process.env, CATCHMENT_LOG: 'error', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => ({ stdout, stderr }) };
}

describe('server entry point', () => {
  it('exits with code 1 and names the variable when the configuration is bad', async () => {
    const { exited, output } = run({ PORT: 'not-a-port' });
    expect(await exited).toBe(1);
    expect(output().stderr).toMatch(/PORT/);
    expect(output().stderr).toMatch(/configuration is invalid/);
  });

  it('exits with code 1 naming each field when the weather scenario file is bad, before creating a database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'catchment-entry-'));
    try {
      const file = join(dir, 'scenario.json');
      writeFileSync(
        file,
        JSON.stringify({
          cells: [
            {
              bbox: [13.5, 52.5, 13.4, 52.6],
              from: '2026-11-23T06:00:00Z',
              to: '2026-11-23T05:00:00Z',
              set: { precipitationMmH: 2 },
            },
          ],
        }),
      );
      const { exited, output } = run({
        PORT: '0',
        CATCHMENT_DB: join(dir, 'catchment.db'),
        CATCHMENT_WEATHER_SCENARIO: file,
      });
      expect(await exited).toBe(1);
      expect(output().stderr).toMatch(/configuration is invalid/);
      expect(output().stderr).toMatch(/CATCHMENT_WEATHER_SCENARIO/);
      expect(output().stderr).toMatch(/- cells\.0\.bbox: /);
      expect(output().stderr).toMatch(/- cells\.0\.to: must be after from/);
      expect(existsSync(join(dir, 'catchment.db'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('starts, serves health, and on SIGTERM closes the database with the WAL folded back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'catchment-entry-'));
    const dbFile = join(dir, 'catchment.db');
    const { child, exited, output } = run({
      PORT: '0',
      CATCHMENT_DB: dbFile,
      CATCHMENT_DEMO_CUSTOMERS: '200',
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no start line: ${JSON.stringify(output())}`)),
          30_000,
        );
        child.stdout.on('data', () => {
          const match = /running at (http:\/\/\S+)/.exec(output().stdout);
          if (match) {
            clearTimeout(timer);
            resolve(match[1]!);
          }
        });
      });
      const health = await fetch(`${url}/api/health`);
      expect(await health.json()).toMatchObject({ status: 'ok', customers: 200 });
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      const wal = `${dbFile}-wal`;
      expect(!existsSync(wal) || statSync(wal).size === 0).toBe(true);
    } finally {
      child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
