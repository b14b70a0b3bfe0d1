// The draw toolbar, floating top-centre on the map: the five drawing tools and Travel time (one pressed), undo/redo.
// Each tool names its key; the hint below says how the active tool works.
import { ariaKeyShortcuts, type ShortcutId } from '../../app/shortcuts';
import { useI18n } from '../../i18n';
import { useAppStore } from '../../store';
import type { DrawTool } from '../../store/slices/areas';
import { Icon, type IconName } from '../../ui/Icon';
import { redo, undo } from './history-actions';
import { startTravelPicking } from '../travel/travel-actions';

const tools: { tool: DrawTool; icon: IconName; shortcut: ShortcutId }[] = [
  { tool: 'select', icon: 'pointer', shortcut: 'drawSelect' },
  { tool: 'circle', icon: 'circle', shortcut: 'drawCircle' },
  { tool: 'polygon', icon: 'polygon', shortcut: 'drawPolygon' },
  { tool: 'freehand', icon: 'freehand', shortcut: 'drawFreehand' },
  { tool: 'rectangle', icon: 'rectangle', shortcut: 'drawRectangle' },
];

export function DrawToolbar() {
  const { t } = useI18n();
  const active = useAppStore((s) => s.tool);
  const picking = useAppStore((s) => s.travelPicking);
  const travelLabel = t('travel.tool');
  const travelKey = ariaKeyShortcuts('drawTravel');
  const setTool = useAppStore((s) => s.setTool);
  const hasDraft = useAppStore((s) => s.draft !== null);
  const canUndo = useAppStore((s) => s.history.past.length > 0) || hasDraft;
  const canRedo = useAppStore((s) => s.history.future.length > 0) || hasDraft;
  return (
    <div className="draw-toolbar-wrap" data-covers-map>
      <div className="draw-toolbar floating-card" role="toolbar" aria-label={t('draw.toolbar')}>
        {tools.map(({ tool, icon, shortcut }) => {
          const label = t(`draw.tool.${tool}`);
          const key = ariaKeyShortcuts(shortcut);
          return (
            <button
              key={tool}
              type="button"
              className="draw-toolbar__button"
              aria-pressed={active === tool && !(tool === 'select' && picking)}
              aria-label={label}
              aria-keyshortcuts={key}
              title={`${label} (${key})`}
              data-tool={tool}
              onClick={() => {
                useAppStore.getState().setTravelPicking(false);
                setTool(tool);
              }}
            >
              <Icon name={icon} />
            </button>
          );
        })}
        <button
          type="button"
          className="draw-toolbar__button"
          aria-pressed={picking}
          aria-label={travelLabel}
          aria-keyshortcuts={travelKey}
          title={`${travelLabel} (${travelKey})`}
          data-tool="travel"
          onClick={() => startTravelPicking(useAppStore)}
        >
          <Icon name="clock" />
        </button>
        <span className="draw-toolbar__sep" aria-hidden="true" />
        <button
          type="button"
          className="draw-toolbar__button"
          aria-label={t('draw.undo')}
          title={t('draw.undo')}
          aria-keyshortcuts={ariaKeyShortcuts('undo')}
          disabled={!canUndo}
          data-action="undo"
          onClick={() => undo(useAppStore)}
        >
          <Icon name="undo" />
        </button>
        <button
          type="button"
          className="draw-toolbar__button"
          aria-label={t('draw.redo')}
          title={t('draw.redo')}
          aria-keyshortcuts={ariaKeyShortcuts('redo')}
          disabled={!canRedo}
          data-action="redo"
          onClick={() => redo(useAppStore)}
        >
          <Icon name="redo" />
        </button>
      </div>
      {active !== 'select' && (
        <p className="draw-toolbar__hint" role="status">
          {t(`draw.hint.${active}`)}
        </p>
      )}
      {picking && (
        <p className="draw-toolbar__hint" role="status">
          {t('travel.hint')}
        </p>
      )}
    </div>
  );
}
