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

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => (m[1] ?? m[2])!);
}

describe('module boundaries', () => {
  // h3-js is pure computation like Turf: hexagon maths, no I/O.
  it('server/domain imports only itself, zod, Turf, h3-js and GeoJSON types', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles('server/domain')) {
      for (const spec of imports(file)) {
        if (spec.startsWith('.')) {
          const target = relative('server/domain', resolve(dirname(file), spec));
          if (target.startsWith('..')) offenders.push(`${file} → ${spec}`);
        } else if (!/^(zod|@turf\/[\w-]+|h3-js|geojson)$/.test(spec)) offenders.push(`${file} → ${spec}`);
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
        const typeOnlyApp = target.replace(/\.(js|ts)$/, '') === 'server/app' && new RegExp(`import type [^;]*from ['"]${spec.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}['"]`).test(text);
        if (!target.startsWith('server/domain') && !typeOnlyApp) offenders.push(`${file} → ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
