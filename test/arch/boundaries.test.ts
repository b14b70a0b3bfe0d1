// Architecture rules from STYLE.md: the domain is pure, services know nothing of HTTP, and the client reaches the
// server only through the domain.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

/** Every module a source text names: `import … from`, `export … from`, side-effect `import './x'` and `import('./x')`. */
function specifiers(text: string): string[] {
  return [
    ...text.matchAll(
      /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm,
    ),
  ].map((m) => (m[1] ?? m[2] ?? m[3])!);
}

const imports = (file: string): string[] => specifiers(readFileSync(file, 'utf8'));

/** The layers below features/: they serve the features and must not reach up into them. */
const LOWER_CLIENT_LAYERS = [
  'client/ui',
  'client/store',
  'client/map',
  'client/api',
  'client/i18n',
];

describe('module boundaries', () => {
  it('reads every kind of import, side-effect imports included', () => {
    const text = [
      "import { a } from './a';",
      "import type { B } from '../b';",
      "export * from './c';",
      "import './d.css';",
      "  import 'node:e';",
      "const f = await import('./f');",
      '// a comment saying import from nowhere',
    ].join('\n');
    expect(specifiers(text)).toEqual(['./a', '../b', './c', './d.css', 'node:e', './f']);
  });

  // h3-js, ipaddr.js and robust-predicates are pure computation like Turf: hexagon maths, address parsing and exact
  // geometric signs, no I/O.
  it('server/domain imports only itself, zod, Turf, h3-js, ipaddr.js, robust-predicates and GeoJSON types', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles('server/domain')) {
      for (const spec of imports(file)) {
        if (spec.startsWith('.')) {
          const target = relative('server/domain', resolve(dirname(file), spec));
          if (target.startsWith('..')) offenders.push(`${file} → ${spec}`);
        } else if (!/^(zod|@turf\/[\w-]+|h3-js|ipaddr\.js|robust-predicates|geojson)$/.test(spec))
          offenders.push(`${file} → ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('server/services import nothing from server/http or server/routes: they report reasons, the edge answers HTTP', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles('server/services')) {
      for (const spec of imports(file)) {
        if (!spec.startsWith('.')) continue;
        const target = relative('server', resolve(dirname(file), spec));
        if (/^(http|routes)(\/|$)/.test(target)) offenders.push(`${file} → ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('client imports from the server only server/domain and the AppType type', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles('client')) {
      const text = readFileSync(file, 'utf8');
      for (const spec of imports(file)) {
        if (!spec.startsWith('.')) continue;
        const target = relative('.', resolve(dirname(file), spec));
        if (!target.startsWith('server')) continue;
        const typeOnlyApp =
          target.replace(/\.(js|ts)$/, '') === 'server/app' &&
          new RegExp(
            `import type [^;]*from ['"]${spec.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}['"]`,
          ).test(text);
        if (!target.startsWith('server/domain') && !typeOnlyApp)
          offenders.push(`${file} → ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('the lower client layers (ui, store, map, api, i18n) import nothing from client/features', () => {
    const offenders: string[] = [];
    for (const layer of LOWER_CLIENT_LAYERS) {
      for (const file of sourceFiles(layer)) {
        for (const spec of imports(file)) {
          if (!spec.startsWith('.')) continue;
          const target = relative('.', resolve(dirname(file), spec));
          if (target === 'client/features' || target.startsWith('client/features/'))
            offenders.push(`${file} → ${spec}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });
});
