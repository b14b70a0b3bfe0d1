// The import's warnings in the reader's language: the server sends a code (and the column) with an English message;
// known codes are said through the catalogs, an unknown one keeps the server's words.
import type { ImportWarning } from '../../../server/domain/schemas/import';
import type { Translate } from '../../i18n/types';

/**
 * One warning as a sentence, naming its column where it has one.
 * @example warningText(t, { code: 'unmapped-column', column: 'PLZ', message: '…' }) // 'Column “PLZ” is not imported.'
 */
export function warningText(t: Translate, warning: ImportWarning): string {
  const column = warning.column ?? '';
  switch (warning.code) {
    case 'unmapped-column':
      return t('import.warning.unmapped', { column });
    case 'no-consent-column':
      return t('import.warning.noConsent');
    case 'swapped-coordinates':
      return t('import.warning.swapped', { column });
    default:
      return warning.message;
  }
}
