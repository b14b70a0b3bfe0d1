// The top of the import screen: the file (and a way to pick another), the kind of data it holds, the sheet of a
// workbook, and how the server read it.
import { useId } from 'react';
import {
  importKinds,
  type ImportKind,
  type ImportPreview,
} from '../../../server/domain/schemas/import';
import { useI18n } from '../../i18n';
import type { Translate } from '../../i18n/types';
import { kindLabel } from './actions';

export const ACCEPT = '.csv,.tsv,.txt,.xlsx,.geojson,.json,text/csv,application/geo+json';

/** "CSV · UTF-8 · separated by ;" */
export function formatLine(preview: ImportPreview, t: Translate): string {
  if (preview.format !== 'csv') return t(`import.format.${preview.format}`);
  const delimiter =
    preview.delimiter === '\t' ? t('import.delimiter.tab') : `“${preview.delimiter ?? ','}”`;
  return t('import.format.csv', { encoding: preview.encoding ?? 'UTF-8', delimiter });
}

export function FilePicker({
  label,
  onFile,
  primary,
}: {
  label: string;
  onFile: (file: File) => void;
  primary?: boolean;
}) {
  return (
    <label className={`button ${primary ? 'button--primary' : 'button--secondary'} import__pick`}>
      {label}
      <input
        type="file"
        className="visually-hidden"
        accept={ACCEPT}
        data-testid="import-file"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) onFile(file);
        }}
      />
    </label>
  );
}

interface FileBarProps {
  file: File;
  onFile: (file: File) => void;
  kind: ImportKind | null;
  onKind: (kind: ImportKind) => void;
  sheets: string[] | undefined;
  sheet: string | null;
  onSheet: (sheet: string) => void;
  preview: ImportPreview | null;
}

export function FileBar({
  file,
  onFile,
  kind,
  onKind,
  sheets,
  sheet,
  onSheet,
  preview,
}: FileBarProps) {
  const { t } = useI18n();
  const id = useId();
  return (
    <div className="import__filebar">
      <div className="import__file">
        <p className="import__file-name" title={file.name}>
          {file.name}
        </p>
        {preview && <p className="dialog__hint">{formatLine(preview, t)}</p>}
      </div>
      <FilePicker label={t('import.file.change')} onFile={onFile} />
      <div className="field import__kind">
        <label className="field__label" htmlFor={`${id}-kind`}>
          {t('import.kind')}
        </label>
        <select
          id={`${id}-kind`}
          className="field__input"
          value={kind ?? ''}
          data-testid="import-kind"
          onChange={(e) => onKind(e.target.value as ImportKind)}
        >
          {!kind && (
            <option value="" disabled>
              {t('import.kind.choose')}
            </option>
          )}
          {importKinds.map((k) => (
            <option key={k} value={k}>
              {t(kindLabel[k])}
            </option>
          ))}
        </select>
      </div>
      {sheets && sheets.length > 1 && (
        <div className="field import__sheet">
          <label className="field__label" htmlFor={`${id}-sheet`}>
            {t('import.sheet')}
          </label>
          <select
            id={`${id}-sheet`}
            className="field__input"
            value={sheet ?? sheets[0]}
            data-testid="import-sheet"
            onChange={(e) => onSheet(e.target.value)}
          >
            {sheets.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
      )}
    </div>
  );
}
