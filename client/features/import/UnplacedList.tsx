// "Needs a place" in the left panel: imported customers and stores that came with an address but no coordinates
// (the geocoder could not find them, or none is set up). Like unplaced events: Place on map, then a click sets the
// place. Shown only to roles that import, and only while rows wait.
import { useEffect } from 'react';
import { useI18n } from '../../i18n';
import { useAppStore } from '../../store';
import { can } from '../../store/slices/session';
import { ListSection } from '../../ui/ListSection';
import { UNPLACED_SECTION_ID, discardImported, loadUnplaced } from './unplaced-actions';

export function UnplacedList() {
  const { t } = useI18n();
  const mayImport = useAppStore((s) => can(s.me, 'imports:write'));
  const resource = useAppStore((s) => s.unplaced);
  const placing = useAppStore((s) => s.placingImport);
  const setPlacing = useAppStore((s) => s.setPlacingImport);

  useEffect(() => {
    if (mayImport) void loadUnplaced(useAppStore);
  }, [mayImport]);

  const list = resource.data;
  if (!mayImport || resource.status === 'idle' || (list && list.total === 0)) return null;
  const more = list ? list.total - list.items.length : 0;
  return (
    <div id={UNPLACED_SECTION_ID} tabIndex={-1} data-testid="unplaced-list">
      <ListSection
        title={t('unplaced.title')}
        count={list ? t('unplaced.count', { count: list.total }) : undefined}
        resource={resource}
        isEmpty={false}
        messages={{
          loading: t('unplaced.loading'),
          empty: t('unplaced.hint'),
          error: t('unplaced.error'),
        }}
        onRetry={() => void loadUnplaced(useAppStore)}
      >
        <p className="unplaced__hint">{t('unplaced.hint')}</p>
        {list && list.geocoding > 0 && (
          <p className="unplaced__hint" role="status">
            {t('unplaced.geocoding', { count: list.geocoding })}
          </p>
        )}
        <ul className="item-list">
          {list?.items.map((row) => {
            const name = row.name || row.id;
            return (
              <li
                className="event-unplaced"
                key={`${row.kind}:${row.id}`}
                data-row={row.id}
                aria-current={
                  placing?.kind === row.kind && placing.id === row.id ? 'true' : undefined
                }
              >
                <span className="item">
                  <span className="item__label">
                    {t(`unplaced.kind.${row.kind}`)} · {name}
                  </span>
                  <span className="item__meta">
                    {row.address} — {t(`unplaced.state.${row.state}`)}
                  </span>
                </span>
                <span className="unplaced__actions">
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    aria-label={t('unplaced.placeLabel', { name })}
                    onClick={() => setPlacing({ kind: row.kind, id: row.id, name: row.name })}
                  >
                    {t('unplaced.place')}
                  </button>
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    aria-label={t('unplaced.discardLabel', { name })}
                    onClick={() => void discardImported(useAppStore, row)}
                  >
                    {t('unplaced.discard')}
                  </button>
                </span>
              </li>
            );
          })}
        </ul>
        {more > 0 && <p className="unplaced__hint">{t('unplaced.more', { count: more })}</p>}
      </ListSection>
    </div>
  );
}
