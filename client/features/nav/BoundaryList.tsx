// Neighbourhoods by name with their population; choosing one selects it and fits the map to it.
import { showOnMap } from '../../app/actions';
import { loadResource } from '../../app/load-data';
import { formatNumber, useI18n } from '../../i18n';
import { useAppStore } from '../../store';
import { isSelected, selectBoundariesByName } from '../../store/selectors';
import { ListItem } from '../../ui/ListItem';
import { ListSection } from '../../ui/ListSection';

export function BoundaryList() {
  const { t, locale } = useI18n();
  const resource = useAppStore((s) => s.boundaries);
  const boundaries = useAppStore(selectBoundariesByName);
  const selection = useAppStore((s) => s.selection);
  return (
    <ListSection
      title={t('nav.boundaries.title')}
      count={resource.status === 'ready' ? formatNumber(locale, boundaries.length) : undefined}
      resource={resource}
      isEmpty={boundaries.length === 0}
      messages={{
        loading: t('nav.boundaries.loading'),
        empty: t('nav.boundaries.empty'),
        error: t('nav.boundaries.error'),
      }}
      onRetry={() => void loadResource(useAppStore, 'boundaries')}
    >
      <ul className="item-list">
        {boundaries.map(({ properties: p }) => (
          <ListItem
            key={p.id}
            row
            selected={isSelected(selection, 'boundary', p.id)}
            onClick={() => showOnMap(useAppStore, { kind: 'boundary', id: p.id })}
          >
            <span className="item__label">{p.name}</span>
            <span className="item__figure">
              {t('nav.boundaries.population', { population: p.population })}
            </span>
          </ListItem>
        ))}
      </ul>
    </ListSection>
  );
}
