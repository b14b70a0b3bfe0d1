// Dropping a file anywhere on the app opens the import dialog with it. While a file is dragged over the window a
// full-window overlay says so. The overlay lets pointer events through, so a panel with its own drop target (the
// Events panel's calendar import) still gets its files; a drop it handled is left alone here.
import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n';
import { useAppStore } from '../../store';

const hasFiles = (event: DragEvent) =>
  Array.from(event.dataTransfer?.types ?? []).includes('Files');

export function DropOverlay() {
  const { t } = useI18n();
  const [dragging, setDragging] = useState(false);
  useEffect(() => {
    // dragenter and dragleave fire for every element crossed: count them to know when the file left the window.
    let depth = 0;
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth += 1;
      setDragging(true);
    };
    const leave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    // Every file drop is taken, so a file dropped beside a target never makes the browser leave the app to show it.
    const over = (e: DragEvent) => {
      if (!hasFiles(e) || e.defaultPrevented) return;
      e.preventDefault();
      if (e.dataTransfer)
        e.dataTransfer.dropEffect = document.querySelector('dialog:modal') ? 'none' : 'copy';
    };
    const drop = (e: DragEvent) => {
      depth = 0;
      setDragging(false);
      const file = e.dataTransfer?.files[0];
      if (!file || e.defaultPrevented) return;
      e.preventDefault();
      // Over another dialog (an unsaved form), the drop is refused rather than replacing what is open.
      if (!document.querySelector('dialog:modal')) useAppStore.getState().openImport(file);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, []);
  if (!dragging) return null;
  return (
    <div className="drop-overlay" data-testid="drop-overlay" aria-hidden="true">
      <div className="drop-overlay__card">
        <p className="drop-overlay__title">{t('import.drop.title')}</p>
        <p className="drop-overlay__hint">{t('import.drop.hint')}</p>
      </div>
    </div>
  );
}
