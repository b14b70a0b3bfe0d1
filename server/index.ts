// Node entry point: validate the environment, start (one process, or a cluster primary and its workers), and shut
// down cleanly on SIGINT/SIGTERM.
import cluster from 'node:cluster';
import { parseConfig } from './env.js';
import { startServer } from './server.js';
import { runPrimary, WORKER_ID_ENV, type ListeningMessage } from './cluster.js';
import { createLogger } from './logger.js';
import { ConfigError } from './services/weather/index.js';

const parsed = parseConfig(process.env);
if (!parsed.ok) {
  process.stderr.write(
    `Catchment cannot start: the configuration is invalid.\n${parsed.errors.map((e) => `  - ${e}`).join('\n')}\nSee README.md › Configuration.\n`,
  );
  process.exit(1);
}

const config = parsed.config;
const workerId = cluster.isWorker ? Number(process.env[WORKER_ID_ENV]) : null;

try {
  if (config.workers > 1 && cluster.isPrimary) {
    const primary = await runPrimary({
      config,
      logger: createLogger(config.log),
      onReady: (url) =>
        process.stdout.write(`Catchment is running at ${url} (${config.workers} workers)\n`),
    });
    const shutdown = (signal: string) => {
      process.stdout.write(`${signal}: shutting down…\n`);
      void primary.stop().then(() => process.exit(0));
    };
    process.once('SIGINT', () => shutdown('SIGINT'));
    process.once('SIGTERM', () => shutdown('SIGTERM'));
  } else {
    // The handlers go on before the server answers: a signal that arrives between its first answer and the end of
    // its start-up still closes the database cleanly, once the start has finished.
    const starting = startServer(config, workerId ? { worker: { id: workerId } } : {});
    const shutdown = (signal: string) => {
      if (!workerId) process.stdout.write(`${signal}: shutting down…\n`);
      starting
        .then((started) => started.close())
        .then(
          () => process.exit(0),
          () => process.exit(1),
        );
    };
    process.once('SIGINT', () => shutdown('SIGINT'));
    process.once('SIGTERM', () => shutdown('SIGTERM'));
    const server = await starting;
    if (workerId) {
      process.send?.({ type: 'catchment:listening', url: server.url } satisfies ListeningMessage);
      // The primary holds the listening socket: without it this worker gets no connections, so it goes too.
      process.once('disconnect', () => shutdown('primary gone'));
    } else process.stdout.write(`Catchment is running at ${server.url}\n`);
  }
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
