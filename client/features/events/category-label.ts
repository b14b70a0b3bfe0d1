// A category's name for people: the catalog's for the known ones, the text as imported for any other.
import { isKnownCategory } from '../../map/event-categories';
import type { Translate } from '../../i18n/types';

export const categoryLabel = (t: Translate, category: string): string =>
  isKnownCategory(category) ? t(`events.category.${category}` as const) : category;
