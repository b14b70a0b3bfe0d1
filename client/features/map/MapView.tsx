// The map, full bleed. Mounting (basemap choice, MapLibre, sync) happens once the workspace config is known.
import { useEffect, useRef, useState } from 'react';
import { loadLists, loadResource } from '../../app/load-data';
import { useI18n } from '../../i18n';
import { useAppStore } from '../../store';
import { StateMessage } from '../../ui/StateMessage';
import { placeEvent } from '../events/actions';
import { placeImported } from '../import/unplaced-actions';
import { travelFromPoint } from '../travel/travel-actions';
import { reportError } from '../toast/report';

type Status = 'waiting' | 'mounting' | 'ready' | 'failed';

export function MapView() {
  const { t } = useI18n();
  const container = useRef<HTMLDivElement>(null);
  const configStatus = useAppStore((s) => s.config.status);
  const [status, setStatus] = useState<Status>('waiting');
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (configStatus !== 'ready' || !container.current) return;
    const controller = new AbortController();
    let destroy: (() => void) | undefined;
    setStatus('mounting');
    const element = container.current;
    // What the map sets off in the features (it imports none of them itself).
    const actions = {
      placeEvent: (id: string, lngLat: [number, number]) =>
        void placeEvent(useAppStore, id, lngLat),
      placeImported: (lngLat: [number, number]) => void placeImported(useAppStore, lngLat),
      travelFrom: (lngLat: [number, number]) => travelFromPoint(useAppStore, lngLat),
      reportError: (error: unknown) => reportError(useAppStore, error),
    };
    // MapLibre is most of the bundle: load it in its own chunk, so the shell and lists appear first.
    import('../../map/mount')
      .then(({ mountMap }) => mountMap(element, useAppStore, controller.signal, actions))
      .then((mounted) => {
        if (!mounted) return;
        if (controller.signal.aborted) return mounted.destroy();
        destroy = mounted.destroy;
        // Tests reach the lists' loader through the hook the map set (a fresh page would load them again too).
        if (window.__catchment) window.__catchment.reloadLists = () => loadLists(useAppStore);
        mounted.map.once('load', () => setStatus('ready'));
      })
      .catch((error: unknown) => {
        // Most likely no WebGL 2: say so instead of leaving a blank area.
        setStatus('failed');
        setFailure(error instanceof Error ? error.message : String(error));
        reportError(useAppStore, error);
      });
    return () => {
      controller.abort();
      destroy?.();
    };
  }, [configStatus]);

  return (
    <div className="map-view" data-status={status}>
      <div ref={container} className="map-view__canvas" />
      {configStatus === 'error' && (
        <div className="map-view__overlay">
          <StateMessage
            tone="error"
            action={{
              label: t('app.retry'),
              onClick: () => void loadResource(useAppStore, 'config'),
            }}
          >
            {t('error.config.title')}
          </StateMessage>
        </div>
      )}
      {status === 'failed' && (
        <div className="map-view__overlay">
          <StateMessage tone="error">
            {t('map.unsupported')} {failure && <span className="muted">({failure})</span>}
          </StateMessage>
        </div>
      )}
      {(status === 'waiting' || status === 'mounting') && configStatus !== 'error' && (
        <div className="map-view__overlay map-view__overlay--quiet">
          <StateMessage tone="loading">{t('map.loading')}</StateMessage>
        </div>
      )}
    </div>
  );
}
