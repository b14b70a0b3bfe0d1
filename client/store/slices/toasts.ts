// Transient messages: API errors (title + detail) and notices. Errors stay until dismissed.
import type { StateCreator } from 'zustand';
import type { Toast } from '../types';
import type { AppState } from '../index';

export interface ToastsSlice {
  toasts: Toast[];
  pushToast: (toast: Omit<Toast, 'id'>) => number;
  dismissToast: (id: number) => void;
}

let nextId = 1;

export const createToastsSlice: StateCreator<AppState, [], [], ToastsSlice> = (set, get) => ({
  toasts: [],
  pushToast: (toast) => {
    // The same message twice in a row (a retry that failed again) is shown once.
    const duplicate = get().toasts.find(
      (t) => t.title === toast.title && t.detail === toast.detail,
    );
    if (duplicate) return duplicate.id;
    const id = nextId++;
    set((s) => ({ toasts: [...s.toasts.slice(-3), { ...toast, id }] }));
    return id;
  },
  dismissToast: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
});
