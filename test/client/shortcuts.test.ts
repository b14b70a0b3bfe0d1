import { describe, expect, it } from 'vitest';
import { ariaKeyShortcuts, isTypingTarget, shortcutFor, shortcutIds, shortcuts } from '../../client/app/shortcuts';
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
    const keys = shortcuts.flatMap((s) => s.keys.map((k) => k.toLowerCase()));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('keeps out of text fields but not out of switches; Escape works while typing', () => {
    expect(shortcutFor({ key: 'h', target: input('search') })).toBeNull();
    expect(shortcutFor({ key: 'h', target: { tagName: 'TEXTAREA' } })).toBeNull();
    expect(shortcutFor({ key: 'h', target: { tagName: 'DIV', isContentEditable: true } })).toBeNull();
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
    expect(shortcutFor({ key: '/', ctrlKey: true, altKey: true, altGraph: true })?.id).toBe('focusSearch');
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
