// The mix benchmark's server: the real start-up (server/server.ts) from the environment, plus the middleware-free
// GET /api/__bare that each route's CPU per request is compared with. Stops cleanly on SIGTERM, so a --cpu-prof
// profile is written.
import { parseConfig } from '../server/env.js';
import { startServer } from '../server/server.js';

const parsed = parseConfig(process.env);
if (!parsed.ok) throw new Error(parsed.errors.join('; '));
const server = await startServer(parsed.config, { bareRoute: true });
process.once('SIGTERM', () => void server.close().then(() => process.exit(0)));
process.stdout.write(`Catchment is running at ${server.url}\n`);
