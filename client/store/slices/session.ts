// Who is signed in and what their role may do (from /api/auth/me); null before sign-in.
import type { StateCreator } from 'zustand';
import type { Me } from '../../api/contract';
import type { AppState } from '../index';

export interface SessionSlice {
  me: Me | null;
  setMe: (me: Me | null) => void;
}

export const createSessionSlice: StateCreator<AppState, [], [], SessionSlice> = (set) => ({
  me: null,
  setMe: (me) => set({ me }),
});

/** Whether the signed-in user's role has this permission. */
export function can(me: Me | null, permission: string): boolean {
  return me?.permissions.includes(permission) ?? false;
}
