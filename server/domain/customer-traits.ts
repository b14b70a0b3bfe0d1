// A customer's age, gender, loyalty tier and consent packed into one small integer: the customers table keeps it
// (migration 003's traits column) so the in-memory index reads one number instead of four text comparisons.
import { genders, loyaltyTiers, type Customer } from './schemas/customer.js';
import { knownAge } from './segment.js';

/** Age value for an unknown age (absent or outside 0–130). */
export const AGE_UNKNOWN = 255;

/**
 * age (255 unknown) | gender << 8 (index in `genders`) | loyalty << 10 (index in `loyaltyTiers`) | consent << 12.
 * @example packTraits({ age: 34, gender: 'male', loyaltyTier: 'gold', consent: true }) // 34 | 1 << 8 | 3 << 10 | 1 << 12
 */
export function packTraits(
  c: Pick<Customer, 'age' | 'gender' | 'loyaltyTier' | 'consent'>,
): number {
  const gender = genders.indexOf(c.gender);
  const loyalty = loyaltyTiers.indexOf(c.loyaltyTier);
  return (
    (knownAge(c.age) ?? AGE_UNKNOWN) |
    ((gender < 0 ? genders.indexOf('unknown') : gender) << 8) |
    (Math.max(0, loyalty) << 10) |
    ((c.consent ? 1 : 0) << 12)
  );
}

export function unpackTraits(traits: number): {
  age: number;
  gender: number;
  loyalty: number;
  consent: number;
} {
  return {
    age: traits & 0xff,
    gender: (traits >> 8) & 3,
    loyalty: (traits >> 10) & 3,
    consent: (traits >> 12) & 1,
  };
}
