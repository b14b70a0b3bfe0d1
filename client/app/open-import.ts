// Opening the import dialog from anywhere (the empty workspace, a menu): a window event its dialog listens for, so the
// callers need not import the import feature.
export const OPEN_IMPORT_EVENT = 'catchment:open-import';

export function openImport(): void {
  window.dispatchEvent(new CustomEvent(OPEN_IMPORT_EVENT));
}
