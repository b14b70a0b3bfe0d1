// One-click targeting from a store's panel: a 1 km circle draft around it (the panel's main action, in its pinned
// foot), or rings (0–1, 1–3, 3–5 km) from its content. One button in the foot keeps it a single row, so on a phone
// the sheet's peek still shows the store's name above it.
import { useState } from 'react';
import type { StoreFeature } from '../../api/contract';
import { useI18n } from '../../i18n';
import { useAppStore } from '../../store';
import { rings } from './actions';
import { startCircleDraft } from './draft-actions';
import { DEFAULT_BREAKS_KM } from './rings';
import { TravelButton } from '../travel/TravelButton';

const TARGET_RADIUS_M = 1000;

export function TargetStoreButton({ store }: { store: StoreFeature }) {
  const { t } = useI18n();
  const center = store.geometry.coordinates as [number, number];
  const target = () => {
    startCircleDraft(
      useAppStore,
      { center: [center[0], center[1]], radiusMeters: TARGET_RADIUS_M },
      store.properties.name,
    );
    useAppStore.getState().flyTo({ center, zoom: 13.5 });
  };
  return (
    <button
      type="button"
      className="button button--primary"
      onClick={target}
      data-action="target-store"
    >
      {t('areas.targetStore')}
    </button>
  );
}

export function StoreRings({ store }: { store: StoreFeature }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const makeRings = async () => {
    setBusy(true);
    await rings(useAppStore, {
      storeId: store.properties.id,
      breaksMeters: [0, ...DEFAULT_BREAKS_KM.map((km) => km * 1000)],
    });
    setBusy(false);
  };
  return (
    <div className="form-actions store-targeting">
      <button
        type="button"
        className="button button--secondary"
        disabled={busy}
        onClick={() => void makeRings()}
        data-action="rings-store"
      >
        {t('areas.ringsStore')}
      </button>
      <TravelButton from={{ storeId: store.properties.id, name: store.properties.name }} />
    </div>
  );
}
