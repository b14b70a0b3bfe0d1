// Phone layout (< 768 px): the panels live in a bottom sheet with three heights; the handle steps through them.
import { useRef, type ReactNode } from 'react';
import { useI18n } from '../../i18n';
import { useAppStore } from '../../store';
import type { SheetHeight } from '../../store/types';
import { Icon } from '../../ui/Icon';
import { useScrollReset } from '../../ui/useScrollReset';
import { usePanelSubject } from '../details/DetailsPanel';

const next: Record<SheetHeight, SheetHeight> = { peek: 'half', half: 'full', full: 'peek' };

export function BottomSheet({ label, children }: { label: string; children: ReactNode }) {
  const { t } = useI18n();
  const height = useAppStore((s) => s.sheet);
  const setSheet = useAppStore((s) => s.setSheet);
  const expanding = height !== 'full';
  const content = useRef<HTMLDivElement>(null);
  useScrollReset(content, usePanelSubject());
  return (
    <section className="bottom-sheet" data-height={height} aria-label={label} data-covers-map>
      <button
        type="button"
        className="bottom-sheet__handle"
        aria-expanded={height !== 'peek'}
        aria-label={expanding ? t('sheet.expand') : t('sheet.collapse')}
        onClick={() => setSheet(next[height])}
      >
        <span className="bottom-sheet__grip" aria-hidden="true" />
        <Icon name={expanding ? 'chevronUp' : 'chevronDown'} size={16} />
      </button>
      <div className="bottom-sheet__content" ref={content}>
        {children}
      </div>
    </section>
  );
}
