// The segment builder's buying-behaviour fields: RFM cells, average basket, price sensitivity, product categories
// bought within N days, and first purchase within N days. The builder owns the form and lends its field helpers.
import type { ReactNode } from 'react';
import { priceSensitivities, rfmCells } from '../../../server/domain/schemas/segment';
import { useI18n } from '../../i18n';
import { categoryLabel } from './behaviour-summary';
import { toggleItem, type NumberField, type SegmentForm } from './segment-form';

const CATEGORY_PRESETS = [30, 90, 365];
const NEW_PRESETS = [30, 60, 90];

export interface BehaviourFieldsProps {
  form: SegmentForm;
  update: (patch: Partial<SegmentForm>) => void;
  currency: string;
  /** Product categories in use (from the facets), most common first. */
  categories: readonly string[];
  numberInput: (field: NumberField, label: string, suffix?: string, inline?: boolean) => ReactNode;
  chips: <T extends string>(
    values: readonly T[],
    chosen: readonly T[],
    labelFor: (v: T) => string,
    onToggle: (v: T) => void,
  ) => ReactNode;
  fieldset: (legend: string, field: string, children: ReactNode) => ReactNode;
}

export function BehaviourFields(props: BehaviourFieldsProps) {
  const { form, update, currency, categories, numberInput, chips, fieldset } = props;
  const { t } = useI18n();
  const presets = (field: NumberField, values: number[]) =>
    chips(
      ['', ...values.map(String)],
      [form[field] as string],
      (v) => (v === '' ? t('segment.preset.any') : t('segment.preset.days', { count: Number(v) })),
      (v) => update({ [field]: v }),
    );
  return (
    <div className="segment-behaviour" data-group="behaviour">
      <h3 className="segment-behaviour__title">{t('segment.behaviour.title')}</h3>
      {fieldset(
        t('segment.behaviour.rfm'),
        'rfmCells',
        <>
          <p className="segment-field__hint">{t('segment.behaviour.rfmHint')}</p>
          {chips(
            rfmCells,
            form.rfmCells,
            (cell) => t(`segment.behaviour.rfm.${cell}`),
            (cell) => update({ rfmCells: toggleItem(form.rfmCells, cell) }),
          )}
        </>,
      )}
      {fieldset(
        t('segment.behaviour.basket'),
        'avgBasket',
        <div className="segment-range">
          {numberInput('minAvgBasket', t('segment.behaviour.minBasket'), currency)}
          {numberInput('maxAvgBasket', t('segment.behaviour.maxBasket'), currency)}
        </div>,
      )}
      {fieldset(
        t('segment.behaviour.price'),
        'priceSensitivities',
        <>
          <p className="segment-field__hint">{t('segment.behaviour.priceHint')}</p>
          {chips(
            priceSensitivities,
            form.priceSensitivities,
            (level) => t(`segment.behaviour.price.${level}`),
            (level) => update({ priceSensitivities: toggleItem(form.priceSensitivities, level) }),
          )}
        </>,
      )}
      {fieldset(
        t('segment.behaviour.categories'),
        'productCategories',
        categories.length === 0 ? (
          <p className="segment-field__hint">{t('segment.behaviour.categoriesEmpty')}</p>
        ) : (
          <>
            {chips(
              categories,
              form.productCategories,
              (key) => categoryLabel(key, t),
              (key) => update({ productCategories: toggleItem(form.productCategories, key) }),
            )}
            <p className="segment-field__hint">{t('segment.behaviour.categoriesWithin')}</p>
            {presets('categoriesWithinDays', CATEGORY_PRESETS)}
            {numberInput('categoriesWithinDays', t('segment.otherDays'), t('segment.days'), true)}
          </>
        ),
      )}
      {fieldset(
        t('segment.behaviour.firstPurchase'),
        'firstPurchaseWithinDays',
        <>
          {presets('firstPurchaseWithinDays', NEW_PRESETS)}
          {numberInput('firstPurchaseWithinDays', t('segment.otherDays'), t('segment.days'), true)}
        </>,
      )}
    </div>
  );
}
