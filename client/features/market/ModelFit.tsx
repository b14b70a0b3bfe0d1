// The fitted parameters, each with what it means for a store, and the fit's quality in words; first, what "far" means
// here: straight-line distance, or travel time from the routing engine the server is set up with.
import type { HuffModel } from '../../api/contract';
import { formatNumber, useI18n } from '../../i18n';
import { fitQuality, pullAtTwiceTheDistance, pullOfTwiceTheAttractiveness } from './fit-text';

/** Proper names, written as their projects write them. */
const ENGINE_NAMES = { valhalla: 'Valhalla', openrouteservice: 'openrouteservice' } as const;

export function ModelFit({ model }: { model: HuffModel }) {
  const { t, locale } = useI18n();
  const two = { maximumFractionDigits: 2, minimumFractionDigits: 2 };
  const { decay, attractivenessWeight } = model.params;
  const measure = model.measure;
  const byTime = measure.kind === 'travel-time';
  return (
    <section className="market__section" aria-labelledby="market-fit">
      <h3 className="market__heading" id="market-fit">
        {t('market.fit')}
      </h3>
      <p className="market__measure" data-measure={byTime ? measure.mode : 'distance'}>
        {byTime
          ? t(`market.measure.${measure.mode}`, { engine: ENGINE_NAMES[measure.engine] })
          : t('market.measure.distance')}
      </p>
      <dl className="market__params">
        <div data-param="decay">
          <dt>{t(byTime ? 'market.decayTime' : 'market.decay')}</dt>
          <dd className="market__figure">{formatNumber(locale, decay, two)}</dd>
          <dd className="muted">
            {t(byTime ? 'market.decayMeaningTime' : 'market.decayMeaning', {
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
