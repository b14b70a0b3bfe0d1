// The active locale (BCP 47). Resolution from URL/storage/browser happens at start-up in app/locale-sync.
import type { StateCreator } from 'zustand';
import { defaultLocale } from '../../i18n/locale';
import type { AppState } from '../index';

export interface LocaleSlice {
  locale: string;
  setLocale: (locale: string) => void;
}

export const createLocaleSlice: StateCreator<AppState, [], [], LocaleSlice> = (set) => ({
  locale: defaultLocale,
  setLocale: (locale) => set({ locale }),
});
