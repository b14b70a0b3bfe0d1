// Saving one of a store's trade areas as an area of kind `trade`, with what made it (tier, shares, ranking, H3 res).
import { createArea } from '../../api/areas';
import type { StoreFeature } from '../../api/contract';
import type { TradeAreaAnswer } from '../../api/travel';
import { translatorFor } from '../../i18n';
import type { AppStore } from '../../store';
import { record, snapshotOf } from '../../store/history';
import { areaPalette, pickColor } from '../areas/colors';
import { uniqueName } from '../areas/unique-name';
import { reportError } from '../toast/report';

export async function saveTradeArea(
  store: AppStore,
  shop: StoreFeature,
  answer: TradeAreaAnswer,
  tier: 'primary' | 'secondary',
): Promise<void> {
  const found = answer.tiers.find((x) => x.tier === tier);
  if (!found?.geometry) return;
  const state = store.getState();
  const t = translatorFor(state.locale);
  const features = state.areas.data?.features ?? [];
  const name = uniqueName(
    t(`trade.name.${tier}`, { store: shop.properties.name }),
    features.map((f) => f.properties.name),
  );
  try {
    const saved = await createArea({
      kind: 'trade',
      name,
      color: pickColor(
        features.map((f) => f.properties.color),
        areaPalette(),
      ),
      params: {
        storeId: answer.storeId,
        tradeArea: {
          tier,
          primaryPercent: answer.primaryPercent,
          secondaryPercent: answer.secondaryPercent,
          rankBy: answer.rankBy,
          resolution: answer.resolution,
        },
      },
      geometry: found.geometry,
    });
    const next = store.getState();
    next.putAreas([saved]);
    next.setHistory(record(next.history, { type: 'create', areas: [snapshotOf(saved)] }));
    next.select({ kind: 'area', id: saved.properties.id });
  } catch (error) {
    reportError(store, error);
  }
}
