// A campaign's page in the Details panel: the offer, channel, window in the campaign's time zone, areas (each opens
// its own panel), audience, triggers in words, Delete, its results and when it was live. The allowed status changes
// and Edit are its main actions (CampaignActions, in the panel's pinned foot).
import { useState } from 'react';
import { formatProblem } from '../../api/problem';
import type { CampaignRecord } from '../../api/contract';
import { campaignTransitions } from '../../../server/domain/schemas/campaign';
import { dateTimeFormat, formatNumber, useI18n } from '../../i18n';
import { useAppStore } from '../../store';
import { can } from '../../store/slices/session';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { showArea } from '../areas/actions';
import { DetailList } from '../../ui/DetailList';
import { ActivationTimeline } from './ActivationTimeline';
import { CampaignResults } from './CampaignResults';
import { changeCampaignStatus, openEditCampaign, removeCampaign } from './actions';
import { LiveBadge, StatusChip } from './StatusChip';
import { describeTrigger } from './trigger-text';
import { areaName, useLiveAreaIds } from './selectors';
import { useSegmentText } from './useSegmentText';

/** The status changes this campaign allows, and Edit: for writers, in the panel's foot. */
export function CampaignActions({ campaign: c }: { campaign: CampaignRecord }) {
  const { t } = useI18n();
  const mayWrite = useAppStore((s) => can(s.me, 'campaigns:write'));
  if (!mayWrite) return null;
  return (
    <>
      <StatusActions campaign={c} />
      {c.status !== 'ended' && (
        <button
          type="button"
          className="button button--secondary"
          data-action="edit-campaign"
          onClick={() => openEditCampaign(useAppStore, c)}
        >
          {t('campaigns.edit')}
        </button>
      )}
    </>
  );
}

function StatusActions({ campaign }: { campaign: CampaignRecord }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const next = campaignTransitions[campaign.status];
  if (next.length === 0) return null;
  return (
    <div
      className="campaign-status-actions"
      role="group"
      aria-label={t('campaigns.details.statusActions')}
    >
      {next.map((status) => (
        <button
          key={status}
          type="button"
          className={status === 'ended' ? 'button button--secondary' : 'button button--primary'}
          data-status-action={status}
          disabled={busy}
          onClick={() => {
            setBusy(true);
            void changeCampaignStatus(useAppStore, campaign, status).finally(() => setBusy(false));
          }}
        >
          {campaign.status === 'paused' && status === 'active'
            ? t('campaigns.action.resume')
            : t(`campaigns.action.${status}`)}
        </button>
      ))}
    </div>
  );
}

export function CampaignDetails({ campaign: c }: { campaign: CampaignRecord }) {
  const { t, locale, units } = useI18n();
  const mayWrite = useAppStore((s) => can(s.me, 'campaigns:write'));
  const names = useAppStore((s) => c.areaIds.map((id) => areaName(s, id) ?? id).join('\u0000'));
  const events = useAppStore((s) => s.events.data?.features);
  const liveAreas = useLiveAreaIds(c.id);
  const segmentText = useSegmentText(c.segment);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const runs = dateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: c.timezone,
  }).formatRange(new Date(c.startsAt), new Date(c.endsAt));
  const eventName = (id: string) => events?.find((e) => e.id === id)?.properties.name;
  const areaNames = names.split('\u0000');

  return (
    <div className="campaign-details">
      <div className="campaign-details__status">
        <StatusChip status={c.status} />
        {liveAreas.length > 0 && <LiveBadge />}
      </div>
      <div className="campaign-offer" data-campaign="offer">
        <p className="campaign-offer__headline">{c.offer.headline}</p>
        {c.offer.body && <p className="campaign-offer__body">{c.offer.body}</p>}
        <p className="campaign-offer__code">
          <code>{c.offer.code}</code>
          {c.offer.discountPercent !== null && (
            <span>−{formatNumber(locale, c.offer.discountPercent)} %</span>
          )}
        </p>
      </div>
      <DetailList
        rows={[
          { label: t('campaigns.details.channel'), value: t(`campaigns.channel.${c.channel}`) },
          {
            label: t('campaigns.details.window'),
            value: <span data-campaign="window">{`${runs} (${c.timezone})`}</span>,
          },
          {
            label: t('campaigns.details.areas'),
            value: (
              <ul className="campaign-areas">
                {c.areaIds.map((id, i) => (
                  <li key={id}>
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => showArea(useAppStore, id)}
                    >
                      {areaNames[i]}
                    </button>
                    {liveAreas.includes(id) && <LiveBadge />}
                  </li>
                ))}
              </ul>
            ),
          },
          {
            label: t('campaigns.details.segment'),
            value: segmentText ?? t('campaigns.details.segmentAll'),
          },
          {
            label: t('campaigns.details.holdout'),
            value: c.holdoutPercent ? `${formatNumber(locale, c.holdoutPercent)} %` : null,
          },
          {
            label: t('campaigns.form.frequencyCap'),
            value: c.frequencyCap
              ? t('campaigns.details.frequencyCap', {
                  max: c.frequencyCap.maxPerCustomer,
                  days: c.frequencyCap.perDays,
                })
              : null,
          },
        ]}
      />
      <section className="campaign-section" aria-labelledby="campaign-triggers-title">
        <h3 className="audience__title" id="campaign-triggers-title">
          {t('campaigns.details.triggers')}
        </h3>
        {c.triggers.length === 0 ? (
          <p className="muted">{t('campaigns.details.triggersNone')}</p>
        ) : (
          <>
            {c.triggers.length > 1 && (
              <p className="muted">{t(`campaigns.details.triggerMode.${c.triggerMode}`)}</p>
            )}
            <ul className="campaign-triggers" data-campaign="triggers">
              {c.triggers.map((trigger, i) => (
                <li key={i} data-trigger-type={trigger.type}>
                  <span className="campaign-triggers__type">
                    {t(`campaigns.triggerType.${trigger.type}`)}
                  </span>
                  {describeTrigger(trigger, { t, locale, eventName, units })}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      {mayWrite && (
        <>
          <div className="form-actions">
            <ConfirmButton
              label={t('campaigns.delete')}
              question={t('campaigns.deleteQuestion', { name: c.name })}
              confirmLabel={t('campaigns.deleteConfirm')}
              onConfirm={() =>
                void removeCampaign(useAppStore, c).then((result) => {
                  if (!result.ok && result.error)
                    setDeleteError(
                      formatProblem(result.error, t).detail || formatProblem(result.error, t).title,
                    );
                })
              }
            />
          </div>
          {deleteError && (
            <p className="field__error" role="alert" data-campaign="delete-error">
              {deleteError}
            </p>
          )}
        </>
      )}
      <CampaignResults campaignId={c.id} version={c.version} />
      <ActivationTimeline key={c.id} campaign={c} />
    </div>
  );
}
