// The builder's areas and audience: a checklist of saved areas, the segment (the current one, or everyone), and the
// live count of customers per chosen area with that segment (POST /api/audience per area), summed.
import { useEffect, useState } from 'react';
import { postAudience } from '../../api/client';
import { isAbort } from '../../api/problem';
import type { Audience, EventFeature, Segment } from '../../api/contract';
import { isEmptySegment } from '../../../server/domain/schemas/segment';
import { formatNumber, useI18n } from '../../i18n';
import { useAppStore } from '../../store';
import { addEventArea } from './actions';
import { useSegmentText } from './useSegmentText';

type Counts =
  | { status: 'loading' }
  | { status: 'ready'; byArea: Record<string, Audience> }
  | { status: 'error' };

function useAreaAudiences(areaIds: string[], segment: Segment): Counts {
  const key = JSON.stringify([areaIds, segment]);
  const [state, setState] = useState<{ key: string; value: Counts }>({
    key: '',
    value: { status: 'loading' },
  });
  useEffect(() => {
    const controller = new AbortController();
    // Debounced: ticking several areas in a row asks once.
    const timer = setTimeout(() => {
      const body = (areaId: string) => (isEmptySegment(segment) ? { areaId } : { areaId, segment });
      Promise.all(
        areaIds.map((id) =>
          postAudience(body(id), { signal: controller.signal }).then((a) => [id, a] as const),
        ),
      )
        .then((pairs) =>
          setState({ key, value: { status: 'ready', byArea: Object.fromEntries(pairs) } }),
        )
        .catch((error: unknown) => {
          if (!isAbort(error)) setState({ key, value: { status: 'error' } });
        });
    }, 200);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` stands for areaIds and segment
  }, [key]);
  return state.key === key ? state.value : { status: 'loading' };
}

function AudienceCount({ areaIds, segment }: { areaIds: string[]; segment: Segment }) {
  const { t, locale } = useI18n();
  const state = useAreaAudiences(areaIds, segment);
  if (areaIds.length === 0) return null;
  if (state.status === 'loading')
    return <p className="builder-audience__count muted">{t('campaigns.form.audienceLoading')}</p>;
  if (state.status === 'error') return null;
  const all = Object.values(state.byArea);
  // Small groups are hidden from some roles (null): a sum with a hidden part would pretend to know it.
  if (all.some((a) => a.count === null || a.consented === null))
    return <p className="builder-audience__count muted">{t('campaigns.form.audienceHidden')}</p>;
  const count = all.reduce((sum, a) => sum + (a.count ?? 0), 0);
  const consented = all.reduce((sum, a) => sum + (a.consented ?? 0), 0);
  return (
    <p className="builder-audience__count" data-builder="audience" aria-live="polite">
      {t('campaigns.form.audience', { count, consented: formatNumber(locale, consented) })}
    </p>
  );
}

interface Props {
  areaIds: string[];
  segment: Segment;
  error?: string;
  event: EventFeature | null;
  onAreas: (areaIds: string[]) => void;
  onSegment: (segment: Segment) => void;
}

export function BuilderAudience({ areaIds, segment, error, event, onAreas, onSegment }: Props) {
  const { t } = useI18n();
  const areas = useAppStore((s) => s.areas.data?.features) ?? [];
  const current = useAppStore((s) => s.segment);
  const segmentText = useSegmentText(segment);
  const [adding, setAdding] = useState(false);
  const toggle = (id: string) =>
    onAreas(areaIds.includes(id) ? areaIds.filter((a) => a !== id) : [...areaIds, id]);
  return (
    <div className="builder-audience">
      <fieldset className="field" aria-describedby={error ? 'campaign-areas-error' : undefined}>
        <legend className="field__label">{t('campaigns.form.areas')}</legend>
        {areas.length === 0 ? (
          <p className="dialog__hint">{t('campaigns.form.noAreas')}</p>
        ) : (
          <div className="checklist builder-audience__areas">
            {areas.map((a) => (
              <label key={a.properties.id} className="checklist__item">
                <input
                  type="checkbox"
                  name="areaIds"
                  value={a.properties.id}
                  checked={areaIds.includes(a.properties.id)}
                  onChange={() => toggle(a.properties.id)}
                />
                <span
                  className="area-swatch"
                  style={{ background: a.properties.color ?? undefined }}
                  aria-hidden="true"
                />
                <span>{a.properties.name}</span>
              </label>
            ))}
          </div>
        )}
        {event?.geometry && areaIds.length === 0 && (
          <button
            type="button"
            className="button button--secondary button--small"
            data-action="event-area"
            disabled={adding}
            onClick={() => {
              setAdding(true);
              void addEventArea(useAppStore, event).finally(() => setAdding(false));
            }}
          >
            {t('campaigns.form.eventArea')}
          </button>
        )}
        {error && (
          <span className="field__error" id="campaign-areas-error" data-field-error>
            {error}
          </span>
        )}
      </fieldset>
      <div className="field">
        <span className="field__label">{t('campaigns.form.segment')}</span>
        <p className="builder-audience__segment">{segmentText ?? t('campaigns.form.segmentAll')}</p>
        <div className="builder-audience__segment-actions">
          {!isEmptySegment(current) && JSON.stringify(current) !== JSON.stringify(segment) && (
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => onSegment(current)}
            >
              {t('campaigns.form.useCurrentSegment')}
            </button>
          )}
          {!isEmptySegment(segment) && (
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => onSegment({})}
            >
              {t('campaigns.form.clearSegment')}
            </button>
          )}
        </div>
        <AudienceCount areaIds={areaIds} segment={segment} />
      </div>
    </div>
  );
}
