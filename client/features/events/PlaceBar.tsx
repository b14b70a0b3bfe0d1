// Shown under the toolbar while an event is being placed: the next map click sets its place; Escape or Cancel stops.
import { useEffect } from 'react';
import { useI18n } from '../../i18n';
import { useAppStore } from '../../store';

export function PlaceBar() {
  const { t } = useI18n();
  const placing = useAppStore((s) => s.placingEvent);
  const name = useAppStore((s) => s.events.data?.features.find((f) => f.id === s.placingEvent)?.properties.name);
  const setPlacing = useAppStore((s) => s.setPlacingEvent);

  // Captured before the app's shortcuts, so Escape cancels placing instead of closing the Details panel.
  useEffect(() => {
    if (!placing) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      event.stopPropagation();
      setPlacing(null);
    };
    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true });
  }, [placing, setPlacing]);

  if (!placing) return null;
  return (
    <div className="place-bar floating-card" role="status" data-placing={placing}>
      <p className="pick-bar__text">{t('events.placing', { name: name ?? placing })}</p>
      <button type="button" className="button button--secondary" onClick={() => setPlacing(null)}>
        {t('events.placeCancel')}
      </button>
    </div>
  );
}
