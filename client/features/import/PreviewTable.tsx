// The file's first rows as a table, with a select above each column naming the field it goes into (or "ignore").
import { useId } from 'react';
import type {
  ImportField,
  ImportMapping,
  ImportPreview,
} from '../../../server/domain/schemas/import';
import { useI18n } from '../../i18n';
import { fieldHint, fieldLabel } from './field-labels';

interface PreviewTableProps {
  preview: ImportPreview;
  mapping: ImportMapping;
  onColumn: (header: string, field: string | null) => void;
  fileName: string;
}

export function PreviewTable({ preview, mapping, onColumn, fileName }: PreviewTableProps) {
  const { t } = useI18n();
  const hintId = useId();
  const optionLabel = (f: ImportField) =>
    f.required
      ? t('import.field.required', { field: fieldLabel(t, f.name) })
      : fieldLabel(t, f.name);
  return (
    <div className="import__table-wrap" tabIndex={0} role="group" aria-label={fileName}>
      <table className="import__table" data-testid="import-preview">
        <caption className="visually-hidden">
          {t('import.preview.caption', { count: preview.rows.length, file: fileName })}
        </caption>
        <thead>
          <tr>
            {preview.headers.map((header, i) => {
              const field = mapping.columns[header] ?? null;
              const hint = field ? fieldHint(t, field) : '';
              return (
                <th key={i} scope="col">
                  <span className="import__header" title={header}>
                    {header}
                  </span>
                  <select
                    className="field__input import__column-select"
                    aria-label={t('import.column.label', { column: header })}
                    value={field ?? ''}
                    data-mapped={field ? 'true' : 'false'}
                    data-field={field ?? undefined}
                    aria-describedby={hint ? `${hintId}-${i}` : undefined}
                    onChange={(e) => onColumn(header, e.target.value || null)}
                  >
                    <option value="">{t('import.column.ignore')}</option>
                    {preview.fields.map((f) => (
                      <option key={f.name} value={f.name}>
                        {optionLabel(f)}
                      </option>
                    ))}
                  </select>
                  {hint && (
                    <span className="import__field-hint" id={`${hintId}-${i}`}>
                      {hint}
                    </span>
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {preview.rows.map((row, r) => (
            <tr key={r}>
              {preview.headers.map((header, c) => (
                <td key={c} data-ignored={mapping.columns[header] ? undefined : 'true'}>
                  {row[c] ?? ''}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
