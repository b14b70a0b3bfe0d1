// Camera requests from panels (fly to a store, fit a neighbourhood); the map sync carries them out.
// The camera itself lives in MapLibre and in the URL hash (`#map=`), not here.
import type { StateCreator } from 'zustand';
import type { CameraRequest, CameraTarget } from '../types';
import type { AppState } from '../index';

export interface ViewSlice {
  cameraRequest: CameraRequest | null;
  /** The id of the last request a map carried out; a request made before the map existed is still pending. */
  cameraHandled: number;
  flyTo: (target: CameraTarget) => void;
  markCameraHandled: (id: number) => void;
}

export const createViewSlice: StateCreator<AppState, [], [], ViewSlice> = (set, get) => ({
  cameraRequest: null,
  cameraHandled: 0,
  flyTo: (target) => set({ cameraRequest: { id: (get().cameraRequest?.id ?? 0) + 1, target } }),
  markCameraHandled: (id) => set({ cameraHandled: id }),
});
