// The travel-time area being previewed, in the Details panel: mode and minutes (changing them redraws it), its size
// and customers, the audience inside it, Save and Discard.
import { useState } from 'react';
import { formatNumber } from '../../i18n/format';
import { useI18n } from '../../i18n';
import { useAppStore } from '../../store';
import { can } from '../../store/slices/session';
import type { TravelState } from '../../store/slices/travel';
import { DetailList } from '../../ui/DetailList';
import { StateMessage } from '../../ui/StateMessage';
import { AudienceSlot } from '../areas/AudienceSlot';
import { formatKm2 } from '../areas/format';
import { changeTravel, discardTravel, saveTravel } from './travel-actions';
import { TravelChoice } from './TravelChoice';

export function TravelDetails({ travel }: { travel: TravelState }) {
  const { t, locale, units } = useI18n();
  const [saving, setSaving] = useState(false);
  const { request, preview, status } = travel;
  const mayWrite = useAppStore((s) => can(s.me, 'areas:write'));
  const save = async () => {
    setSaving(true);
    await saveTravel(useAppStore);
    setSaving(false);
  };
  return (
    <div className="travel-details" data-status={status}>
      {request.originName && <p className="travel-details__from">{request.originName}</p>}
      <TravelChoice
        idPrefix="travel"
        mode={request.mode}
        minutes={request.minutes}
        onChange={(change) => changeTravel(useAppStore, change)}
      />
      {status === 'loading' && <StateMessage tone="loading">{t('travel.loading')}</StateMessage>}
      {status === 'error' && <StateMessage tone="empty">{t('travel.failed')}</StateMessage>}
      {preview && (
        <>
          <DetailList
            rows={[
              {
                label: t('areas.size'),
                value: formatKm2(locale, preview.properties.areaKm2, units.distance),
                figure: true,
              },
              {
                label: t('travel.customers'),
                value:
                  preview.properties.customers === undefined
                    ? null
                    : formatNumber(locale, preview.properties.customers),
                figure: true,
              },
              { label: t('travel.engine'), value: t(`travel.engine.${preview.properties.engine}`) },
            ]}
          />
          <AudienceSlot target={{ geometry: preview.geometry }} />
        </>
      )}
      <div className="form-actions panel-actions">
        {mayWrite && (
          <button
            type="button"
            className="button button--primary"
            disabled={saving || status !== 'ready'}
            data-action="save-travel"
            onClick={() => void save()}
          >
            {saving ? t('areas.saving') : t('areas.save')}
          </button>
        )}
        <button
          type="button"
          className="button button--secondary"
          data-action="discard-travel"
          onClick={() => discardTravel(useAppStore)}
        >
          {t('areas.discard')}
        </button>
      </div>
    </div>
  );
}
