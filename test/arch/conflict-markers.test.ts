// A merge's conflict markers committed by mistake: README.md carried one for a stop before anyone noticed.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const TEXT = /\.(ts|tsx|js|mjs|cjs|json|md|css|html|sql|yml|yaml|lua)$/;

describe('the repository', () => {
  it('holds no merge conflict markers in a tracked text file', () => {
    const files = execFileSync('git', ['ls-files'], { encoding: 'utf8' })
      .split('\n')
      .filter((file) => TEXT.test(file));
    expect(files.length).toBeGreaterThan(100);
    const marked = files.filter((file) => {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        return false; // deleted in the working tree
      }
      return /^(<{7}|>{7}) /m.test(text) || /^<{7}\n[\s\S]*^={7}$/m.test(text);
    });
    expect(marked).toEqual([]);
  });
});
