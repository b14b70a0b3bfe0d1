// One contract: the client's types come from the server's schemas through the routes (AppType and hc), so renaming a
// field in a schema breaks the client's type check. The test compiles the client with the field renamed.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import type * as areaCalls from '../../client/api/areas';
import type * as calls from '../../client/api/client';

const SCHEMA = resolve('server/domain/schemas/campaign-results.ts');
const CONSUMER = resolve('client/features/campaigns/CampaignResults.tsx');
/** Reads the field through the typed call itself, so nothing but the routes types it. */
const FIXTURE = resolve('test/arch/contract-fixture.ts');
const FIXTURE_TEXT = `import { getCampaignResults } from '../../client/api/client';\nexport const conversionRate = async () => (await getCampaignResults('cp-1')).conversionRate;\n`;

/** Type errors in the fixture and in the client file that reads the field, with the schema's source as given. */
function typeErrors(schemaText: string): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(
    resolve('tsconfig.json'),
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
  )!;
  const host = ts.createCompilerHost(config.options);
  const sources: Record<string, string> = { [SCHEMA]: schemaText, [FIXTURE]: FIXTURE_TEXT };
  const getSourceFile = host.getSourceFile;
  host.getSourceFile = (name, language, ...rest) => {
    const text = sources[resolve(name)];
    return text === undefined
      ? getSourceFile(name, language, ...rest)
      : ts.createSourceFile(name, text, language);
  };
  const fileExists = host.fileExists;
  host.fileExists = (name) => resolve(name) in sources || fileExists(name);
  const program = ts.createProgram({
    rootNames: [FIXTURE, CONSUMER],
    options: config.options,
    host,
  });
  return [FIXTURE, CONSUMER].flatMap((file) =>
    program
      .getSemanticDiagnostics(program.getSourceFile(file))
      .map(
        (d) =>
          `${d.file?.fileName.replace(`${process.cwd()}/`, '')}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`,
      ),
  );
}

describe('one contract from the schemas to the client', () => {
  it(
    'renaming a response field in a schema breaks the client’s type check',
    { timeout: 120_000 },
    () => {
      // Unchanged, these files compile (npm run check). With `conversionRate` renamed, the client no longer does, and for
      // that alone.
      const schema = readFileSync(SCHEMA, 'utf8');
      expect(schema).toMatch(/^ {4}conversionRate: /m);
      const errors = typeErrors(schema.replace(/^ {4}conversionRate: /m, '    conversionShare: '));
      expect(errors.length).toBeGreaterThan(0);
      for (const error of errors)
        expect(error).toMatch(
          /^(test\/arch\/contract-fixture\.ts|client\/features\/campaigns\/CampaignResults\.tsx): Property 'conversionRate' does not exist/,
        );
      expect(new Set(errors.map((error) => error.split(':')[0]))).toEqual(
        new Set(['test/arch/contract-fixture.ts', 'client/features/campaigns/CampaignResults.tsx']),
      );
    },
  );
});

// Checked by tsc (npm run check): every call of the client answers a type from the routes, never any, unknown or never
// (which would let a renamed field through unnoticed).
type IsUntyped<T> = 0 extends 1 & T
  ? true
  : [T] extends [never]
    ? true
    : unknown extends T
      ? true
      : false;
type Untyped<M> = {
  [K in keyof M]: M[K] extends (...args: never[]) => Promise<infer A>
    ? IsUntyped<A> extends true
      ? K
      : never
    : never;
}[keyof M];
const everyCallTyped: [Untyped<typeof calls> | Untyped<typeof areaCalls>] extends [never]
  ? true
  : Untyped<typeof calls> | Untyped<typeof areaCalls> = true;
void everyCallTyped;
