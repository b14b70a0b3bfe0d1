// Where the audience panel goes in an area's or a draft's details (who lives in the area: counts, charts, segment
// builder). A saved area's version goes along, so an edited shape is counted again.
import type { AreaGeometry } from '../../../server/domain/schemas/geojson';
import { useAppStore } from '../../store';
import { AudiencePanel } from '../audience/AudiencePanel';

export type AudienceTarget = { areaId: string } | { geometry: AreaGeometry };

export function AudienceSlot({ target }: { target: AudienceTarget }) {
  const areaId = 'areaId' in target ? target.areaId : null;
  const version = useAppStore((s) =>
    areaId === null
      ? undefined
      : s.areas.data?.features.find((f) => f.properties.id === areaId)?.properties.version,
  );
  return <AudiencePanel target={areaId === null ? target : { areaId, version }} />;
}
