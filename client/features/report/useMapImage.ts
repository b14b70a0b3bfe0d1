// The report's map as an image, drawn once the areas (and the workspace's stores and basemap setting) are known.
import { useEffect, useState } from 'react';
import type { AreaFeature } from '../../api/areas';
import { useAppStore } from '../../store';

type MapImage = { status: 'loading' } | { status: 'ready'; url: string } | { status: 'error' };

/** Drawn at twice the printed size, so the image stays sharp on paper. */
const WIDTH = 1400;
const HEIGHT = 800;

export function useMapImage(areas: AreaFeature[] | null): MapImage {
  const [state, setState] = useState<MapImage>({ status: 'loading' });
  const stores = useAppStore((s) => s.stores.data);
  const styleUrl = useAppStore((s) => s.config.data?.basemap.styleUrl ?? null);
  const key = areas?.map((a) => `${a.id}@${a.properties.version}`).join(',') ?? '';
  useEffect(() => {
    if (!areas || areas.length === 0) return;
    const controller = new AbortController();
    void import('./report-map')
      .then(({ renderReportMap }) =>
        renderReportMap(
          {
            areas: {
              type: 'FeatureCollection',
              features: areas.map((a) => ({
                type: 'Feature',
                geometry: a.geometry,
                properties: { color: a.properties.color, name: a.properties.name },
              })),
            },
            stores: {
              type: 'FeatureCollection',
              features: (stores?.features ?? []).map((s) => ({
                type: 'Feature',
                geometry: s.geometry,
                properties: { brand: s.properties.brand, name: s.properties.name },
              })),
            },
            styleUrl,
            width: WIDTH,
            height: HEIGHT,
          },
          controller.signal,
        ),
      )
      .then(
        (url) => setState({ status: 'ready', url }),
        () => !controller.signal.aborted && setState({ status: 'error' }),
      );
    return () => controller.abort();
    // The key stands for the areas; stores and the style are read as they are when the areas arrive.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, stores, styleUrl]);
  return state;
}
