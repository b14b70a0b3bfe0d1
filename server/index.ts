// Node entry point: validate the environment, start, and shut down cleanly on SIGINT/SIGTERM.
import { parseConfig } from './env.js';
import { startServer } from './server.js';
import { ConfigError } from './services/weather/index.js';

const parsed = parseConfig(process.env);
if (!parsed.ok) {
  process.stderr.write(
    `Catchment cannot start: the configuration is invalid.\n${parsed.errors.map((e) => `  - ${e}`).join('\n')}\nSee README.md › Configuration.\n`,
  );
  process.exit(1);
}

try {
  const server = await startServer(parsed.config);
  process.stdout.write(`Catchment is running at ${server.url}\n`);
  const shutdown = (signal: string) => {
    process.stdout.write(`${signal}: shutting down…\n`);
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(
      `Catchment cannot start: the configuration is invalid.\n${error.message}\nSee README.md › Configuration.\n`,
    );
    process.exit(1);
  }
  process.stderr.write(
    `Catchment could not start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
}
