// A Segment compiled against the index's dictionaries into checks on column codes (same meaning as inSegment).
import { genders, loyaltyTiers } from '../../domain/schemas/customer.js';
import type { Segment } from '../../domain/schemas/segment.js';
import { dayOf, knownAge } from '../../domain/segment.js';
import { AGE_UNKNOWN } from '../../domain/customer-traits.js';
import type { Dictionaries, Dictionary } from '../customers/customer-index.js';
import { compileBehaviour, type CompiledBehaviour } from './behaviour-filter.js';
import type { RfmThresholds } from '../../domain/rfm.js';

/** Plain numbers and typed arrays: posted to worker threads as is. */
export interface CompiledFilter {
  /** By age code (0–255): 1 when the age passes; null when ages do not filter. */
  ageOk: Uint8Array | null;
  /** Bit k set: gender / tier code k passes. */
  genderMask: number;
  loyaltyMask: number;
  /** By code: 1 when it passes; null when the field does not filter. */
  jobOk: Uint8Array | null;
  industryOk: Uint8Array | null;
  storeOk: Uint8Array | null;
  /** Any-of mask over the interest words; null when interests do not filter. */
  interestMask: Uint32Array | null;
  minSpend: number;
  maxSpend: number;
  consentedOnly: boolean;
  /** lastDay must be ≤ this (lapsed; never-bought passes), or ≥ this (active); ±Infinity when unused. */
  lastDayMax: number;
  lastDayMin: number;
  /** Today's UTC day number, for the lapsed buckets. */
  atDay: number;
  /** The behaviour fields; null when the segment has none. */
  behaviour: CompiledBehaviour | null;
}

const used = <T>(list: readonly T[] | null | undefined): list is readonly T[] =>
  list != null && list.length > 0;

function mask<T>(all: readonly T[], chosen: readonly T[] | undefined): number {
  if (!used(chosen)) return 0xff;
  return chosen.reduce((m, value) => m | (1 << all.indexOf(value)), 0);
}

function codesOk(
  dictionary: Dictionary,
  chosen: readonly string[] | undefined,
  offset = 0,
): Uint8Array | null {
  if (!used(chosen)) return null;
  const ok = new Uint8Array(dictionary.values.length + offset);
  for (const value of chosen) {
    const code = dictionary.find(value);
    if (code !== undefined) ok[code + offset] = 1;
  }
  return ok;
}

/** `rfm` is asked only when the segment names RFM cells (the cuts are computed once per index change). */
export function compileSegment(
  segment: Segment,
  dictionaries: Dictionaries,
  words: number,
  at: Date,
  rfm: () => RfmThresholds,
): CompiledFilter {
  const s = segment;
  let ageOk: Uint8Array | null = null;
  if (s.ageMin != null || s.ageMax != null) {
    ageOk = new Uint8Array(256);
    for (let age = 0; age < 256; age++) {
      const known = age === AGE_UNKNOWN ? null : knownAge(age);
      ageOk[age] =
        known !== null &&
        (s.ageMin == null || known >= s.ageMin) &&
        (s.ageMax == null || known <= s.ageMax)
          ? 1
          : 0;
    }
  }
  let interestMask: Uint32Array | null = null;
  if (used(s.interests)) {
    interestMask = new Uint32Array(words);
    for (const name of s.interests) {
      const code = dictionaries.interests.find(name);
      if (code !== undefined && code < words * 32) interestMask[code >>> 5]! |= 1 << (code & 31);
    }
  }
  const atDay = dayOf(at);
  return {
    ageOk,
    genderMask: mask(genders, s.genders),
    loyaltyMask: mask(loyaltyTiers, s.loyaltyTiers),
    jobOk: codesOk(dictionaries.jobs, s.jobTitles),
    industryOk: codesOk(dictionaries.industries, s.industries),
    storeOk: codesOk(dictionaries.stores, s.storeIds, 1),
    interestMask,
    minSpend: s.minSpend ?? -Infinity,
    maxSpend: s.maxSpend ?? Infinity,
    consentedOnly: s.consentedOnly === true,
    lastDayMax: s.lapsedDays != null ? atDay - s.lapsedDays : Infinity,
    lastDayMin: s.activeWithinDays != null ? atDay - s.activeWithinDays : -Infinity,
    atDay,
    behaviour: compileBehaviour(segment, dictionaries.categories, atDay, rfm),
  };
}
