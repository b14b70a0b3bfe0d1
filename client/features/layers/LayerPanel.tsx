// Floating card (bottom-left of the map): layer toggles, each with its legend.
import type { ReactNode } from 'react';
import { ariaKeyShortcuts, type ShortcutId } from '../../app/shortcuts';
import { useI18n } from '../../i18n';
import { useAppStore } from '../../store';
import type { LayerName } from '../../store/types';
import { Icon } from '../../ui/Icon';
import { can } from '../../store/slices/session';
import { ChoroplethControl } from './ChoroplethControl';
import { ChoroplethLegend } from './ChoroplethLegend';
import { BoundaryLegend, CustomerLegend, EventLegend, HeatmapLegend, StoreLegend } from './Legend';

const layerShortcut: Partial<Record<LayerName, ShortcutId>> = {
  boundaries: 'toggleBoundaries',
  stores: 'toggleStores',
  customers: 'toggleCustomers',
  heatmap: 'toggleHeatmap',
};

function LayerToggle({
  name,
  disabled,
  children,
}: {
  name: LayerName;
  disabled?: boolean;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  const on = useAppStore((s) => s.layers[name]);
  const toggle = useAppStore((s) => s.toggleLayer);
  const shortcut = layerShortcut[name];
  return (
    <li className={`layer-toggle layer-toggle--${name}`} data-disabled={disabled || undefined}>
      <label className="switch">
        <input
          type="checkbox"
          role="switch"
          checked={on}
          disabled={disabled}
          onChange={() => toggle(name)}
          data-layer={name}
          aria-keyshortcuts={shortcut ? ariaKeyShortcuts(shortcut) : undefined}
        />
        <span className="switch__track" aria-hidden="true" />
        <span className="switch__label">{t(`layers.${name}` as const)}</span>
      </label>
      {on && !disabled && children}
    </li>
  );
}

export function LayerPanel() {
  const { t } = useI18n();
  const open = useAppStore((s) => s.layerPanelOpen);
  const setOpen = useAppStore((s) => s.setLayerPanelOpen);
  const customersOn = useAppStore((s) => s.layers.customers);
  const heatmapOn = useAppStore((s) => s.layers.heatmap);
  const eventsReadable = useAppStore((s) => can(s.me, 'events:read'));
  const audienceReadable = useAppStore((s) => can(s.me, 'audience:read'));
  // Folded away, the card still carries the choropleth's legend: the colours on the map must stay readable.
  const choropleth = useAppStore((s) => (s.choropleth ? s.choroplethData : null));
  return (
    <section
      className="layer-panel floating-card"
      aria-labelledby="layer-panel-title"
      data-covers-map
    >
      <button
        type="button"
        className="layer-panel__header"
        aria-expanded={open}
        aria-controls="layer-panel-body"
        aria-keyshortcuts={ariaKeyShortcuts('toggleLayerPanel')}
        title={open ? t('layers.hide') : t('layers.show')}
        onClick={() => setOpen(!open)}
      >
        <Icon name="layers" />
        <span id="layer-panel-title">{t('layers.title')}</span>
        <Icon name={open ? 'chevronDown' : 'chevronUp'} size={16} />
      </button>
      {!open && choropleth && (
        <div className="layer-panel__folded-legend">
          <ChoroplethLegend answer={choropleth} titled />
        </div>
      )}
      <ul className="layer-panel__body" id="layer-panel-body" hidden={!open}>
        {eventsReadable && (
          <LayerToggle name="events">
            <EventLegend />
          </LayerToggle>
        )}
        <LayerToggle name="stores">
          <StoreLegend />
        </LayerToggle>
        <LayerToggle name="customers">{!heatmapOn && <CustomerLegend />}</LayerToggle>
        <LayerToggle name="heatmap" disabled={!customersOn}>
          <HeatmapLegend />
        </LayerToggle>
        <LayerToggle name="boundaries">
          <BoundaryLegend />
        </LayerToggle>
        {audienceReadable && <ChoroplethControl />}
      </ul>
    </section>
  );
}
