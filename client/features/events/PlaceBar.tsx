// Shown under the toolbar while a place is being picked: for an unplaced event or an imported row that needs a place
// (the click sets its place), or for the event form (the click fills its coordinates and the form comes back).
// Escape or Cancel stops.
import { useEffect } from 'react';
import { useI18n } from '../../i18n';
import { useAppStore } from '../../store';

export function PlaceBar() {
  const { t } = useI18n();
  const placing = useAppStore((s) => s.placingEvent);
  const name = useAppStore(
    (s) => s.events.data?.features.find((f) => f.id === s.placingEvent)?.properties.name,
  );
  const setPlacing = useAppStore((s) => s.setPlacingEvent);
  const form = useAppStore((s) => (s.eventForm?.picking ? s.eventForm : null));
  const setForm = useAppStore((s) => s.setEventForm);
  const imported = useAppStore((s) => s.placingImport);
  const setImported = useAppStore((s) => s.setPlacingImport);
  const active = placing !== null || form !== null || imported !== null;

  // Captured before the app's shortcuts, so Escape cancels placing instead of closing the Details panel.
  useEffect(() => {
    if (!active) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      event.stopPropagation();
      cancel();
    };
    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true });
  });

  function cancel() {
    const current = useAppStore.getState().eventForm;
    if (current?.picking) setForm({ ...current, picking: false });
    else if (useAppStore.getState().placingImport) setImported(null);
    else setPlacing(null);
  }

  if (!active) return null;
  const draftName = form?.draft.name.trim();
  let text: string;
  if (form)
    text = draftName
      ? t('events.form.picking', { name: draftName })
      : t('events.form.pickingUnnamed');
  else if (imported) text = t('unplaced.placing', { name: imported.name || imported.id });
  else text = t('events.placing', { name: name ?? placing! });
  return (
    <div
      className="place-bar floating-card"
      data-covers-map
      role="status"
      data-placing={form ? 'form' : imported ? `import:${imported.id}` : placing}
    >
      <p className="pick-bar__text">{text}</p>
      <button type="button" className="button button--secondary" onClick={cancel}>
        {form
          ? t('events.form.pickCancel')
          : imported
            ? t('unplaced.placeCancel')
            : t('events.placeCancel')}
      </button>
    </div>
  );
}
