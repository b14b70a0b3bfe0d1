// An area's weather for the current hour in its details, with whether it is live, a forecast, stale (the provider
// is down and these are the last known values) or simulated from a scenario.
import { useEffect, useId, useState } from 'react';
import { getAreaWeather } from '../../api/client';
import { isAbort } from '../../api/problem';
import type { AreaWeatherList } from '../../api/contract';
import { dateTimeFormat, formatMeasure, useI18n } from '../../i18n';

type AreaWeatherRow = AreaWeatherList['areas'][number];
type Answer = { status: 'error' } | { status: 'ready'; row: AreaWeatherRow | null };
type State = { status: 'loading' } | Answer;

export function AreaWeather({ areaId, version }: { areaId: string; version: number }) {
  const { t, locale, units } = useI18n();
  const headingId = useId();
  // The answer is kept with the area and version it is for; any other one means the new answer is on its way.
  const key = `${areaId}@${version}`;
  const [answer, setAnswer] = useState<(Answer & { key: string }) | null>(null);
  const state: State = answer?.key === key ? answer : { status: 'loading' };

  useEffect(() => {
    const controller = new AbortController();
    getAreaWeather(areaId, { signal: controller.signal })
      .then((list) => setAnswer({ key, status: 'ready', row: list.areas[0] ?? null }))
      .catch((error: unknown) => {
        if (!isAbort(error)) setAnswer({ key, status: 'error' });
      });
    return () => controller.abort();
    // A new version may have moved the area's weather point.
  }, [areaId, key]);

  // Readings arrive in SI; shown in the workspace's units.
  const unit = (value: number, si: string, digits = 1) =>
    formatMeasure(locale, value, si, units, digits);
  const row = state.status === 'ready' ? state.row : null;
  const reading = row?.reading ?? null;
  const freshness = row?.freshness ?? 'unknown';
  return (
    <section
      className="area-weather"
      aria-labelledby={headingId}
      aria-busy={state.status === 'loading'}
      data-freshness={state.status === 'ready' ? freshness : undefined}
    >
      <header className="area-weather__header">
        <h3 className="area-weather__title" id={headingId}>
          {t('weather.title')}
        </h3>
        {state.status === 'ready' && (
          <span
            className={`badge area-weather__badge area-weather__badge--${freshness}`}
            title={t(`weather.freshnessHint.${freshness}`)}
            data-testid="weather-freshness"
          >
            {t(`weather.freshness.${freshness}`)}
          </span>
        )}
      </header>
      {state.status === 'loading' && <p className="muted">{t('weather.loading')}</p>}
      {state.status === 'error' && <p role="alert">{t('weather.error')}</p>}
      {state.status === 'ready' && !reading && <p className="muted">{t('weather.none')}</p>}
      {reading && (
        <dl className="area-weather__values">
          <div>
            <dt>{t('weather.temperature')}</dt>
            <dd>{unit(reading.temperatureC, '°C')}</dd>
          </div>
          <div>
            <dt>{t('weather.precipitation')}</dt>
            <dd>{unit(reading.precipitationMmH, 'mm/h')}</dd>
          </div>
          {reading.snowfallCmH > 0 && (
            <div>
              <dt>{t('weather.snowfall')}</dt>
              <dd>{unit(reading.snowfallCmH, 'cm/h', 2)}</dd>
            </div>
          )}
          <div>
            <dt>{t('weather.wind')}</dt>
            <dd>{unit(reading.windKmh, 'km/h', 0)}</dd>
          </div>
          <div>
            <dt>{t('weather.cloudCover')}</dt>
            <dd>{unit(reading.cloudCoverPct, '%', 0)}</dd>
          </div>
        </dl>
      )}
      {state.status === 'ready' && (freshness === 'stale' || freshness === 'unknown') && row && (
        <p className="muted area-weather__note">
          {t(`weather.freshnessHint.${freshness}`)}
          {row.fetchedAt && (
            <>
              {' '}
              {t('weather.fetchedAt', {
                time: dateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' }).format(
                  new Date(row.fetchedAt),
                ),
              })}
            </>
          )}
        </p>
      )}
    </section>
  );
}
