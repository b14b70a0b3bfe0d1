// Expected against actual share per store: a table (readable as it is by screen readers) with a pair of bars in each
// row, expected in the ramp's light blue and actual in its dark blue.
import type { HuffModel } from '../../api/contract';
import { formatNumber, useI18n } from '../../i18n';

export function ShareTable({ model }: { model: HuffModel }) {
  const { t, locale } = useI18n();
  const percent = (v: number | null) =>
    v === null
      ? t('audience.belowMin', { k: formatNumber(locale, model.minGroupSize ?? 0) })
      : formatNumber(locale, v, { style: 'percent', maximumFractionDigits: 1 });
  const max = model.stores.reduce((m, s) => Math.max(m, s.expectedShare, s.actualShare ?? 0), 0);
  const width = (v: number | null) => `${max > 0 && v ? (v / max) * 100 : 0}%`;
  return (
    <section className="market__section" aria-labelledby="market-shares">
      <h3 className="market__heading" id="market-shares">
        {t('market.shares')}
      </h3>
      <p className="market__key" aria-hidden="true">
        <span className="market__swatch market__swatch--expected" /> {t('market.expected')}
        <span className="market__swatch market__swatch--actual" /> {t('market.actual')}
      </p>
      <table className="market__table">
        <thead>
          <tr>
            <th scope="col">{t('market.store')}</th>
            <th scope="col">{t('market.expected')}</th>
            <th scope="col">{t('market.actual')}</th>
          </tr>
        </thead>
        <tbody>
          {model.stores.map((store) => (
            <tr key={store.id} data-store={store.id}>
              <th scope="row">
                <span className="market__store" title={store.name}>
                  {store.name}
                </span>
                <span className="market__bars" aria-hidden="true">
                  <span
                    className="market__bar market__bar--expected"
                    style={{ inlineSize: width(store.expectedShare) }}
                  />
                  <span
                    className="market__bar market__bar--actual"
                    style={{ inlineSize: width(store.actualShare) }}
                  />
                </span>
              </th>
              <td>{percent(store.expectedShare)}</td>
              <td>{percent(store.actualShare)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
