// The segment in the URL (`?seg=`), compact and readable: `age:25-40;tier:gold,silver;lapsed:60;int:cycling`;
// behaviour as `rfm:champions,loyal;basket:5-20;price:high;cat:coffee,pastry;catdays:30;new:60`.
// Fields are `;`-separated `key:value` pairs; lists are `,`-separated; ranges are `min-max` with either end open.
// List items escape `% , ; :` as %XX, so any label round-trips. A value that does not parse, or that the shared
// segment schema rejects, is dropped rather than failing the whole link.
import {
  priceSensitivities,
  rfmCells,
  segment as segmentSchema,
  type Segment,
} from '../../server/domain/schemas/segment';
import { genders, loyaltyTiers } from '../../server/domain/schemas/customer';

type ListField =
  | 'genders'
  | 'loyaltyTiers'
  | 'jobTitles'
  | 'industries'
  | 'interests'
  | 'storeIds'
  | 'rfmCells'
  | 'priceSensitivities'
  | 'productCategories';
type NumberField =
  'lapsedDays' | 'activeWithinDays' | 'categoriesWithinDays' | 'firstPurchaseWithinDays';
type RangeField =
  | readonly ['ageMin', 'ageMax']
  | readonly ['minSpend', 'maxSpend']
  | readonly ['minAvgBasket', 'maxAvgBasket'];

/** URL key for each list field, in the order they are written. */
const lists: [string, ListField][] = [
  ['g', 'genders'],
  ['tier', 'loyaltyTiers'],
  ['job', 'jobTitles'],
  ['ind', 'industries'],
  ['int', 'interests'],
  ['store', 'storeIds'],
  ['rfm', 'rfmCells'],
  ['price', 'priceSensitivities'],
  ['cat', 'productCategories'],
];
const numbers: [string, NumberField][] = [
  ['lapsed', 'lapsedDays'],
  ['active', 'activeWithinDays'],
  ['catdays', 'categoriesWithinDays'],
  ['new', 'firstPurchaseWithinDays'],
];
const ranges: [string, RangeField][] = [
  ['age', ['ageMin', 'ageMax']],
  ['spend', ['minSpend', 'maxSpend']],
  ['basket', ['minAvgBasket', 'maxAvgBasket']],
];
const enums: Partial<Record<ListField, readonly string[]>> = {
  genders,
  loyaltyTiers,
  rfmCells,
  priceSensitivities,
};

const escapeItem = (text: string) =>
  text.replace(/[%,;:]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
function unescapeItem(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

const numberText = (n: number) => String(n);
function parseNumber(text: string): number | null {
  if (text === '' || !/^\d+(\.\d+)?$/.test(text)) return null;
  return Number(text);
}

/**
 * Writes a segment compactly; null when it filters nothing.
 * @example serializeSegment({ ageMin: 25, ageMax: 40, loyaltyTiers: ['gold'] }) // 'age:25-40;tier:gold'
 */
export function serializeSegment(segment: Segment): string | null {
  const parts: string[] = [];
  for (const [key, [minField, maxField]] of ranges) {
    const min = segment[minField];
    const max = segment[maxField];
    if (min == null && max == null) continue;
    parts.push(
      `${key}:${min == null ? '' : numberText(min)}-${max == null ? '' : numberText(max)}`,
    );
  }
  for (const [key, field] of lists) {
    const items = segment[field];
    if (items && items.length > 0) parts.push(`${key}:${items.map(escapeItem).join(',')}`);
  }
  for (const [key, field] of numbers) {
    const value = segment[field];
    if (value != null) parts.push(`${key}:${numberText(value)}`);
  }
  if (segment.consentedOnly) parts.push('consent');
  return parts.length ? parts.join(';') : null;
}

/** Reads what `serializeSegment` wrote. Unknown keys and bad values are ignored; the result is always a valid segment. */
export function parseSegment(text: string | null): Segment {
  if (!text) return {};
  const draft: Record<string, unknown> = {};
  for (const part of text.split(';')) {
    const colon = part.indexOf(':');
    const key = colon < 0 ? part : part.slice(0, colon);
    const value = colon < 0 ? '' : part.slice(colon + 1);
    if (key === 'consent') draft.consentedOnly = true;
    const range = ranges.find(([k]) => k === key)?.[1];
    if (range) {
      const dash = value.indexOf('-');
      if (dash < 0) continue;
      const min = parseNumber(value.slice(0, dash));
      const max = parseNumber(value.slice(dash + 1));
      if (min !== null) draft[range[0]] = min;
      if (max !== null) draft[range[1]] = max;
    }
    const number = numbers.find(([k]) => k === key)?.[1];
    if (number) {
      const n = parseNumber(value);
      if (n !== null) draft[number] = n;
    }
    const list = lists.find(([k]) => k === key)?.[1];
    if (list) {
      const allowed = enums[list];
      const items = value
        .split(',')
        .map(unescapeItem)
        .filter(
          (item): item is string =>
            item !== null && item.trim() !== '' && (!allowed || allowed.includes(item)),
        );
      if (items.length) draft[list] = [...new Set(items)];
    }
  }
  return validSubset(draft);
}

/** The draft as a segment, leaving out each field the shared schema rejects (e.g. an age of 300, min above max). */
function validSubset(draft: Record<string, unknown>): Segment {
  for (let attempt = 0; attempt < 20; attempt++) {
    const result = segmentSchema.safeParse(draft);
    if (result.success) return result.data;
    for (const issue of result.error.issues) {
      const field = issue.path[0];
      if (typeof field === 'string') delete draft[field];
    }
  }
  return {};
}
