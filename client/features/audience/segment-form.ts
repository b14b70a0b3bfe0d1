// The segment builder's fields ↔ a Segment. Number fields are kept as typed text (so "4" on the way to "40" is
// not lost); the result is checked with the shared zod schema, and its issues become per-field error codes.
import type { z } from 'zod';
import { segment as segmentSchema, type Segment } from '../../../server/domain/schemas/segment';
import type { Gender, LoyaltyTier } from '../../../server/domain/schemas/customer';
import type { PriceSensitivity, RfmCell } from '../../../server/domain/schemas/segment';

export interface SegmentForm {
  ageMin: string;
  ageMax: string;
  genders: Gender[];
  loyaltyTiers: LoyaltyTier[];
  lapsedDays: string;
  activeWithinDays: string;
  minSpend: string;
  maxSpend: string;
  jobTitles: string[];
  industries: string[];
  interests: string[];
  storeIds: string[];
  consentedOnly: boolean;
  rfmCells: RfmCell[];
  minAvgBasket: string;
  maxAvgBasket: string;
  priceSensitivities: PriceSensitivity[];
  productCategories: string[];
  categoriesWithinDays: string;
  firstPurchaseWithinDays: string;
}

export type NumberField =
  | 'ageMin'
  | 'ageMax'
  | 'lapsedDays'
  | 'activeWithinDays'
  | 'minSpend'
  | 'maxSpend'
  | 'minAvgBasket'
  | 'maxAvgBasket'
  | 'categoriesWithinDays'
  | 'firstPurchaseWithinDays';
export type ListField =
  | 'genders'
  | 'loyaltyTiers'
  | 'jobTitles'
  | 'industries'
  | 'interests'
  | 'storeIds'
  | 'rfmCells'
  | 'priceSensitivities'
  | 'productCategories';
const numberFields: NumberField[] = [
  'ageMin',
  'ageMax',
  'lapsedDays',
  'activeWithinDays',
  'minSpend',
  'maxSpend',
  'minAvgBasket',
  'maxAvgBasket',
  'categoriesWithinDays',
  'firstPurchaseWithinDays',
];
const listFields: ListField[] = [
  'genders',
  'loyaltyTiers',
  'jobTitles',
  'industries',
  'interests',
  'storeIds',
  'rfmCells',
  'priceSensitivities',
  'productCategories',
];

/** Why a field is refused; the component words it (segment.error.*). */
export type FieldProblem =
  { code: 'number' | 'integer' | 'order' } | { code: 'min' | 'max'; limit: number };
export type FormErrors = Partial<Record<keyof SegmentForm, FieldProblem>>;

export type FormResult = { ok: true; segment: Segment } | { ok: false; errors: FormErrors };

export const emptyForm: SegmentForm = {
  ageMin: '',
  ageMax: '',
  genders: [],
  loyaltyTiers: [],
  lapsedDays: '',
  activeWithinDays: '',
  minSpend: '',
  maxSpend: '',
  jobTitles: [],
  industries: [],
  interests: [],
  storeIds: [],
  consentedOnly: false,
  rfmCells: [],
  minAvgBasket: '',
  maxAvgBasket: '',
  priceSensitivities: [],
  productCategories: [],
  categoriesWithinDays: '',
  firstPurchaseWithinDays: '',
};

/** The fields showing a segment (from the store or the URL). */
export function segmentToForm(segment: Segment): SegmentForm {
  const form: SegmentForm = { ...emptyForm };
  for (const field of numberFields) {
    const value = segment[field];
    form[field] = value == null ? '' : String(value);
  }
  for (const field of listFields) (form[field] as string[]) = [...(segment[field] ?? [])];
  form.consentedOnly = segment.consentedOnly === true;
  return form;
}

/** Typed text → number: blank is "no filter"; a decimal comma is accepted; anything else is refused. */
function parseNumberText(text: string): number | null | undefined {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return null;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(trimmed)) return undefined;
  return Number(trimmed);
}

/**
 * The segment the fields describe, with only the fields that filter something; or why it is not one.
 * @example formToSegment({ ...emptyForm, ageMin: '25', loyaltyTiers: ['gold'] }) // { ok: true, segment: { ageMin: 25, loyaltyTiers: ['gold'] } }
 * @example formToSegment({ ...emptyForm, ageMin: '50', ageMax: '40' }) // { ok: false, errors: { ageMax: { code: 'order' } } }
 */
export function formToSegment(form: SegmentForm): FormResult {
  const errors: FormErrors = {};
  const draft: Record<string, unknown> = {};
  for (const field of numberFields) {
    const value = parseNumberText(form[field]);
    if (value === undefined) errors[field] = { code: 'number' };
    else if (value !== null) draft[field] = value;
  }
  for (const field of listFields) {
    if (form[field].length > 0) draft[field] = [...new Set(form[field])];
  }
  if (form.consentedOnly) draft.consentedOnly = true;

  // Fields that fail on their own hide cross-field checks (min ≤ max) from zod, so check again without them.
  for (let round = 0; round < 3; round++) {
    const parsed = segmentSchema.safeParse(withoutErrors(draft, errors));
    if (parsed.success) {
      if (Object.keys(errors).length > 0) return { ok: false, errors };
      return { ok: true, segment: parsed.data };
    }
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as keyof SegmentForm | undefined;
      if (field && !errors[field]) errors[field] = problemOf(issue);
    }
  }
  return { ok: false, errors };
}

function withoutErrors(
  draft: Record<string, unknown>,
  errors: FormErrors,
): Record<string, unknown> {
  return Object.fromEntries(Object.entries(draft).filter(([key]) => !(key in errors)));
}

function problemOf(issue: z.core.$ZodIssue): FieldProblem {
  switch (issue.code) {
    case 'too_small':
      return { code: 'min', limit: Number(issue.minimum) };
    case 'too_big':
      return { code: 'max', limit: Number(issue.maximum) };
    case 'invalid_type':
      return { code: 'integer' };
    case 'custom':
      return { code: 'order' };
    default:
      return { code: 'number' };
  }
}

/** Adds or removes one value of a list field (toggle chips, checkboxes). */
export function toggleItem<T>(list: readonly T[], item: T): T[] {
  return list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
}
