// What a calendar import cut short, as lines for the Events panel: the import's limits (the recurrence horizon and the
// occurrences per recurring event), then each recurring event cut and why.
import type { EventImportResult } from '../../api/contract';
import { formatDate } from '../../i18n/format';
import type { Translate } from '../../i18n/types';
import { MAX_OCCURRENCES_PER_SERIES } from '../../../server/domain/calendar-limits';

/** Recurring events named under an import's summary; the rest are counted. */
const CUTS_SHOWN = 5;

/**
 * The limits first, then each recurring event cut short (the first CUTS_SHOWN, then how many more); none when
 * nothing was cut.
 *
 * @example importCutLines(result, t, 'en')[0] // "1 recurring event was not imported in full: occurrences are imported from …"
 */
export function importCutLines(
  { horizon, truncated }: Pick<EventImportResult, 'horizon' | 'truncated'>,
  t: Translate,
  locale: string,
): string[] {
  if (truncated.count === 0) return [];
  const limits = t('nav.events.import.cut', {
    count: truncated.count,
    from: formatDate(locale, horizon.from),
    to: formatDate(locale, horizon.to),
    max: MAX_OCCURRENCES_PER_SERIES,
  });
  const shown = truncated.series.slice(0, CUTS_SHOWN).map(({ name, reason, kept }) =>
    t(reason === 'horizon' ? 'nav.events.import.cutHorizon' : 'nav.events.import.cutSeriesCap', {
      name,
      kept,
    }),
  );
  const more = truncated.count - shown.length;
  return [limits, ...shown, ...(more > 0 ? [t('nav.events.import.cutMore', { count: more })] : [])];
}
