// Starts a real Catchment server on an ephemeral port with a fresh SQLite file seeded with the demo city.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '../../server/env.js';
import { startServer, type RunningServer } from '../../server/server.js';
import type { Logger } from '../../server/logger.js';

export interface TestServer extends RunningServer {
  dbFile: string;
  /** Every line the server logged, for tests that check what reaches the log. */
  logLines: string[];
}

export async function startTestServer(options: { customers?: number; seed?: number; env?: Record<string, string>; clock?: () => Date; distDir?: string; audienceInlineMaxRows?: number } = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'catchment-test-'));
  const dbFile = join(dir, 'catchment.db');
  const parsed = parseConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    CATCHMENT_DB: dbFile,
    CATCHMENT_DEMO_CUSTOMERS: String(options.customers ?? 2000),
    CATCHMENT_DEMO_SEED: String(options.seed ?? 7),
    CATCHMENT_LOG: 'info',
    ...options.env,
  });
  if (!parsed.ok) throw new Error(`bad test config: ${parsed.errors.join('; ')}`);
  const logLines: string[] = [];
  const logger: Logger = {
    info: (message, fields) => logLines.push(JSON.stringify({ level: 'info', message, ...fields })),
    error: (message, fields) => logLines.push(JSON.stringify({ level: 'error', message, ...fields })),
  };
  const server = await startServer(parsed.config, {
    logger,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.distDir ? { distDir: options.distDir } : {}),
    ...(options.audienceInlineMaxRows !== undefined ? { audienceInlineMaxRows: options.audienceInlineMaxRows } : {}),
  });
  return {
    ...server,
    dbFile,
    logLines,
    close: async () => {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
