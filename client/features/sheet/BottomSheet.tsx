// Phone layout (< 768 px): the panels live in a bottom sheet with three heights; the handle steps through them.
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n';
import { useAppStore } from '../../store';
import type { SheetHeight } from '../../store/types';
import { Icon } from '../../ui/Icon';

const next: Record<SheetHeight, SheetHeight> = { peek: 'half', half: 'full', full: 'peek' };

export function BottomSheet({ label, children }: { label: string; children: ReactNode }) {
  const { t } = useI18n();
  const height = useAppStore((s) => s.sheet);
  const setSheet = useAppStore((s) => s.setSheet);
  const expanding = height !== 'full';
  return (
    <section className="bottom-sheet" data-height={height} aria-label={label}>
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
      <div className="bottom-sheet__content">{children}</div>
    </section>
  );
}
