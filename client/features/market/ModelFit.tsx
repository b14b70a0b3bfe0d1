// The fitted parameters, each with what it means for a store, and the fit's quality in words.
import type { HuffModel } from '../../api/contract';
import { formatNumber, useI18n } from '../../i18n';
import { fitQuality, pullAtTwiceTheDistance, pullOfTwiceTheAttractiveness } from './fit-text';

export function ModelFit({ model }: { model: HuffModel }) {
  const { t, locale } = useI18n();
  const two = { maximumFractionDigits: 2, minimumFractionDigits: 2 };
  const { decay, attractivenessWeight } = model.params;
  return (
    <section className="market__section" aria-labelledby="market-fit">
      <h3 className="market__heading" id="market-fit">
        {t('market.fit')}
      </h3>
      <dl className="market__params">
        <div data-param="decay">
          <dt>{t('market.decay')}</dt>
          <dd className="market__figure">{formatNumber(locale, decay, two)}</dd>
          <dd className="muted">
            {t('market.decayMeaning', {
              share: formatNumber(locale, pullAtTwiceTheDistance(decay), {
                style: 'percent',
                maximumFractionDigits: 0,
              }),
            })}
          </dd>
        </div>
        <div data-param="attractiveness">
          <dt>{t('market.weight')}</dt>
          <dd className="market__figure">{formatNumber(locale, attractivenessWeight, two)}</dd>
          <dd className="muted">
            {model.attractivenessIdentified
              ? t('market.weightMeaning', {
                  factor: `${formatNumber(locale, pullOfTwiceTheAttractiveness(attractivenessWeight), { maximumFractionDigits: 1 })}×`,
                })
              : t('market.weightFixed')}
          </dd>
        </div>
        <div data-param="r2">
          <dt>{t('market.r2')}</dt>
          <dd className="market__figure">{formatNumber(locale, model.pseudoR2, two)}</dd>
          <dd className="muted">{t(`market.quality.${fitQuality(model.pseudoR2)}`)}</dd>
        </div>
      </dl>
      <p className="muted">{t('market.customers', { count: model.choices })}</p>
    </section>
  );
}
