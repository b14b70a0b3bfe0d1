// Summary phrases for the behaviour fields of a segment ("Champions, Loyal", "Basket 5 €–20 €", "Bought coffee in
// 30 days", "First purchase within 60 days").
import type { Segment } from '../../../server/domain/schemas/segment';
import { en } from '../../i18n/messages/en';
import type { Translate } from '../../i18n/types';

const NAMED = 2;

export function behaviourSummary(
  segment: Segment,
  { t, money }: { t: Translate; money: (value: number) => string },
): string[] {
  const parts: string[] = [];
  const list = (items: string[]) =>
    items.length > NAMED
      ? t('segment.summary.more', {
          items: items.slice(0, NAMED).join(', '),
          count: items.length - NAMED,
        })
      : items.join(', ');
  if (segment.rfmCells?.length)
    parts.push(list(segment.rfmCells.map((cell) => t(`segment.behaviour.rfm.${cell}`))));
  const { minAvgBasket: min, maxAvgBasket: max } = segment;
  if (min != null && max != null)
    parts.push(t('segment.behaviour.summary.basket', { min: money(min), max: money(max) }));
  else if (min != null) parts.push(t('segment.behaviour.summary.basketFrom', { min: money(min) }));
  else if (max != null) parts.push(t('segment.behaviour.summary.basketTo', { max: money(max) }));
  if (segment.priceSensitivities?.length)
    parts.push(
      t('segment.behaviour.summary.price', {
        items: list(segment.priceSensitivities.map((p) => t(`segment.behaviour.price.${p}`))),
      }),
    );
  if (segment.productCategories?.length) {
    const items = list(segment.productCategories.map((key) => categoryLabel(key, t)));
    parts.push(
      segment.categoriesWithinDays != null
        ? t('segment.behaviour.summary.categoriesWithin', {
            items,
            count: segment.categoriesWithinDays,
          })
        : t('segment.behaviour.summary.categories', { items }),
    );
  }
  if (segment.firstPurchaseWithinDays != null)
    parts.push(
      t('segment.behaviour.summary.firstPurchase', { count: segment.firstPurchaseWithinDays }),
    );
  return parts;
}

/** A category key's label from the catalog ('data.productCategory.<key>'), or the key itself for one it lacks. */
export function categoryLabel(key: string, t: Translate): string {
  const id = `data.productCategory.${key}`;
  return id in en ? t(id as 'data.productCategory.coffee') : key;
}
