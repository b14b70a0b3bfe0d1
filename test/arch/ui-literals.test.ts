// Every word a person sees or hears in the client comes from the i18n catalogs, so a translation can reach it.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { uiLiterals } from '../helpers/ui-literals';

const root = join(import.meta.dirname, '..', '..');
function tsxFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsxFiles(path);
    return name.endsWith('.tsx') ? [path] : [];
  });
}

describe('user-visible text outside the i18n layer', () => {
  it('finds JSX text and literal labels, and lets translated ones, symbols and other props pass', () => {
    const source = `
      export const A = () => (
        <div className="row" data-testid="x" aria-hidden="true">
          <button aria-label="Close panel" title={t('dialog.close')}>×</button>
          <input placeholder={'Search stores'} alt="" />
          Hello {name} · {count}
          {'Loading'}
          <span title={\`Store \${name}\`}>{t('app.name')}</span>
        </div>
      );`;
    expect(uiLiterals(source).map((l) => l.text)).toEqual([
      'aria-label="Close panel"',
      'placeholder="Search stores"',
      'Hello',
      'Loading',
      'title="Store  "',
    ]);
  });

  it(
    'no client component writes words a person reads without the catalogs',
    { timeout: 30_000 },
    () => {
      const found = tsxFiles(join(root, 'client')).flatMap((file) =>
        uiLiterals(readFileSync(file, 'utf8'), file).map(
          (l) => `${relative(root, file)}:${l.line} ${l.text}`,
        ),
      );
      expect(found).toEqual([]);
    },
  );
});
