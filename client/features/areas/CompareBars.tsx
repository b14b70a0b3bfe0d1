// One figure of the area comparison as bars, one per area in its own colour, labelled with the value. Screen readers
// get the same figures as a table. A hidden value (fewer customers than the minimum group size) has no bar.
import { useId } from 'react';
import { useI18n } from '../../i18n';

export interface CompareBar {
  id: string;
  label: string;
  color: string;
  value: number | null;
  text: string;
}

export function CompareBars({
  title,
  bars,
  metric,
}: {
  title: string;
  bars: CompareBar[];
  metric: string;
}) {
  const { t } = useI18n();
  const titleId = useId();
  const max = bars.reduce((m, b) => Math.max(m, b.value ?? 0), 0);
  return (
    <figure className="bar-chart compare-bars" aria-labelledby={titleId} data-metric={metric}>
      <figcaption className="bar-chart__title" id={titleId}>
        {title}
      </figcaption>
      <ul className="bar-chart__rows" aria-hidden="true">
        {bars.map((bar) => (
          <li
            className="bar-chart__row"
            key={bar.id}
            data-area={bar.id}
            data-hidden={bar.value === null || undefined}
          >
            <span className="bar-chart__label" title={bar.label}>
              {bar.label}
            </span>
            <span className="bar-chart__track">
              <span
                className="bar-chart__bar"
                style={{
                  inlineSize: `${max > 0 && bar.value ? Math.max(1.5, (bar.value / max) * 100) : 0}%`,
                  background: bar.color,
                }}
              />
            </span>
            <span className="bar-chart__count">{bar.text}</span>
          </li>
        ))}
      </ul>
      {/* A table ignores a 1 px width: the hidden box around it keeps it from widening the panel. */}
      <div className="visually-hidden">
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('compare.area')}</th>
              <th scope="col">{title}</th>
            </tr>
          </thead>
          <tbody>
            {bars.map((bar) => (
              <tr key={bar.id}>
                <th scope="row">{bar.label}</th>
                <td>{bar.text}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
