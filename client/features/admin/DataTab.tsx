// The data tab: downloads of the workspace's stores, neighbourhoods and customers, and removing the demo city.
import { useState } from 'react';
import { getDemoData, removeDemoData } from '../../api/client';
import { loadWorkspace } from '../../app/load-data';
import { useI18n } from '../../i18n';
import { useAppStore } from '../../store';
import { can } from '../../store/slices/session';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { StateMessage } from '../../ui/StateMessage';
import { DownloadLinks } from '../nav/DownloadLinks';
import { reportError } from '../toast/report';
import { useLoad } from './useLoad';

const loadDemo = (signal: AbortSignal) => getDemoData({ signal });

function Downloads() {
  const { t } = useI18n();
  return (
    <section className="data-section" aria-labelledby="data-exports-title">
      <h3 id="data-exports-title" className="webhook-secret__title">
        {t('data.exports.title')}
      </h3>
      <p className="dialog__hint">{t('data.exports.intro')}</p>
      <DownloadLinks explain />
    </section>
  );
}

function DemoData() {
  const { t } = useI18n();
  const [demo, reload] = useLoad(loadDemo);
  const [busy, setBusy] = useState(false);

  const remove = async () => {
    setBusy(true);
    try {
      const removed = await removeDemoData();
      useAppStore.getState().pushToast({
        tone: 'info',
        title: t('data.demo.removed'),
        detail: t('data.demo.removedDetail', {
          customers: removed.customers,
          stores: removed.stores,
        }),
      });
      reload();
      // Stores, neighbourhoods, events and the map (its basemap and customer tiles) load again.
      void loadWorkspace(useAppStore);
    } catch (error) {
      reportError(useAppStore, error);
    } finally {
      setBusy(false);
    }
  };

  let body;
  if (demo.status === 'error')
    body = (
      <StateMessage tone="error" action={{ label: t('app.retry'), onClick: reload }}>
        {t('data.demo.loadFailed')}
      </StateMessage>
    );
  else if (!demo.data) body = <StateMessage tone="loading">{t('app.loading')}</StateMessage>;
  else if (!demo.data.present) body = <p className="dialog__hint">{t('data.demo.absent')}</p>;
  else {
    const counts = {
      stores: demo.data.stores,
      customers: demo.data.customers,
      boundaries: demo.data.boundaries,
      events: demo.data.events,
    };
    body = (
      <>
        <p className="dialog__hint">{t('data.demo.present', counts)}</p>
        <div>
          <ConfirmButton
            label={t('data.demo.remove')}
            question={t('data.demo.question', counts)}
            confirmLabel={t('data.demo.confirm')}
            onConfirm={() => void remove()}
            disabled={busy}
          />
        </div>
      </>
    );
  }
  return (
    <section className="data-section" aria-labelledby="data-demo-title">
      <h3 id="data-demo-title" className="webhook-secret__title">
        {t('data.demo.title')}
      </h3>
      {body}
    </section>
  );
}

export function DataTab() {
  const mayRemoveDemo = useAppStore((s) => can(s.me, 'settings:write'));
  return (
    <div className="admin-tab">
      <Downloads />
      {mayRemoveDemo && <DemoData />}
    </div>
  );
}
