// The Layers panel's choropleth: a switch, then what to colour by, which regions (neighbourhoods or hexagons of a
// chosen size), how to cut classes, and the legend.
import type { ChangeEvent, ReactNode } from 'react';
import { useI18n } from '../../i18n';
import { useAppStore } from '../../store';
import { defaultChoropleth, type ChoroplethChoice } from '../../store/slices/market';
import { CHOROPLETH_METRICS } from '../../../server/domain/choropleth';
import { CHOROPLETH_LEVELS, CLASS_METHODS } from '../../../server/domain/schemas/choropleth';
import { formatKm2 } from '../areas/format';
import { ChoroplethLegend } from './ChoroplethLegend';
import { HEXAGON_KM2 } from './hexagon-km2';
import { useChoroplethData } from './useChoroplethData';

const RESOLUTIONS = [7, 8, 9] as const;

function Choice({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label className="field choropleth-control__field">
      <span className="field__label">{label}</span>
      {children}
    </label>
  );
}

export function ChoroplethControl() {
  const { t, locale, units } = useI18n();
  const choice = useAppStore((s) => s.choropleth);
  const answer = useAppStore((s) => s.choroplethData);
  useChoroplethData();
  const set = (change: Partial<ChoroplethChoice>) =>
    useAppStore.getState().setChoropleth({ ...(choice ?? defaultChoropleth), ...change });
  const pick =
    <K extends keyof ChoroplethChoice>(key: K, parse: (v: string) => ChoroplethChoice[K]) =>
    (e: ChangeEvent<HTMLSelectElement>) =>
      set({ [key]: parse(e.target.value) } as Partial<ChoroplethChoice>);
  const current = answer && choice && answer.metric === choice.metric ? answer : null;
  return (
    <li className="layer-toggle layer-toggle--choropleth">
      <label className="switch">
        <input
          type="checkbox"
          role="switch"
          checked={choice !== null}
          onChange={() => useAppStore.getState().setChoropleth(choice ? null : defaultChoropleth)}
          data-layer="choropleth"
        />
        <span className="switch__track" aria-hidden="true" />
        <span className="switch__label">{t('choropleth.toggle')}</span>
      </label>
      {choice && (
        <div className="choropleth-control">
          {current ? (
            <ChoroplethLegend answer={current} />
          ) : (
            <p className="muted">{t('choropleth.loading')}</p>
          )}
          <div className="choropleth-control__choices">
            <Choice label={t('choropleth.metric')}>
              <select
                className="input"
                data-field="choropleth-metric"
                value={choice.metric}
                onChange={pick('metric', (v) => v as ChoroplethChoice['metric'])}
              >
                {CHOROPLETH_METRICS.map((m) => (
                  <option key={m} value={m}>
                    {t(`choropleth.metric.${m}`)}
                  </option>
                ))}
              </select>
            </Choice>
            <Choice label={t('choropleth.level')}>
              <select
                className="input"
                data-field="choropleth-level"
                value={choice.level}
                onChange={pick('level', (v) => v as ChoroplethChoice['level'])}
              >
                {CHOROPLETH_LEVELS.map((l) => (
                  <option key={l} value={l}>
                    {t(`choropleth.level.${l}`)}
                  </option>
                ))}
              </select>
            </Choice>
            {choice.level === 'h3' && (
              <Choice label={t('choropleth.resolution')}>
                <select
                  className="input"
                  data-field="choropleth-resolution"
                  value={choice.resolution}
                  onChange={pick('resolution', Number)}
                >
                  {RESOLUTIONS.map((r) => (
                    <option key={r} value={r}>
                      {t(`choropleth.resolution.${r}`, {
                        size: formatKm2(locale, HEXAGON_KM2[r]!, units.distance, {
                          approximate: true,
                        }),
                      })}
                    </option>
                  ))}
                </select>
              </Choice>
            )}
            <Choice label={t('choropleth.method')}>
              <select
                className="input"
                data-field="choropleth-method"
                value={choice.method}
                onChange={pick('method', (v) => v as ChoroplethChoice['method'])}
              >
                {CLASS_METHODS.map((m) => (
                  <option key={m} value={m}>
                    {t(`choropleth.method.${m}`)}
                  </option>
                ))}
              </select>
            </Choice>
          </div>
        </div>
      )}
    </li>
  );
}
