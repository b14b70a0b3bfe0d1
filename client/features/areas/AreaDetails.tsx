// A saved area in the Details panel: its figures, the audience inside, rename/recolour/radius, shape editing,
// delete, and what can be made from it (a campaign, combine, rings, exports).
import type { AreaFeature } from '../../api/areas';
import { useI18n } from '../../i18n';
import { useAppStore } from '../../store';
import { can } from '../../store/slices/session';
import { DetailList } from '../../ui/DetailList';
import { changeArea, removeArea } from './actions';
import { AreaEditForm } from './AreaEditForm';
import { AreaTools } from './AreaTools';
import { AudienceSlot } from './AudienceSlot';
import { PurchaseTrends } from '../trends/PurchaseTrends';
import { AreaWeather } from './AreaWeather';
import { AreaWhatIf } from './AreaWhatIf';
import { bboxOf } from '../../map/geometry';
import { editAreaGeometry } from './draft-actions';
import { formatKm, formatKm2 } from './format';
import { RadiusField } from './RadiusField';
import { openNewCampaign } from '../campaigns/actions';
import { ReportLink } from '../report/ReportLink';

/** The area panel's main action, pinned at its foot (DetailsPanel's Frame) with Zoom to. */
export function AreaCampaignButton({ areaId }: { areaId: string }) {
  const { t } = useI18n();
  const mayCampaign = useAppStore((s) => can(s.me, 'campaigns:write'));
  if (!mayCampaign) return null;
  return (
    <button
      type="button"
      className="button button--primary"
      data-action="area-campaign"
      onClick={() => openNewCampaign(useAppStore, { areaId })}
    >
      {t('campaigns.fromArea')}
    </button>
  );
}

export function AreaDetails({ area }: { area: AreaFeature }) {
  const { t, locale, units } = useI18n();
  const p = area.properties;
  const radius =
    p.kind === 'radius' && p.params.center && p.params.radiusMeters ? p.params.radiusMeters : null;
  const editable = area.geometry.type === 'Polygon';
  // Viewers see the figures and the audience, not the controls that change the area.
  const mayWrite = useAppStore((s) => can(s.me, 'areas:write'));
  const mayReadWeather = useAppStore((s) => can(s.me, 'weather:read'));
  const mayPreview = useAppStore((s) => can(s.me, 'campaigns:read'));
  const mayReadTrends = useAppStore((s) => can(s.me, 'audience:read'));
  return (
    <div className="area-details">
      <DetailList
        rows={[
          {
            label: t('areas.size'),
            value: formatKm2(locale, p.areaKm2, units.distance),
            figure: true,
          },
          {
            label: t('areas.perimeterLabel'),
            value: formatKm(locale, p.perimeterKm, units.distance),
          },
          { label: t('areas.kindLabel'), value: t(`areas.kind.${p.kind}`) },
        ]}
      />
      {mayReadWeather && <AreaWeather areaId={p.id} version={p.version} />}
      {mayPreview && <AreaWhatIf areaId={p.id} bbox={bboxOf(area.geometry)} />}
      <AudienceSlot target={{ areaId: p.id }} />
      {mayReadTrends && <PurchaseTrends of="area" id={p.id} version={p.version} />}
      <div className="form-actions">
        <ReportLink target={{ kind: 'area', areaIds: [p.id] }} />
      </div>
      {mayWrite && <AreaEditForm area={area} />}
      {mayWrite && radius !== null && (
        <RadiusField
          meters={radius}
          onChange={(radiusMeters) =>
            void changeArea(useAppStore, p.id, { params: { ...p.params, radiusMeters } })
          }
        />
      )}
      {mayWrite && (
        <div className="form-actions">
          <button
            type="button"
            className="button button--secondary"
            disabled={!editable}
            title={editable ? undefined : t('areas.edit.multi')}
            onClick={() => editAreaGeometry(useAppStore, p.id)}
            data-action="edit-shape"
          >
            {t('areas.edit')}
          </button>
          <button
            type="button"
            className="button button--danger"
            onClick={() => void removeArea(useAppStore, p.id)}
            data-action="delete-area"
          >
            {t('areas.delete')}
          </button>
        </div>
      )}
      <AreaTools area={area} mayWrite={mayWrite} />
    </div>
  );
}
