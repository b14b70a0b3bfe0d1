// The numbers migration 003 keeps for each customer (codes from customer_terms and customer_interests, traits, day of
// the last purchase), for a bulk writer that sets them in its INSERT: the insert trigger then skips the row, which
// halves the cost of a load. The trigger stays the reference; a test checks that both give every customer the same.
import type { Db } from '../connection.js';
import { packTraits } from '../../domain/customer-traits.js';
import type { Customer } from '../../domain/schemas/customer.js';
import { purchaseDay } from '../../domain/segment.js';

export interface CustomerCodes {
  jobCode: number;
  industryCode: number;
  storeCode: number | null;
  /** Bit (code - 1) per interest; null when an interest's code is above 64 (the index then reads the text). */
  interestMask: bigint | null;
  /** packTraits() */
  traits: number;
  lastPurchaseDay: number | null;
}

const MASK_BITS = 64;

/** Returns a function giving a customer's codes, adding new terms as the trigger would. Use inside the writer's transaction. */
export function customerCoder(db: Db): (c: Customer) => CustomerCodes {
  const addTerm = db.prepare('INSERT OR IGNORE INTO customer_terms (kind, value) VALUES (?, ?)');
  const findTerm = db
    .prepare('SELECT code FROM customer_terms WHERE kind = ? AND value = ?')
    .pluck();
  const addInterest = db.prepare('INSERT OR IGNORE INTO customer_interests (name) VALUES (?)');
  const findInterest = db.prepare('SELECT code FROM customer_interests WHERE name = ?').pluck();
  const terms = new Map<string, number>();
  const interests = new Map<string, number>();

  const term = (kind: 'job' | 'industry' | 'store', value: string): number => {
    const key = `${kind}\u0000${value}`;
    let code = terms.get(key);
    if (code === undefined) {
      addTerm.run(kind, value);
      code = findTerm.get(kind, value) as number;
      terms.set(key, code);
    }
    return code;
  };
  const interest = (name: string): number => {
    let code = interests.get(name);
    if (code === undefined) {
      addInterest.run(name);
      code = findInterest.get(name) as number;
      interests.set(name, code);
    }
    return code;
  };

  return (c) => {
    let mask: bigint | null = 0n;
    for (const name of c.interests) {
      const code = interest(name);
      if (code > MASK_BITS) mask = null;
      else if (mask !== null) mask |= 1n << BigInt(code - 1);
    }
    return {
      jobCode: term('job', c.jobTitle),
      industryCode: term('industry', c.industry),
      storeCode: c.homeStoreId === null ? null : term('store', c.homeStoreId),
      // SQLite integers are signed: bit 63 makes the mask negative there, as the trigger's sum does.
      interestMask: mask === null ? null : BigInt.asIntN(64, mask),
      traits: packTraits(c),
      lastPurchaseDay: purchaseDay(c.lastPurchaseAt),
    };
  };
}
