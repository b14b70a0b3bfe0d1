// "Market share": the Huff model fitted to where customers live and which store they chose — its parameters and fit
// in words, expected against actual share per store, one store's probability surface on the map, and "what if we
// open here?". Escape closes it.
import { useI18n } from '../../i18n';
import { useAppStore } from '../../store';
import { PanelHeader } from '../../ui/PanelHeader';
import { StateMessage } from '../../ui/StateMessage';
import { useEscapeKey } from '../../ui/useEscapeKey';
import { ModelFit } from './ModelFit';
import { ShareTable } from './ShareTable';
import { SurfacePicker } from './SurfacePicker';
import { useMarketModel } from './useMarketModel';
import { WhatIfSection } from './WhatIfSection';

const closeMarketShare = () => useAppStore.getState().setMarketShare(null);

export function MarketSharePanel() {
  const { t } = useI18n();
  const state = useMarketModel();
  useEscapeKey(closeMarketShare);
  return (
    <div className="details" data-kind="market-share">
      <PanelHeader
        kind={t('market.kind')}
        title={t('market.title')}
        closeLabel={t('details.close')}
        onClose={closeMarketShare}
      />
      <div className="details__body market" data-state={state.status}>
        <p className="muted">{t('market.intro')}</p>
        {state.status === 'loading' && (
          <StateMessage tone="loading">{t('market.loading')}</StateMessage>
        )}
        {state.status === 'error' && <StateMessage tone="error">{t('market.error')}</StateMessage>}
        {state.status === 'ready' && state.model.choices === 0 && (
          <StateMessage tone="empty">{t('market.empty')}</StateMessage>
        )}
        {state.status === 'ready' && state.model.choices > 0 && (
          <>
            <WhatIfSection />
            <ModelFit model={state.model} />
            <ShareTable model={state.model} />
            <SurfacePicker model={state.model} />
          </>
        )}
      </div>
    </div>
  );
}
