// Step 1: pick the file and its kind, look at the first rows, map columns and values, choose dates and mode, import.
import { useState } from 'react';
import { fieldMessage } from '../../api/field-messages';
import { formatProblem } from '../../api/problem';
import { useI18n } from '../../i18n';
import { useAppStore } from '../../store';
import { StateMessage } from '../../ui/StateMessage';
import { runImport } from './actions';
import { fieldLabel } from './field-labels';
import { warningText } from './warnings';
import { FileBar, FilePicker } from './FileBar';
import { ImportOptions } from './ImportOptions';
import {
  completeMapping,
  currentWarnings,
  enumMappings,
  mapsDates,
  missingFields,
  setColumn,
  setDateFormat,
  setValue,
} from './mapping';
import { PreviewTable } from './PreviewTable';
import type { ImportDraft } from './useImportDraft';
import { ValueMappings } from './ValueMappings';

export function MappingStep({ draft, onCancel }: { draft: ImportDraft; onCancel: () => void }) {
  const { t } = useI18n();
  const [submitting, setSubmitting] = useState(false);
  const { file, kind, state, mapping, setMapping } = draft;

  if (!file)
    return (
      <div className="import__start">
        <p className="dialog__hint">{t('import.file.hint')}</p>
        <FilePicker label={t('import.file.choose')} onFile={draft.setFile} primary />
      </div>
    );

  const preview = state.status === 'ready' ? state.preview : null;
  const missing = preview && mapping ? missingFields(preview.fields, mapping) : [];
  const ready = !!(preview && mapping && kind && missing.length === 0);
  const warnings = preview && mapping ? currentWarnings(preview.warnings, mapping) : [];

  const submit = async () => {
    if (!preview || !mapping || !kind) return;
    setSubmitting(true);
    const ok = await runImport(useAppStore, {
      kind,
      file,
      headers: preview.headers,
      mapping: completeMapping(preview, mapping),
      mode: draft.mode,
      sheet: draft.sheet,
    });
    if (!ok) setSubmitting(false);
  };

  return (
    <>
      <div className="import__body">
        <FileBar
          file={file}
          onFile={draft.setFile}
          kind={kind}
          onKind={draft.setKind}
          sheets={preview?.sheets}
          sheet={draft.sheet}
          onSheet={draft.setSheet}
          preview={preview}
        />
        {state.status === 'loading' && (
          <StateMessage tone="loading">{t('import.loading')}</StateMessage>
        )}
        {state.status === 'error' && <PreviewError error={state.error} />}
        {preview && mapping && (
          <>
            {warnings.length > 0 && (
              <div className="import__warnings" role="status">
                <p className="import__section-title">{t('import.warnings')}</p>
                <ul>
                  {warnings.map((w, i) => (
                    <li key={i} data-code={w.code}>
                      {warningText(t, w)}
                    </li>
                  ))}
                </ul>
              </div>
            )}
            {preview.savedMappingId && <p className="dialog__hint">{t('import.saved')}</p>}
            <PreviewTable
              preview={preview}
              mapping={mapping}
              fileName={file.name}
              onColumn={(header, field) => setMapping(setColumn(mapping, header, field))}
            />
            <ValueMappings
              enums={enumMappings(preview, mapping)}
              onValue={(field, raw, canonical) =>
                setMapping(setValue(mapping, field, raw, canonical))
              }
            />
            <ImportOptions
              showDates={mapsDates(preview.fields, mapping)}
              dateFormat={mapping.dateFormat}
              onDateFormat={(format) => setMapping(setDateFormat(mapping, format))}
              mode={draft.mode}
              onMode={draft.setMode}
            />
          </>
        )}
      </div>
      <footer className="import__footer">
        {missing.length > 0 && (
          <p className="field__error import__missing" role="status">
            {t('import.missing', {
              fields: missing.map((name) => fieldLabel(t, name)).join(', '),
            })}
          </p>
        )}
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('import.cancel')}
        </button>
        <button
          type="button"
          className="button button--primary"
          disabled={!ready || submitting}
          data-testid="import-submit"
          onClick={() => void submit()}
        >
          {submitting ? t('import.submitting') : t('import.submit')}
        </button>
      </footer>
    </>
  );
}

function PreviewError({ error }: { error: unknown }) {
  const { t } = useI18n();
  const { title, detail, fields } = formatProblem(error, t);
  return (
    <div className="import__error" role="alert">
      <p className="import__section-title">{title}</p>
      {detail && <p>{detail}</p>}
      {fields.length > 0 && (
        <ul>
          {fields.map((f, i) => (
            <li key={i}>{fieldMessage(f, t)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
