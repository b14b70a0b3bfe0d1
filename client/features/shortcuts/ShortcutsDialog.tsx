// The `?` dialog: every keyboard shortcut, rendered from the same table the key handler runs (app/shortcuts), in the
// shared ui/Dialog (focus trapped, Escape or a click on the backdrop closes it, focus goes back where it was).
import { useId, useMemo } from 'react';
import { mapKeys, shortcutGroups, shortcuts, type ShortcutGroup } from '../../app/shortcuts';
import { useI18n, type Translate } from '../../i18n';
import { useAppStore } from '../../store';
import { can } from '../../store/slices/session';
import { Dialog } from '../../ui/Dialog';

const named = {
  Escape: 'shortcuts.key.escape',
  Mod: 'shortcuts.key.mod',
  Shift: 'shortcuts.key.shift',
  Delete: 'shortcuts.key.delete',
  Backspace: 'shortcuts.key.backspace',
} as const;

function keyLabel(key: string, t: Translate): string {
  return key in named ? t(named[key as keyof typeof named]) : key;
}

/** One key (`H`) or a combination (`Mod+Shift+Z` → Ctrl/⌘ + Shift + Z), each part its own <kbd>. */
function Combination({ spec, t }: { spec: string; t: Translate }) {
  const parts = spec.length > 1 ? spec.split('+') : [spec];
  if (parts.length === 1) return <kbd>{keyLabel(spec, t)}</kbd>;
  return (
    <kbd className="shortcut-combo">
      {parts.map((part, i) => (
        <kbd key={i}>{keyLabel(part, t)}</kbd>
      ))}
    </kbd>
  );
}

function Keys({ keys, t }: { keys: readonly string[]; t: Translate }) {
  return (
    <span className="shortcut-keys">
      {keys.map((key) => (
        <Combination key={key} spec={key} t={t} />
      ))}
    </span>
  );
}

function Group({
  group,
  t,
  omit,
}: {
  group: ShortcutGroup;
  t: Translate;
  omit: readonly string[];
}) {
  const headingId = useId();
  const rows = shortcuts
    .filter((s) => s.group === group && !omit.includes(s.id))
    .map((s) => ({ id: s.id as string, keys: s.keys, label: s.label }));
  if (group === 'map')
    rows.push(...mapKeys.map((m) => ({ id: m.label as string, keys: m.keys, label: m.label })));
  return (
    <section className="shortcut-group" aria-labelledby={headingId}>
      <h3 className="shortcut-group__title" id={headingId}>
        {t(`shortcuts.group.${group}`)}
      </h3>
      <dl className="shortcut-list">
        {rows.map((row) => (
          <div className="shortcut-list__row" key={row.id} data-shortcut={row.id}>
            <dt>
              <Keys keys={row.keys} t={t} />
            </dt>
            <dd>{t(row.label)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

export function ShortcutsDialog() {
  const { t } = useI18n();
  const open = useAppStore((s) => s.shortcutsOpen);
  const setOpen = useAppStore((s) => s.setShortcutsOpen);
  const canDraw = useAppStore((s) => can(s.me, 'areas:write'));
  // Roles that cannot write events have no New event key either, nor an Import key those that cannot import.
  const canWriteEvents = useAppStore((s) => can(s.me, 'events:write'));
  const canImport = useAppStore((s) => can(s.me, 'imports:write'));
  const omit = useMemo(
    () => [...(canWriteEvents ? [] : ['newEvent']), ...(canImport ? [] : ['importFile'])],
    [canWriteEvents, canImport],
  );

  return (
    <Dialog
      open={open}
      onClose={() => setOpen(false)}
      title={t('shortcuts.title')}
      closeLabel={t('shortcuts.close')}
      className="shortcuts-dialog"
      dismissOnBackdrop
    >
      <p className="shortcuts-dialog__hint">{t('shortcuts.hint')}</p>
      <div className="shortcuts-dialog__groups">
        {/* Roles that cannot edit areas have no drawing keys (the key handler ignores them too). */}
        {shortcutGroups
          .filter((group) => group !== 'draw' || canDraw)
          .map((group) => (
            <Group key={group} group={group} t={t} omit={omit} />
          ))}
      </div>
    </Dialog>
  );
}
