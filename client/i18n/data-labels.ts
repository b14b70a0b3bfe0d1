// The data's own words as people read them: demo vocabulary (job titles, industries, interests, event
// categories) is stored in English and shown through the catalogs under `data.<kind>.<value as stored>`;
// a value without such a key (a business's own import) is shown exactly as it was typed.
import { en } from './messages/en';
import type { MessageKey, Translate } from './types';

export type DataVocabulary = 'industry' | 'job' | 'interest' | 'eventCategory';

const isMessageKey = (key: string): key is MessageKey => Object.hasOwn(en, key);

/**
 * @example dataLabel(t, 'job', 'Software developer') // 'Softwareentwickler:in' in German
 * @example dataLabel(t, 'job', 'Kiezbäcker') // 'Kiezbäcker': imported free text stays as typed
 */
export function dataLabel(t: Translate, kind: DataVocabulary, value: string): string {
  const key = `data.${kind}.${value}`;
  return isMessageKey(key) ? (t as unknown as (k: MessageKey) => string)(key) : value;
}
