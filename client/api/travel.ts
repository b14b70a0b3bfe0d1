// Travel-time previews (POST /api/isochrones) and a store's trade areas (GET /api/stores/{id}/trade-areas).
import type { IsochroneRequest } from '../../server/domain/schemas/isochrone';
import type { TradeAreaRanking } from '../../server/domain/schemas/trade-area';
import { answer, api, byId, init, type RequestOptions } from './http';

export type { IsochronePreview } from '../../server/domain/schemas/isochrone';
export type { TradeAreaAnswer, TradeAreaRanking } from '../../server/domain/schemas/trade-area';

export const previewIsochrone = (body: IsochroneRequest, options?: RequestOptions) =>
  answer(api.isochrones.$post({ json: body }, init(options)));

export const getTradeAreas = (
  storeId: string,
  query: { primary: number; secondary: number; rankBy: TradeAreaRanking },
  options?: RequestOptions,
) =>
  answer(
    api.stores[':id']['trade-areas'].$get(
      { ...byId(storeId), query: { ...query, resolution: 9 } },
      init(options),
    ),
  );
