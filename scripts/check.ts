// `npm run check`: the type check, the lint and the format check at once, one exit code for the three (the first
// failure's). Run one after another they left a core idle for most of a minute at the start of every CI run.
import { runConcurrently } from './concurrent-runs.js';

const bin = (name: string) => `node_modules/.bin/${name}`;

const runs = runConcurrently(
  [
    { label: 'tsc', command: bin('tsc'), args: ['--noEmit', '-p', 'tsconfig.json'] },
    { label: 'eslint', command: bin('eslint'), args: ['.'] },
    { label: 'prettier', command: bin('prettier'), args: ['--check', '.'] },
  ],
  {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  },
);
process.once('SIGINT', () => runs.stop('SIGINT'));
process.once('SIGTERM', () => runs.stop('SIGTERM'));
process.exitCode = await runs.exited;
