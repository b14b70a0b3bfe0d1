// Weekly chart maths, apart from the component so it is unit-tested: which weeks had the offer live, and bar heights.
import type { WeekPoint } from '../../api/contract';

export type WeekMetric = 'purchases' | 'customers' | 'revenue';

const DAY_MS = 86_400_000;
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;

/** Whether any live day falls in the week starting on `week` (Monday to Sunday). */
export function weekWasLive(
  week: string,
  periods: readonly { from: string; to: string }[],
): boolean {
  const start = day(week);
  return periods.some((p) => day(p.from) <= start + 6 && day(p.to) >= start);
}

/**
 * Bar heights in percent of the tallest week; hidden weeks (null) get no bar.
 * @example barHeights([{ purchases: 2 }, { purchases: 4 }], 'purchases') // [50, 100]
 */
export function barHeights(
  weeks: readonly Pick<WeekPoint, WeekMetric>[],
  metric: WeekMetric,
): (number | null)[] {
  const max = weeks.reduce((m, w) => Math.max(m, w[metric] ?? 0), 0);
  return weeks.map((w) => {
    const v = w[metric];
    if (v === null) return null;
    return max > 0 ? (v / max) * 100 : 0;
  });
}
