// Weekly series and retention cohorts over purchase columns, checked against hand counts.
import { describe, expect, it } from 'vitest';
import {
  cohorts,
  monthIndex,
  weekStart,
  weeklySeries,
} from '../../server/domain/campaigns/trends.js';
import type { PurchaseColumns } from '../../server/domain/campaigns/purchase-facts.js';

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
function columns(rows: [string, number, number][]): PurchaseColumns {
  return {
    day: Int32Array.from(rows.map((r) => day(r[0]))),
    customer: Int32Array.from(rows.map((r) => r[1])),
    amount: Float64Array.from(rows.map((r) => r[2])),
    store: new Int32Array(rows.length),
  };
}

describe('purchase trends', () => {
  it('finds the Monday of a week and the month of a day without a Date per row', () => {
    expect(weekStart(day('2026-11-01'))).toBe(day('2026-10-26')); // a Sunday
    expect(weekStart(day('2026-11-02'))).toBe(day('2026-11-02')); // a Monday
    expect(weekStart(day('1969-12-31'))).toBe(day('1969-12-29'));
    for (const iso of ['1970-01-01', '2000-02-29', '2024-12-31', '2026-03-01', '2100-03-01']) {
      const d = new Date(`${iso}T00:00:00Z`);
      expect(monthIndex(day(iso))).toBe((d.getUTCFullYear() - 1970) * 12 + d.getUTCMonth());
    }
  });

  it('counts purchases, distinct buyers and revenue per week, members only, empty weeks as zeros', () => {
    const c = columns([
      ['2026-11-02', 0, 10],
      ['2026-11-04', 0, 5],
      ['2026-11-08', 1, 7.5], // Sunday: the same week
      ['2026-11-09', 2, 100], // not a member
      ['2026-11-23', 1, 1],
    ]);
    const memberOf = Int32Array.from([0, 1, -1]);
    expect(weeklySeries(c, [[0, 5]], memberOf, day('2026-11-03'), day('2026-11-24'))).toEqual([
      { week: '2026-11-02', purchases: 3, customers: 2, revenue: 22.5 },
      { week: '2026-11-09', purchases: 0, customers: 0, revenue: 0 },
      { week: '2026-11-16', purchases: 0, customers: 0, revenue: 0 },
      { week: '2026-11-23', purchases: 1, customers: 1, revenue: 1 },
    ]);
  });

  it('groups members by the month of their first purchase and shares who bought in each month after', () => {
    const c = columns([
      ['2026-09-10', 0, 1], // cohort September: buys again in October (+1) and December (+3)
      ['2026-10-01', 0, 1],
      ['2026-12-24', 0, 1],
      ['2026-09-30', 1, 1], // cohort September: never again
      ['2026-11-15', 2, 1], // cohort November: buys in December (+1)
      ['2026-12-02', 2, 1],
    ]);
    const today = day('2027-01-15');
    const { rows, counts } = cohorts(c, [[0, 6]], Int32Array.from([0, 1, 2]), 3, today);
    // January 2027 is not over: September's +4 (January) and later are null, November's +2 (January) too.
    expect(rows).toEqual([
      { month: '2026-09', customers: 2, retained: [0.5, 0, 0.5, null, null, null] },
      { month: '2026-11', customers: 1, retained: [1, null, null, null, null, null] },
    ]);
    expect(counts).toEqual([
      [1, 0, 1, 0, 0, 0],
      [1, 0, 0, 0, 0, 0],
    ]);
  });
});
