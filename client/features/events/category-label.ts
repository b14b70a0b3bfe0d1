// A category's name for people: the catalog's for the known ones, the text as imported for any other.
import { dataLabel } from '../../i18n/data-labels';
import type { Translate } from '../../i18n/types';

export const categoryLabel = (t: Translate, category: string): string =>
  dataLabel(t, 'eventCategory', category);
