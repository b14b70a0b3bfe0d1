// Neighbourhoods picked with Shift+click (or from their panel): shown under the toolbar, made into one area.
import { useState } from 'react';
import { useI18n } from '../../i18n';
import { useAppStore } from '../../store';
import { selectBoundaryFeatures } from '../../store/selectors';
import { areaFromBoundaries } from './actions';

export function PickBar() {
  const { t } = useI18n();
  const picked = useAppStore((s) => s.boundaryPick);
  const boundaries = useAppStore(selectBoundaryFeatures);
  const clear = useAppStore((s) => s.clearBoundaryPick);
  const [busy, setBusy] = useState(false);
  if (picked.length === 0) return null;
  const names = picked.map(
    (id) => boundaries.find((b) => b.properties.id === id)?.properties.name ?? id,
  );
  const make = async () => {
    setBusy(true);
    await areaFromBoundaries(useAppStore, picked, names.join(' + '));
    setBusy(false);
  };
  return (
    <div
      className="pick-bar floating-card"
      data-covers-map
      role="region"
      aria-label={t('pick.label')}
    >
      <p className="pick-bar__text" title={names.join(', ')}>
        {t('pick.count', { count: picked.length })}
      </p>
      <button
        type="button"
        className="button button--primary"
        disabled={busy}
        onClick={() => void make()}
        data-action="make-boundary-area"
      >
        {t('pick.make')}
      </button>
      <button type="button" className="button button--secondary" onClick={clear}>
        {t('pick.clear')}
      </button>
    </div>
  );
}
