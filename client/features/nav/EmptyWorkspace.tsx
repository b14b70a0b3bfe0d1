// What a workspace with no stores and no neighbourhoods shows first: the way to the import (or, for roles that cannot
// import, who can).
import { useEffect } from 'react';
import { openImport } from '../../app/open-import';
import { useI18n } from '../../i18n';
import { useAppStore } from '../../store';
import { can } from '../../store/slices/session';
import { PHONE_QUERY, useMediaQuery } from '../../ui/useMediaQuery';

/** True once stores and neighbourhoods have loaded and there are none of either. */
export const useIsEmptyWorkspace = () =>
  useAppStore(
    (s) =>
      s.stores.status === 'ready' &&
      s.boundaries.status === 'ready' &&
      (s.stores.data?.features.length ?? 0) === 0 &&
      (s.boundaries.data?.features.length ?? 0) === 0,
  );

export function EmptyWorkspace() {
  const { t } = useI18n();
  const mayImport = useAppStore((s) => can(s.me, 'imports:write'));
  const phone = useMediaQuery(PHONE_QUERY);
  // On a phone the lists live in the bottom sheet: lift it, since the empty map has nothing to show meanwhile.
  useEffect(() => {
    if (phone) useAppStore.getState().setSheet('half');
  }, [phone]);
  return (
    <section className="empty-workspace" aria-labelledby="empty-workspace-title">
      <h2 id="empty-workspace-title" className="empty-workspace__title">
        {t('empty.title')}
      </h2>
      <p className="empty-workspace__body">{t('empty.body')}</p>
      {mayImport ? (
        <button type="button" className="button button--primary" onClick={openImport}>
          {t('empty.import')}
        </button>
      ) : (
        <p className="empty-workspace__body">{t('empty.askOwner')}</p>
      )}
    </section>
  );
}
