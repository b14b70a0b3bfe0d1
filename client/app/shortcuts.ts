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
] as const;
export type ShortcutId = (typeof shortcutIds)[number];

export type ShortcutGroup = 'general' | 'layers' | 'map';

/** Shortcut descriptions live under `shortcuts.` in the catalogs (plain messages, no placeholders). */
export type ShortcutLabel = Extract<MessageKey, `shortcuts.${string}`>;

export interface Shortcut {
  id: ShortcutId;
  /** `KeyboardEvent.key` values; letters match either case. The first is the one shown. */
  keys: readonly string[];
  group: ShortcutGroup;
  label: ShortcutLabel;
  /** Also fires while focus is in a text field (Escape: fields that need it stop it first). */
  whileTyping?: boolean;
}

export const shortcuts: readonly Shortcut[] = [
  { id: 'showShortcuts', keys: ['?'], group: 'general', label: 'shortcuts.showShortcuts' },
  { id: 'focusSearch', keys: ['/'], group: 'general', label: 'shortcuts.focusSearch' },
  { id: 'toggleNav', keys: ['['], group: 'general', label: 'shortcuts.toggleNav' },
  { id: 'toggleLayerPanel', keys: ['L'], group: 'general', label: 'shortcuts.toggleLayerPanel' },
  { id: 'closeDetails', keys: ['Escape'], group: 'general', label: 'shortcuts.closeDetails', whileTyping: true },
  { id: 'toggleHeatmap', keys: ['H'], group: 'layers', label: 'shortcuts.toggleHeatmap' },
  { id: 'toggleBoundaries', keys: ['B'], group: 'layers', label: 'shortcuts.toggleBoundaries' },
  { id: 'toggleStores', keys: ['S'], group: 'layers', label: 'shortcuts.toggleStores' },
  { id: 'toggleCustomers', keys: ['C'], group: 'layers', label: 'shortcuts.toggleCustomers' },
  { id: 'fitCity', keys: ['F'], group: 'map', label: 'shortcuts.fitCity' },
];

/** Keys MapLibre handles itself while the map has focus; listed in the dialog, not handled by us. */
export const mapKeys: readonly { keys: readonly string[]; label: ShortcutLabel }[] = [
  { keys: ['←', '↑', '→', '↓'], label: 'shortcuts.map.pan' },
  { keys: ['+', '−'], label: 'shortcuts.map.zoom' },
];

export const shortcutGroups: readonly ShortcutGroup[] = ['general', 'layers', 'map'];

/** The part of a KeyboardEvent the matcher needs (a plain object in tests). */
export interface KeyInput {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  repeat?: boolean;
  /** AltGr (reported as Ctrl+Alt on Windows) types `[`, `/` and `?` on many layouts, so it is not a modifier here. */
  altGraph?: boolean;
  target?: unknown;
}

/** Input types that take no text: letters typed there are not typing. */
const nonTextInputs = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file', 'image']);

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

const sameKey = (a: string, b: string) => a === b || (a.length === 1 && b.length === 1 && a.toLowerCase() === b.toLowerCase());

/**
 * The shortcut a key press means, or null: none while typing in a field (except `whileTyping` ones),
 * none with Ctrl, Meta or Alt held (those belong to the browser and the system), none for auto-repeat.
 * @example shortcutFor({ key: 'h' })?.id // 'toggleHeatmap'
 */
export function shortcutFor(input: KeyInput): Shortcut | null {
  if (input.repeat) return null;
  if (input.metaKey) return null;
  if ((input.ctrlKey || input.altKey) && !input.altGraph) return null;
  const shortcut = shortcuts.find((s) => s.keys.some((k) => sameKey(k, input.key)));
  if (!shortcut) return null;
  if (!shortcut.whileTyping && isTypingTarget(input.target)) return null;
  return shortcut;
}

/** The keys of a shortcut for `aria-keyshortcuts` (space-separated alternatives). */
export function ariaKeyShortcuts(id: ShortcutId): string {
  return shortcuts.find((s) => s.id === id)?.keys.join(' ') ?? '';
}
