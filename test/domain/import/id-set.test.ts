// The compact set of ids an import has seen: every id added is found, a second add of one is refused, and ids not
// added are not found, across growth from a few to a few hundred thousand.
import { describe, expect, it } from 'vitest';
import { IdSet } from '../../../server/domain/import/id-set';

describe('IdSet', () => {
  it('finds what was added, refuses it twice, and nothing else', () => {
    const ids = new IdSet();
    // Counted, then checked once: 300,000 expect() calls cost seconds on a loaded machine.
    let refused = 0;
    for (let i = 0; i < 300_000; i++) if (!ids.add(`p${i}`)) refused++;
    expect(refused).toBe(0);
    expect(ids.size).toBe(300_000);
    let accepted = 0;
    for (let i = 0; i < 300_000; i += 997) if (ids.add(`p${i}`)) accepted++;
    expect(accepted).toBe(0);
    let missing = 0;
    for (let i = 0; i < 300_000; i += 991) if (!ids.has(`p${i}`)) missing++;
    expect(missing).toBe(0);
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
