// The compact set of ids an import has seen: every id added is found, a second add of one is refused, and ids not
// added are not found, across growth from a few to a few hundred thousand.
import { describe, expect, it } from 'vitest';
import { IdSet } from '../../../server/domain/import/id-set';

describe('IdSet', () => {
  it('finds what was added, refuses it twice, and nothing else', () => {
    const ids = new IdSet();
    for (let i = 0; i < 300_000; i++) expect(ids.add(`p${i}`)).toBe(true);
    expect(ids.size).toBe(300_000);
    for (let i = 0; i < 300_000; i += 997) expect(ids.add(`p${i}`)).toBe(false);
    for (let i = 0; i < 300_000; i += 991) expect(ids.has(`p${i}`)).toBe(true);
    let strays = 0;
    for (let i = 300_000; i < 600_000; i++) if (ids.has(`p${i}`)) strays++;
    expect(strays).toBe(0);
    expect(ids.size).toBe(300_000);
  });

  it('tells apart ids that differ only in case, order or length', () => {
    const ids = new IdSet();
    for (const id of ['ab', 'ba', 'AB', 'a', 'ab ', '', 'Ä', 'ä']) expect(ids.add(id)).toBe(true);
    expect(ids.add('ab')).toBe(false);
  });
});
