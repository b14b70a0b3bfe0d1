// The draft in the Details panel: name, radius (circles), size, the audience inside it, Save and Discard.
// A stale edit (409) says so and offers to reload the area.
import { useMemo, useState } from 'react';
import { useI18n } from '../../i18n';
import { areaKm2 } from '../../map/geometry';
import { useAppStore } from '../../store';
import type { Draft } from '../../store/slices/areas';
import { DetailList } from '../../ui/DetailList';
import { loadAreas } from './actions';
import { AudienceSlot } from './AudienceSlot';
import { discardDraft, saveDraft, setDraftName, setDraftRadius } from './draft-actions';
import { formatKm2 } from './format';
import { RadiusField } from './RadiusField';

export function DraftDetails({ draft }: { draft: Draft }) {
  const { t, locale, units } = useI18n();
  const [state, setState] = useState<'idle' | 'saving' | 'conflict'>('idle');
  const km2 = useMemo(() => areaKm2(draft.geometry), [draft.geometry]);

  const save = async () => {
    setState('saving');
    const outcome = await saveDraft(useAppStore);
    setState(outcome === 'conflict' ? 'conflict' : 'idle');
  };
  const reload = async () => {
    const id = draft.areaId;
    discardDraft(useAppStore);
    await loadAreas(useAppStore);
    if (id) useAppStore.getState().select({ kind: 'area', id });
  };

  return (
    <form
      className="draft-form"
      // The fields say what is wrong themselves; the browser's own bubbles would only repeat it.
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <div className="field">
        <label htmlFor="draft-name" className="field__label">
          {t('areas.name')}
        </label>
        <input
          id="draft-name"
          className="field__input"
          value={draft.name}
          maxLength={120}
          onChange={(event) => setDraftName(useAppStore, event.target.value)}
        />
      </div>
      {draft.circle && (
        <RadiusField
          meters={draft.circle.radiusMeters}
          live
          onChange={(m) => setDraftRadius(useAppStore, m)}
        />
      )}
      <DetailList
        rows={[
          { label: t('areas.size'), value: formatKm2(locale, km2, units.distance), figure: true },
        ]}
      />
      <AudienceSlot target={{ geometry: draft.geometry }} />
      {state === 'conflict' && (
        <div className="inline-alert" role="alert">
          <p>{t('areas.conflict')}</p>
          <button type="button" className="button button--secondary" onClick={() => void reload()}>
            {t('areas.conflict.reload')}
          </button>
        </div>
      )}
      <div className="form-actions panel-actions">
        <button
          type="submit"
          className="button button--primary"
          disabled={state === 'saving'}
          data-action="save-draft"
        >
          {state === 'saving' ? t('areas.saving') : t('areas.save')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => discardDraft(useAppStore)}
          data-action="discard-draft"
        >
          {t('areas.discard')}
        </button>
      </div>
    </form>
  );
}
