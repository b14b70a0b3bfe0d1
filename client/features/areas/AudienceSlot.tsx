// Where the audience panel goes (who lives in the area: counts, charts, segment builder).
// INTEGRATION SLOT: the panel is built on its own branch as client/features/audience/AudiencePanel.tsx with props
// `{ target: { areaId } | { geometry } }`; once it is on main, this component renders
//   <AudiencePanel target={target} />
// Until then it renders an empty, labelled region and no numbers of its own.
import type { AreaGeometry } from '../../../server/domain/schemas/geojson';

export type AudienceTarget = { areaId: string } | { geometry: AreaGeometry };

export function AudienceSlot({ target }: { target: AudienceTarget }) {
  return <section className="audience-slot" data-slot="audience" data-target={'areaId' in target ? `area:${target.areaId}` : 'geometry'} />;
}
