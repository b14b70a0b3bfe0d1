// Suggested area names stay apart from the names already in the list.
import { describe, expect, it } from 'vitest';
import { uniqueName } from '../../client/features/areas/unique-name';

describe('uniqueName', () => {
  it('keeps a name nobody has', () => {
    expect(uniqueName('174 m around Kiezkaffee', ['Mitte', 'Kreuzberg'])).toBe(
      '174 m around Kiezkaffee',
    );
  });

  it('numbers a taken name from 2, past the numbers taken too, ignoring case', () => {
    expect(uniqueName('White space 1', ['White space 1'])).toBe('White space 1 (2)');
    expect(uniqueName('Mitte', ['mitte ', 'Mitte (2)', 'MITTE (3)'])).toBe('Mitte (4)');
  });
});
