// Counts the server hides (null: a group smaller than the workspace's minimum group size) are shown as "< k".
import { formatNumber } from '../../i18n';
import type { Translate } from '../../i18n/types';

export function formatCount(
  locale: string,
  count: number | null,
  minGroupSize: number | undefined,
  t: Translate,
): string {
  if (count !== null) return formatNumber(locale, count);
  return t('audience.belowMin', { k: formatNumber(locale, minGroupSize ?? 0) });
}
