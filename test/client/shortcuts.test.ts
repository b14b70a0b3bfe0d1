import { describe, expect, it } from 'vitest';
import {
  ariaKeyShortcuts,
  isTypingTarget,
  parseKeySpec,
  shortcutFor,
  shortcutIds,
  shortcuts,
  shortcutsFor,
} from '../../client/app/shortcuts';
import { en } from '../../client/i18n/messages/en';
import { de } from '../../client/i18n/messages/de';

const input = (type = 'text') => ({ tagName: 'INPUT', type });

describe('keyboard shortcuts', () => {
  it('maps each key to one shortcut, letters in either case', () => {
    expect(shortcutFor({ key: 'h' })?.id).toBe('toggleHeatmap');
    expect(shortcutFor({ key: 'H' })?.id).toBe('toggleHeatmap');
    expect(shortcutFor({ key: '/' })?.id).toBe('focusSearch');
    expect(shortcutFor({ key: '?' })?.id).toBe('showShortcuts');
    expect(shortcutFor({ key: 'q' })).toBeNull();
    // Escape is the one key shared on purpose: it cancels a half-drawn shape first, then closes the details.
    const keys = shortcuts
      .flatMap((s) => s.keys.map((k) => k.toLowerCase()))
      .filter((k) => k !== 'escape');
    expect(new Set(keys).size).toBe(keys.length);
    expect(shortcutsFor({ key: 'Escape' }).map((s) => s.id)).toEqual([
      'cancelDrawing',
      'closeDetails',
    ]);
  });

  it('drawing tools have their letters; customers moved from C to U', () => {
    expect(shortcutFor({ key: 'c' })?.id).toBe('drawCircle');
    expect(shortcutFor({ key: 'p' })?.id).toBe('drawPolygon');
    expect(shortcutFor({ key: 'd' })?.id).toBe('drawFreehand');
    expect(shortcutFor({ key: 'r' })?.id).toBe('drawRectangle');
    expect(shortcutFor({ key: 'v' })?.id).toBe('drawSelect');
    expect(shortcutFor({ key: 'u' })?.id).toBe('toggleCustomers');
    expect(shortcutFor({ key: 'Delete' })?.id).toBe('deleteSelection');
    expect(shortcutFor({ key: 'Backspace' })?.id).toBe('deleteSelection');
    // Backspace in a text field deletes text, not the area.
    expect(shortcutFor({ key: 'Backspace', target: input('text') })).toBeNull();
  });

  it('undo is Ctrl+Z or ⌘Z; redo is Ctrl+Shift+Z, ⌘⇧Z or Ctrl+Y', () => {
    expect(shortcutFor({ key: 'z', ctrlKey: true })?.id).toBe('undo');
    expect(shortcutFor({ key: 'z', metaKey: true })?.id).toBe('undo');
    expect(shortcutFor({ key: 'Z', ctrlKey: true, shiftKey: true })?.id).toBe('redo');
    expect(shortcutFor({ key: 'z', metaKey: true, shiftKey: true })?.id).toBe('redo');
    expect(shortcutFor({ key: 'y', ctrlKey: true })?.id).toBe('redo');
    // Without the modifier Z is nothing; with Alt added it is the system's.
    expect(shortcutFor({ key: 'z' })).toBeNull();
    expect(shortcutFor({ key: 'z', ctrlKey: true, altKey: true })).toBeNull();
    // In a text field Ctrl+Z undoes typing, not areas.
    expect(shortcutFor({ key: 'z', ctrlKey: true, target: input('text') })).toBeNull();
    expect(parseKeySpec('Mod+Shift+Z')).toEqual({ key: 'Z', mod: true, shift: true });
    expect(parseKeySpec('+')).toEqual({ key: '+', mod: false, shift: false });
    expect(ariaKeyShortcuts('undo')).toBe('Control+Z Meta+Z');
  });

  it('keeps out of text fields but not out of switches; Escape works while typing', () => {
    expect(shortcutFor({ key: 'h', target: input('search') })).toBeNull();
    expect(shortcutFor({ key: 'h', target: { tagName: 'TEXTAREA' } })).toBeNull();
    expect(
      shortcutFor({ key: 'h', target: { tagName: 'DIV', isContentEditable: true } }),
    ).toBeNull();
    expect(shortcutFor({ key: 'h', target: input('checkbox') })?.id).toBe('toggleHeatmap');
    expect(shortcutFor({ key: 'Escape', target: input('text') })?.id).toBe('closeDetails');
    expect(isTypingTarget({ tagName: 'BUTTON' })).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });

  it('leaves modified keys and auto-repeat to the browser, except AltGr', () => {
    expect(shortcutFor({ key: 's', ctrlKey: true })).toBeNull();
    expect(shortcutFor({ key: 's', metaKey: true })).toBeNull();
    expect(shortcutFor({ key: 's', altKey: true })).toBeNull();
    expect(shortcutFor({ key: 's', repeat: true })).toBeNull();
    expect(shortcutFor({ key: '/', ctrlKey: true, altKey: true, altGraph: true })?.id).toBe(
      'focusSearch',
    );
  });

  it('lists every shortcut once, each with a label in every language', () => {
    expect(shortcuts.map((s) => s.id).sort()).toEqual([...shortcutIds].sort());
    for (const s of shortcuts) {
      expect(en[s.label as keyof typeof en]).toBeTruthy();
      expect(de[s.label as keyof typeof de]).toBeTruthy();
    }
    expect(ariaKeyShortcuts('toggleNav')).toBe('[');
  });
});
