// Every field error the server builds names its rule with a `code`, so the client can word it in the viewer's
// language instead of showing the server's English (client/api/field-messages.ts).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { uncodedFieldErrors } from '../helpers/uncoded-field-errors';

const root = join(import.meta.dirname, '..', '..');
function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

describe('field errors built by the server', () => {
  it('flags a field error without a code, and lets coded and spread ones pass', () => {
    const source = `
      throw new ServiceError('invalid', 'taken', [{ field: 'body.id', message: 'already taken' }]);
      throw new ServiceError('invalid', 'taken', [{ field: 'body.id', code: 'id_taken', message: 'already taken' }]);
      const moved = errors.map((e) => ({ ...e, field: \`mapping.\${e.field}\` , message: e.message }));
      const warning = { code: 'unmapped-column', column: 'PLZ', message: 'not imported' };`;
    expect(uncodedFieldErrors(source)).toEqual([
      { line: 2, text: "{ field: 'body.id', message: 'already taken' }" },
    ]);
  });

  it('every field error in server/ has a code', { timeout: 30_000 }, () => {
    const found = tsFiles(join(root, 'server')).flatMap((file) =>
      uncodedFieldErrors(readFileSync(file, 'utf8'), file).map(
        (e) => `${relative(root, file)}:${e.line} ${e.text}`,
      ),
    );
    expect(found).toEqual([]);
  });
});
