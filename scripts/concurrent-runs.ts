// Runs commands at once, each line of their output prefixed with the run's label, and reports one exit code: the
// first failure's, or 0 when every run passed. Used by run-tests.ts to overlap the browser tests with the others.
import { spawn, type ChildProcess } from 'node:child_process';
import type { Readable } from 'node:stream';

export interface Run {
  label: string;
  command: string;
  args: string[];
  env?: Record<string, string>;
}

export interface ConcurrentRuns {
  /** 0 once every run exited with 0; otherwise the first non-zero code (1 for a run a signal ended). */
  exited: Promise<number>;
  /** Passes a signal on to every run still going (Ctrl-C, or CI cancelling the job). */
  stop(signal: NodeJS.Signals): void;
}

/** Copies a stream line by line, so that two runs' lines interleave whole, never mid-line. */
function prefixLines(stream: Readable, prefix: string, write: (text: string) => void) {
  let pending = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    const lines = (pending + chunk).split('\n');
    pending = lines.pop()!;
    if (lines.length) write(lines.map((line) => `${prefix}${line}\n`).join(''));
  });
  stream.on('end', () => {
    if (pending) write(`${prefix}${pending}\n`);
  });
}

export function runConcurrently(
  runs: Run[],
  out: { stdout: (text: string) => void; stderr: (text: string) => void },
): ConcurrentRuns {
  const width = Math.max(...runs.map((run) => run.label.length));
  const children: ChildProcess[] = [];
  const codes = runs.map(
    (run) =>
      new Promise<number>((resolve) => {
        const child = spawn(run.command, run.args, {
          env: { ...process.env, ...run.env },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        children.push(child);
        const prefix = `[${run.label.padEnd(width)}] `;
        prefixLines(child.stdout!, prefix, out.stdout);
        prefixLines(child.stderr!, prefix, out.stderr);
        child.on('error', (error) => {
          out.stderr(`${prefix}could not start ${run.command}: ${error.message}\n`);
          resolve(1);
        });
        // 'close' rather than 'exit': the last lines are only read once the pipes are closed.
        child.on('close', (code) => resolve(code ?? 1));
      }),
  );
  return {
    exited: Promise.all(codes).then((all) => all.find((code) => code !== 0) ?? 0),
    stop: (signal) => {
      for (const child of children) if (child.exitCode === null) child.kill(signal);
    },
  };
}
