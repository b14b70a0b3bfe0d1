// Everything of the import that lives at the app's root, for roles that may import: the dialog, the drop overlay, the
// job chip, and picking up a job that was running before a reload.
import { useEffect } from 'react';
import { OPEN_IMPORT_EVENT } from '../../app/open-import';
import { useAppStore } from '../../store';
import { can } from '../../store/slices/session';
import { restoreImportJob } from './actions';
import { DropOverlay } from './DropOverlay';
import { ImportDialog } from './ImportDialog';
import { JobChip } from './JobChip';

export function ImportRoot() {
  const mayImport = useAppStore((s) => can(s.me, 'imports:write'));
  useEffect(() => {
    if (!mayImport) return;
    void restoreImportJob(useAppStore);
    // The empty workspace (and any other caller outside this feature) asks for the dialog with a window event.
    const open = () => useAppStore.getState().openImport();
    window.addEventListener(OPEN_IMPORT_EVENT, open);
    return () => window.removeEventListener(OPEN_IMPORT_EVENT, open);
  }, [mayImport]);
  if (!mayImport) return null;
  return (
    <>
      <ImportDialog />
      <DropOverlay />
      <JobChip />
    </>
  );
}
