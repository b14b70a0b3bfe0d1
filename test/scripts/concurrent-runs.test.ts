// The runner behind `npm test`: two runs at once, each line labelled, one exit code, signals passed on.
import { describe, expect, it } from 'vitest';
import { runConcurrently, type Run } from '../../scripts/concurrent-runs.js';

const node = (label: string, code: string): Run => ({
  label,
  command: process.execPath,
  args: ['-e', code],
});

function collect() {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    out: { stdout: (t: string) => stdout.push(t), stderr: (t: string) => stderr.push(t) },
  };
}

describe('runs at once', () => {
  it('labels every line of each run, a last line without a newline too, and exits 0 when both pass', async () => {
    const { stdout, stderr, out } = collect();
    const runs = runConcurrently(
      [
        node('e2e', "process.stdout.write('one\\ntwo\\nno newline')"),
        node('unit+api', "console.error('warned'); console.log('three')"),
      ],
      out,
    );
    expect(await runs.exited).toBe(0);
    const lines = stdout.join('').split('\n').filter(Boolean);
    expect(lines.filter((line) => line.startsWith('[e2e     ] '))).toEqual([
      '[e2e     ] one',
      '[e2e     ] two',
      '[e2e     ] no newline',
    ]);
    expect(lines.filter((line) => line.startsWith('[unit+api] '))).toEqual(['[unit+api] three']);
    expect(stderr.join('')).toBe('[unit+api] warned\n');
  });

  it('waits for both and exits with the failing run’s code when either fails', async () => {
    const { stdout, out } = collect();
    const runs = runConcurrently(
      [
        node('fails', 'process.exit(3)'),
        node('slower', "setTimeout(() => console.log('finished anyway'), 300)"),
      ],
      out,
    );
    expect(await runs.exited).toBe(3);
    expect(stdout.join('')).toContain('finished anyway');
  });

  it('passes a signal on to the runs still going, and counts a run the signal ended as failed', async () => {
    const { out } = collect();
    const runs = runConcurrently(
      [node('quick', ''), node('endless', 'setInterval(() => {}, 1000)')],
      out,
    );
    // Give both time to start; the quick one has exited by then.
    await new Promise((resolve) => setTimeout(resolve, 500));
    runs.stop('SIGTERM');
    expect(await runs.exited).toBe(1);
  });

  it('reports a command that cannot start as a failure', async () => {
    const { stderr, out } = collect();
    const runs = runConcurrently(
      [{ label: 'missing', command: '/nonexistent/vitest', args: [] }],
      out,
    );
    expect(await runs.exited).toBe(1);
    expect(stderr.join('')).toMatch(/\[missing\] could not start/);
  });
});
