// The test run of `npm test`: the browser tests and the unit and API tests as two Vitest processes at once. Vitest
// runs a project whose files go one at a time (e2e: one shared Chromium) in a group of its own after the others,
// so in one process the second core idles through most of the browser tests; beside them, the API tests get it.
// Arguments go to both runs (e.g. a file filter). `npm run test:unit`, `test:api` and `test:e2e` run one project.
import { runConcurrently } from './concurrent-runs.js';

const vitest = 'node_modules/.bin/vitest';
// A file filter may match files of one run only; the other then has nothing to run, which is no failure.
const extra = process.argv.length > 2 ? ['--passWithNoTests', ...process.argv.slice(2)] : [];

const runs = runConcurrently(
  [
    { label: 'e2e', command: vitest, args: ['run', '--project', 'e2e', ...extra] },
    {
      label: 'unit+api',
      command: vitest,
      // One worker: Chromium's software rendering already keeps most of both cores busy.
      args: ['run', '--project', 'unit', '--project', 'api', '--maxWorkers', '1', ...extra],
    },
  ],
  {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  },
);
process.once('SIGINT', () => runs.stop('SIGINT'));
process.once('SIGTERM', () => runs.stop('SIGTERM'));
process.exitCode = await runs.exited;
