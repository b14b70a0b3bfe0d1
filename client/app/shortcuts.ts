// The keyboard shortcuts as data: the key handler (app/keyboard) and the `?` dialog both read this table,
// so what the dialog lists is what the keys do. Pure: no DOM, no store, so it is unit-tested in node.
import type { MessageKey } from '../i18n/types';

export const shortcutIds = [
  'showShortcuts',
  'focusSearch',
  'toggleNav',
  'toggleLayerPanel',
  'closeDetails',
  'toggleHeatmap',
  'toggleBoundaries',
  'toggleStores',
  'toggleCustomers',
  'fitCity',
  'newEvent',
  'importFile',
  'drawCircle',
  'drawPolygon',
  'drawFreehand',
  'drawRectangle',
  'drawTravel',
  'drawSelect',
  'deleteSelection',
  'cancelDrawing',
  'undo',
  'redo',
] as const;
export type ShortcutId = (typeof shortcutIds)[number];

export type ShortcutGroup = 'general' | 'draw' | 'layers' | 'map';

/** Shortcut descriptions live under `shortcuts.` in the catalogs (plain messages, no placeholders). */
export type ShortcutLabel = Extract<MessageKey, `shortcuts.${string}`>;

export interface Shortcut {
  id: ShortcutId;
  /**
   * `KeyboardEvent.key` values; letters match either case. The first is the one shown. A `Mod+` prefix needs
   * Ctrl (or ⌘ on a Mac), `Shift+` needs Shift: `Mod+Shift+Z`. Keys without a prefix fire without Ctrl, ⌘ or Alt.
   */
  keys: readonly string[];
  group: ShortcutGroup;
  label: ShortcutLabel;
  /** Also fires while focus is in a text field (Escape: fields that need it stop it first). */
  whileTyping?: boolean;
}

/**
 * Shortcuts in the order they are tried: when several share a key, the first whose action applies wins
 * (Escape cancels a half-drawn shape before it closes the details).
 */
export const shortcuts: readonly Shortcut[] = [
  { id: 'showShortcuts', keys: ['?'], group: 'general', label: 'shortcuts.showShortcuts' },
  { id: 'focusSearch', keys: ['/'], group: 'general', label: 'shortcuts.focusSearch' },
  { id: 'toggleNav', keys: ['['], group: 'general', label: 'shortcuts.toggleNav' },
  { id: 'toggleLayerPanel', keys: ['L'], group: 'general', label: 'shortcuts.toggleLayerPanel' },
  { id: 'cancelDrawing', keys: ['Escape'], group: 'draw', label: 'shortcuts.cancelDrawing' },
  {
    id: 'closeDetails',
    keys: ['Escape'],
    group: 'general',
    label: 'shortcuts.closeDetails',
    whileTyping: true,
  },
  { id: 'newEvent', keys: ['E'], group: 'general', label: 'shortcuts.newEvent' },
  { id: 'importFile', keys: ['I'], group: 'general', label: 'shortcuts.import' },
  { id: 'drawCircle', keys: ['C'], group: 'draw', label: 'shortcuts.drawCircle' },
  { id: 'drawPolygon', keys: ['P'], group: 'draw', label: 'shortcuts.drawPolygon' },
  { id: 'drawFreehand', keys: ['D'], group: 'draw', label: 'shortcuts.drawFreehand' },
  { id: 'drawRectangle', keys: ['R'], group: 'draw', label: 'shortcuts.drawRectangle' },
  { id: 'drawTravel', keys: ['T'], group: 'draw', label: 'shortcuts.drawTravel' },
  { id: 'drawSelect', keys: ['V'], group: 'draw', label: 'shortcuts.drawSelect' },
  {
    id: 'deleteSelection',
    keys: ['Delete', 'Backspace'],
    group: 'draw',
    label: 'shortcuts.deleteSelection',
  },
  { id: 'undo', keys: ['Mod+Z'], group: 'draw', label: 'shortcuts.undo' },
  { id: 'redo', keys: ['Mod+Shift+Z', 'Mod+Y'], group: 'draw', label: 'shortcuts.redo' },
  { id: 'toggleHeatmap', keys: ['H'], group: 'layers', label: 'shortcuts.toggleHeatmap' },
  { id: 'toggleBoundaries', keys: ['B'], group: 'layers', label: 'shortcuts.toggleBoundaries' },
  { id: 'toggleStores', keys: ['S'], group: 'layers', label: 'shortcuts.toggleStores' },
  { id: 'toggleCustomers', keys: ['U'], group: 'layers', label: 'shortcuts.toggleCustomers' },
  { id: 'fitCity', keys: ['F'], group: 'map', label: 'shortcuts.fitCity' },
];

/** Keys MapLibre handles itself while the map has focus; listed in the dialog, not handled by us. */
export const mapKeys: readonly { keys: readonly string[]; label: ShortcutLabel }[] = [
  { keys: ['←', '↑', '→', '↓'], label: 'shortcuts.map.pan' },
  { keys: ['+', '−'], label: 'shortcuts.map.zoom' },
];

export const shortcutGroups: readonly ShortcutGroup[] = ['general', 'draw', 'layers', 'map'];

/** The part of a KeyboardEvent the matcher needs (a plain object in tests). */
export interface KeyInput {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  shiftKey?: boolean;
  repeat?: boolean;
  /** AltGr (reported as Ctrl+Alt on Windows) types `[`, `/` and `?` on many layouts, so it is not a modifier here. */
  altGraph?: boolean;
  target?: unknown;
}

/** Input types that take no text: letters typed there are not typing. */
const nonTextInputs = new Set([
  'checkbox',
  'radio',
  'button',
  'submit',
  'reset',
  'range',
  'color',
  'file',
  'image',
]);

/**
 * Whether key presses on `target` are typing (a text field, a select, contenteditable), so shortcuts keep out.
 * @example isTypingTarget({ tagName: 'INPUT', type: 'search' }) // true
 */
export function isTypingTarget(target: unknown): boolean {
  if (!target || typeof target !== 'object') return false;
  const el = target as { tagName?: unknown; type?: unknown; isContentEditable?: unknown };
  if (el.isContentEditable === true) return true;
  const tag = typeof el.tagName === 'string' ? el.tagName.toUpperCase() : '';
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = typeof el.type === 'string' ? el.type.toLowerCase() : 'text';
  return !nonTextInputs.has(type);
}

const sameKey = (a: string, b: string) =>
  a === b || (a.length === 1 && b.length === 1 && a.toLowerCase() === b.toLowerCase());

export interface KeySpec {
  key: string;
  /** Ctrl or ⌘ */
  mod: boolean;
  shift: boolean;
}

/** `Mod+Shift+Z` → `{ key: 'Z', mod: true, shift: true }`. A lone `+` is the plus key. */
export function parseKeySpec(spec: string): KeySpec {
  const parts = spec.length > 1 ? spec.split('+') : [spec];
  const key = parts.pop() || '+';
  return { key, mod: parts.includes('Mod'), shift: parts.includes('Shift') };
}

function keyMatches(spec: string, input: KeyInput): boolean {
  const { key, mod, shift } = parseKeySpec(spec);
  if (!sameKey(key, input.key)) return false;
  if (mod) return !!(input.ctrlKey || input.metaKey) && !input.altKey && !!input.shiftKey === shift;
  if (input.metaKey) return false;
  return !((input.ctrlKey || input.altKey) && !input.altGraph);
}

/**
 * Every shortcut a key press may mean, in the order to try them: none while typing in a field (except
 * `whileTyping` ones), none for Ctrl, ⌘ or Alt combinations the table does not name (those belong to the
 * browser and the system), none for auto-repeat.
 * @example shortcutsFor({ key: 'Escape' }).map((s) => s.id) // ['cancelDrawing', 'closeDetails']
 */
export function shortcutsFor(input: KeyInput): Shortcut[] {
  if (input.repeat) return [];
  const typing = isTypingTarget(input.target);
  return shortcuts.filter(
    (s) => s.keys.some((k) => keyMatches(k, input)) && (s.whileTyping || !typing),
  );
}

/**
 * The first shortcut a key press means, or null.
 * @example shortcutFor({ key: 'h' })?.id // 'toggleHeatmap'
 */
export function shortcutFor(input: KeyInput): Shortcut | null {
  return shortcutsFor(input)[0] ?? null;
}

/** The keys of a shortcut for `aria-keyshortcuts` (space-separated alternatives; `Mod` is Control or Meta). */
export function ariaKeyShortcuts(id: ShortcutId): string {
  const keys = shortcuts.find((s) => s.id === id)?.keys ?? [];
  return keys
    .flatMap((k) =>
      k.startsWith('Mod+') ? [k.replace('Mod+', 'Control+'), k.replace('Mod+', 'Meta+')] : [k],
    )
    .join(' ');
}
