// Tells whoever waits for the report (the server's PDF printer, a test) that it is complete: <html
// data-report-ready="1"> once the page's own data is in and no section inside it is still loading (campaign results
// load themselves), "error" when something failed.
import { useEffect, type RefObject } from 'react';

const ATTR = 'data-report-ready';
const STILL_LOADING = '.state-message--loading, .audience-skeleton';

export function useReadyFlag(root: RefObject<HTMLElement | null>, ready: boolean | 'error'): void {
  useEffect(() => {
    const html = document.documentElement;
    if (ready === 'error') {
      html.setAttribute(ATTR, 'error');
      return;
    }
    html.removeAttribute(ATTR);
    if (!ready) return;
    const check = () => {
      if (root.current?.querySelector(STILL_LOADING)) return false;
      html.setAttribute(ATTR, '1');
      return true;
    };
    if (check()) return;
    const observer = new MutationObserver(() => check() && observer.disconnect());
    observer.observe(root.current ?? document.body, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [root, ready]);
}
