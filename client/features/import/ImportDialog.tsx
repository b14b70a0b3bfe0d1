// The import dialog: mapping (step 1), a large file's progress (step 2) and the report (step 3). A wide dialog on a
// desk, a bottom sheet on a phone.
import { useState } from 'react';
import { useI18n } from '../../i18n';
import { useAppStore } from '../../store';
import { Dialog, useDialogDirty } from '../../ui/Dialog';
import { closeImport } from './actions';
import { MappingStep } from './MappingStep';
import { ProgressStep } from './ProgressStep';
import { ReportStep } from './ReportStep';
import { useImportDraft } from './useImportDraft';

function ImportSteps({ onClose }: { onClose: () => void }) {
  const initialFile = useAppStore((s) => s.importFile);
  const followed = useAppStore((s) => s.importJob);
  const report = useAppStore((s) => s.importReport);
  const setImportReport = useAppStore((s) => s.setImportReport);
  // A new key starts the mapping over (Import another file).
  const [round, setRound] = useState(0);
  if (report)
    return (
      <ReportStep
        report={report}
        onClose={onClose}
        onAnother={() => {
          setImportReport(null);
          setRound((r) => r + 1);
        }}
      />
    );
  if (followed) return <ProgressStep followed={followed} onHide={onClose} />;
  return <Mapping key={round} initialFile={round === 0 ? initialFile : null} onCancel={onClose} />;
}

function Mapping({ initialFile, onCancel }: { initialFile: File | null; onCancel: () => void }) {
  const draft = useImportDraft(initialFile);
  // The server suggests a mapping; columns or values the user changed from it are work a key press must not lose.
  const suggested = draft.state.status === 'ready' ? draft.state.preview.mapping : null;
  useDialogDirty(
    !!suggested && !!draft.mapping && JSON.stringify(draft.mapping) !== JSON.stringify(suggested),
  );
  return <MappingStep draft={draft} onCancel={onCancel} />;
}

export function ImportDialog() {
  const { t } = useI18n();
  const open = useAppStore((s) => s.importOpen);
  // Progress and report need less room than the preview table.
  const narrow = useAppStore((s) => s.importJob !== null || s.importReport !== null);
  const close = () => closeImport(useAppStore);
  return (
    <Dialog
      open={open}
      onClose={close}
      title={t('import.title')}
      closeLabel={t('dialog.close')}
      className={narrow ? 'dialog--import dialog--import-narrow' : 'dialog--import'}
    >
      <ImportSteps onClose={close} />
    </Dialog>
  );
}
