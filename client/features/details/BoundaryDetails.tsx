// Details of a neighbourhood: population, area (computed here, geodesic), density and who of our customers lives
// there; pick it for a new area.
import { useMemo } from 'react';
import { useAppStore } from '../../store';
import type { BoundaryFeature } from '../../api/contract';
import { formatNumber, useI18n } from '../../i18n';
import { areaKm2 } from '../../map/geometry';
import { AudiencePanel } from '../audience/AudiencePanel';
import { DetailList } from '../../ui/DetailList';
import { densityInUnits, formatKm2 } from '../areas/format';

export function BoundaryDetails({ boundary }: { boundary: BoundaryFeature }) {
  const { t, locale, units } = useI18n();
  const { population } = boundary.properties;
  const km2 = useMemo(() => areaKm2(boundary.geometry), [boundary.geometry]);
  const density = km2 > 0 ? densityInUnits(population / km2, units.distance) : null;
  const target = useMemo(() => ({ geometry: boundary.geometry }), [boundary.geometry]);
  const picked = useAppStore((s) => s.boundaryPick.includes(boundary.properties.id));
  const togglePick = useAppStore((s) => s.toggleBoundaryPick);
  return (
    <>
      <div className="form-actions">
        <button
          type="button"
          className="button button--secondary"
          aria-pressed={picked}
          onClick={() => togglePick(boundary.properties.id)}
          data-action="pick-boundary"
        >
          {picked ? t('pick.remove') : t('pick.add')}
        </button>
      </div>
      <DetailList
        rows={[
          {
            label: t('details.boundary.population'),
            value: formatNumber(locale, population),
            figure: true,
          },
          {
            label: t('details.boundary.area'),
            value: formatKm2(locale, km2, units.distance),
            figure: true,
          },
          {
            label: t('details.boundary.density'),
            value:
              density === null
                ? null
                : t(
                    units.distance === 'imperial'
                      ? 'details.boundary.densityValueMi2'
                      : 'details.boundary.densityValue',
                    { value: formatNumber(locale, Math.round(density)) },
                  ),
          },
        ]}
      />
      <AudiencePanel target={target} title={t('audience.boundaryTitle')} />
    </>
  );
}
