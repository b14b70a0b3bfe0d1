// Reading cell text as typed values: enums in English and German, numbers with a decimal comma, yes/no, lists.

/** Raw spellings (lower case) of each canonical enum value, per field. */
const enumSpellings: Record<string, Record<string, readonly string[]>> = {
  gender: {
    female: ['f', 'w', 'female', 'weiblich', 'frau', 'woman', 'fem', 'wbl', 'mrs', 'ms', 'frl'],
    male: ['m', 'male', 'maennlich', 'männlich', 'mann', 'man', 'herr', 'mr', 'mnl'],
    diverse: ['d', 'x', 'diverse', 'divers', 'nonbinary', 'non-binary', 'nb', 'other', 'andere'],
    unknown: ['u', 'unknown', 'unbekannt', 'k.a.', 'ka', 'n/a', 'na', '-', '?'],
  },
  loyaltyTier: {
    none: ['none', 'keine', 'kein', 'ohne', '0', 'basic', 'standard', '-'],
    bronze: ['b', 'bronze', 'bronce', '1'],
    silver: ['s', 'silver', 'silber', '2'],
    gold: ['g', 'gold', '3', 'premium'],
  },
};

/**
 * The canonical value a raw enum cell means, or null when it is not recognised.
 * @example canonicalEnum('gender', 'weiblich') // 'female'
 */
export function canonicalEnum(field: string, raw: string): string | null {
  return canonicalBySpelling[field]?.get(raw.trim().toLowerCase()) ?? null;
}

/** Per field: each spelling (and each canonical value itself) → its canonical value; the first listed wins. */
const canonicalBySpelling: Record<string, Map<string, string>> = Object.fromEntries(
  Object.entries(enumSpellings).map(([field, spellings]) => {
    const map = new Map<string, string>();
    for (const canonical of Object.keys(spellings)) map.set(canonical, canonical);
    for (const [canonical, names] of Object.entries(spellings))
      for (const name of names) if (!map.has(name)) map.set(name, canonical);
    return [field, map];
  }),
);

const PLAIN_NUMBER = /^-?\d{1,15}(\.\d{1,15})?$/;

/**
 * A number from cell text: `12.5`, `12,5`, `1.234,50`, `1,234.50`, `€ 12` and `12 %` all read; anything else is null.
 * @example parseNumber('1.234,50') // 1234.5
 */
export function parseNumber(raw: string): number | null {
  // Most cells are plain decimals: read them without the clean-up below.
  if (PLAIN_NUMBER.test(raw)) return Number(raw);
  let text = raw
    .trim()
    .replace(/^[€$£]\s*|\s*(€|EUR|USD|\$|£|%)$/gi, '')
    .replace(/[\s\u00a0']/g, '');
  if (text === '') return null;
  const comma = text.lastIndexOf(',');
  const dot = text.lastIndexOf('.');
  if (comma >= 0 && dot >= 0) {
    // The later separator is the decimal one.
    text = comma > dot ? text.replace(/\./g, '').replace(',', '.') : text.replace(/,/g, '');
  } else if (comma >= 0) {
    text =
      /^-?\d{1,3}(,\d{3})+$/.test(text) && text.split(',').length > 2
        ? text.replace(/,/g, '')
        : text.replace(',', '.');
  }
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

const yes = ['1', 'true', 'yes', 'y', 'ja', 'j', 'x', 'wahr', 'opt-in', 'optin', 'on'];
const no = ['0', 'false', 'no', 'n', 'nein', 'falsch', 'opt-out', 'optout', 'off', ''];

/** true, false, or null when the text is neither. @example parseBoolean('Ja') // true */
export function parseBoolean(raw: string): boolean | null {
  const key = raw.trim().toLowerCase();
  if (yes.includes(key)) return true;
  if (no.includes(key)) return false;
  return null;
}

/** A list cell: a JSON array, or items separated by `;`, `|` or `,`. @example parseList('cycling; coffee') // ['cycling', 'coffee'] */
export function parseList(raw: string): string[] {
  const text = raw.trim();
  if (text === '') return [];
  if (text.startsWith('[')) {
    try {
      const value: unknown = JSON.parse(text);
      if (Array.isArray(value)) return value.map((v) => String(v).trim()).filter(Boolean);
    } catch {
      // not JSON: split it as text below
    }
  }
  const separator = [';', '|', ','].find((s) => text.includes(s));
  return (separator ? text.split(separator) : [text]).map((v) => v.trim()).filter(Boolean);
}

/** Digits with spacing and punctuation only, like a phone number (`+49 30 555 01234`) or a negative number. */
const NUMBER_LIKE = /^[+-]?[\d\s().,/-]*$/;
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Text a spreadsheet would run as a formula (starting with = + - @ tab or CR, and more than digits and punctuation),
 * prefixed with ' as spreadsheets themselves mark text; everything else as it is. `unguardFormula` undoes it.
 * @example guardFormula('=SUM(A1)') // "'=SUM(A1)"
 * @example guardFormula('+49 30 555 01234') // '+49 30 555 01234'
 */
export function guardFormula(text: string): string {
  return FORMULA_START.test(text) && !NUMBER_LIKE.test(text) ? `'${text}` : text;
}

/**
 * A cell as it was before `guardFormula`: the ' in front of formula-like text is taken off (our own exports, and
 * spreadsheets that mark text that way), so an exported file imports back into the same values.
 * @example unguardFormula("'=SUM(A1)") // '=SUM(A1)'
 * @example unguardFormula("'s-Hertogenbosch") // "'s-Hertogenbosch"
 */
export function unguardFormula(cell: string): string {
  if (!cell.startsWith("'")) return cell;
  const text = cell.slice(1);
  return guardFormula(text) !== text ? text : cell;
}
