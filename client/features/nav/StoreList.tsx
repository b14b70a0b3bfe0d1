// Stores grouped by brand; choosing one selects it and flies the map there.
import { showOnMap } from '../../app/actions';
import { loadResource } from '../../app/load-data';
import { useI18n } from '../../i18n';
import { useAppStore } from '../../store';
import { isSelected, selectStoresByBrand } from '../../store/selectors';
import { BrandMark } from '../layers/BrandMark';
import { useBrandStyles } from '../layers/brand-styles';
import { ListItem } from '../../ui/ListItem';
import { ListSection } from '../../ui/ListSection';

export function StoreList() {
  const { t } = useI18n();
  const resource = useAppStore((s) => s.stores);
  const groups = useAppStore(selectStoresByBrand);
  const selection = useAppStore((s) => s.selection);
  const styles = useBrandStyles();
  const total = groups.reduce((sum, g) => sum + g.stores.length, 0);
  return (
    <ListSection
      title={t('nav.stores.title')}
      count={resource.status === 'ready' ? t('nav.stores.count', { count: total }) : undefined}
      resource={resource}
      isEmpty={total === 0}
      messages={{
        loading: t('nav.stores.loading'),
        empty: t('nav.stores.empty'),
        error: t('nav.stores.error'),
      }}
      onRetry={() => void loadResource(useAppStore, 'stores')}
    >
      {groups.map((group) => (
        <div className="list-group" key={group.brand}>
          <h3 className="list-group__title">
            <BrandMark style={styles.find((s) => s.brand === group.brand)} />
            <span>{group.brand}</span>
          </h3>
          <ul className="item-list">
            {group.stores.map(({ properties: p }) => (
              <ListItem
                key={p.id}
                selected={isSelected(selection, 'store', p.id)}
                onClick={() => showOnMap(useAppStore, { kind: 'store', id: p.id })}
              >
                <span className="item__label">{p.name}</span>
                <span className="item__meta">{p.address}</span>
              </ListItem>
            ))}
          </ul>
        </div>
      ))}
    </ListSection>
  );
}
