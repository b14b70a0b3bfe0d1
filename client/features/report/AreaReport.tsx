// One area in the report: its key figures, its profile against the city, the events near it and the campaigns that
// target it with their results (the campaign results panel itself, so its figures read the same here as in the app).
import type { Audience } from '../../api/contract';
import type { AreaFeature } from '../../api/areas';
import { dateTimeFormat, formatDistance, useI18n } from '../../i18n';
import { useAppStore } from '../../store';
import { CampaignResults } from '../campaigns/CampaignResults';
import { Figures } from './ReportFigures';
import { ReportProfile } from './ReportProfile';
import { nearbyEvents, NEARBY_METERS } from './nearby';
import { useSectionLabel } from './section-label';

function Events({ area, at, areaTitleId }: { area: AreaFeature; at: Date; areaTitleId?: string }) {
  const { t, locale, units } = useI18n();
  const label = useSectionLabel(areaTitleId);
  const events = useAppStore((s) => s.events.data?.features) ?? [];
  const near = nearbyEvents(
    events.map((e) => ({
      id: e.id,
      name: e.properties.name,
      startsAt: e.properties.startsAt,
      endsAt: e.properties.endsAt,
      location: e.geometry ? (e.geometry.coordinates as [number, number]) : null,
      timezone: e.properties.timezone,
    })),
    area.geometry,
    { at },
  );
  const when = (iso: string, timeZone: string) =>
    dateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(
      new Date(iso),
    );
  return (
    <section className="report-section" aria-labelledby={label.labelledBy}>
      <h2 id={label.headingId}>{t('report.events.title')}</h2>
      {near.length === 0 ? (
        <p className="muted">
          {t('report.events.none', {
            distance: formatDistance(locale, NEARBY_METERS, units.distance),
          })}
        </p>
      ) : (
        <table className="report-table report-table--wide">
          <thead>
            <tr>
              <th scope="col">{t('report.events.name')}</th>
              <th scope="col">{t('report.events.when')}</th>
              <th scope="col">{t('report.events.where')}</th>
            </tr>
          </thead>
          <tbody>
            {near.map((event) => (
              <tr key={event.id}>
                <th scope="row">{event.name}</th>
                <td>{when(event.startsAt, event.timezone)}</td>
                <td>
                  {event.meters === 0
                    ? t('report.events.inside')
                    : t('report.events.distance', {
                        distance: formatDistance(
                          locale,
                          Math.round(event.meters / 10) * 10,
                          units.distance,
                        ),
                      })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Campaigns({ area, areaTitleId }: { area: AreaFeature; areaTitleId?: string }) {
  const { t } = useI18n();
  const label = useSectionLabel(areaTitleId);
  const all = useAppStore((s) => s.campaigns.data?.campaigns) ?? [];
  const campaigns = all.filter((c) => area.id !== undefined && c.areaIds.includes(area.id));
  return (
    <section className="report-section report-campaigns" aria-labelledby={label.labelledBy}>
      <h2 id={label.headingId}>{t('report.campaigns.title')}</h2>
      {campaigns.length === 0 ? (
        <p className="muted">{t('report.campaigns.none')}</p>
      ) : (
        campaigns.map((campaign) => (
          <article className="report-campaign" key={campaign.id} data-campaign={campaign.id}>
            <h3>
              {campaign.name}{' '}
              <span className="report-campaign__status">
                · {t(`campaigns.status.${campaign.status}`)}
              </span>
            </h3>
            <CampaignResults campaignId={campaign.id} version={campaign.version} />
          </article>
        ))
      )}
    </section>
  );
}

export function AreaReport({
  area,
  audience,
  at,
  figures = true,
  areaTitleId,
}: {
  area: AreaFeature;
  audience: Audience;
  at: Date;
  /** False in a comparison, whose figures stand side by side above the areas. */
  figures?: boolean;
  /** In a comparison, the id of the area's title, which names each of its sections first. */
  areaTitleId?: string;
}) {
  return (
    <div className="report-area" data-area={area.id}>
      {figures && <Figures area={area} audience={audience} />}
      <ReportProfile audience={audience} areaTitleId={areaTitleId} />
      <Events area={area} at={at} areaTitleId={areaTitleId} />
      <Campaigns area={area} areaTitleId={areaTitleId} />
    </div>
  );
}
