// Phone layout (< 768 px): the panels live in a bottom sheet that rests at four heights (the handle alone, peek, half,
// full). Its handle is dragged between them, pressed to step through them, or moved with Arrow Up / Down.
import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useI18n } from '../../i18n';
import { useAppStore } from '../../store';
import { Icon } from '../../ui/Icon';
import { useScrollReset } from '../../ui/useScrollReset';
import { usePanelSubject } from '../details/DetailsPanel';
import { nextSheetHeight } from './snap';
import { useSheetDrag } from './useSheetDrag';

const arrowKeys: Record<string, 'up' | 'down'> = { ArrowUp: 'up', ArrowDown: 'down' };

export function BottomSheet({ label, children }: { label: string; children: ReactNode }) {
  const { t } = useI18n();
  const height = useAppStore((s) => s.sheet);
  const setSheet = useAppStore((s) => s.setSheet);
  const expanding = height !== 'full';
  const sheet = useRef<HTMLElement>(null);
  const content = useRef<HTMLDivElement>(null);
  useScrollReset(content, usePanelSubject());
  const { handlers, consumeDrag } = useSheetDrag(sheet, height, setSheet);

  const onKeyDown = (event: KeyboardEvent) => {
    const key = arrowKeys[event.key];
    if (!key) return;
    event.preventDefault();
    setSheet(nextSheetHeight(height, key));
  };

  return (
    <section
      ref={sheet}
      className="bottom-sheet"
      data-height={height}
      aria-label={label}
      data-covers-map
    >
      <button
        type="button"
        className="bottom-sheet__handle"
        aria-expanded={height === 'half' || height === 'full'}
        aria-label={expanding ? t('sheet.expand') : t('sheet.collapse')}
        aria-description={t(`sheet.height.${height}`)}
        aria-keyshortcuts="ArrowUp ArrowDown"
        onClick={() => {
          if (!consumeDrag()) setSheet(nextSheetHeight(height, 'press'));
        }}
        onKeyDown={onKeyDown}
        {...handlers}
      >
        <span className="bottom-sheet__grip" aria-hidden="true" />
        <Icon name={expanding ? 'chevronUp' : 'chevronDown'} size={16} />
      </button>
      <div className="bottom-sheet__content" ref={content} hidden={height === 'min'}>
        {children}
      </div>
    </section>
  );
}
