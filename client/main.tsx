// Entry point: fonts and styles, state from the URL, data loading, then the React tree.
import './zod-csp';
import '@fontsource/inter/latin-400.css';
import '@fontsource/inter/latin-500.css';
import '@fontsource/inter/latin-600.css';
import './styles/tokens.css';
import './styles/base.css';
import './styles/shell.css';
import './styles/overlays.css';
import './styles/panels.css';
import './styles/map.css';
import './styles/controls.css';
import './styles/audience.css';
import './styles/areas.css';
import './styles/auth.css';
import './styles/admin.css';
import './styles/events.css';
import './styles/campaigns.css';
import './styles/trends.css';
import './styles/import.css';
import './styles/market.css';
import './styles/report.css';
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { getSession, SIGNED_OUT_EVENT } from './api/client';
import type { Me } from './api/contract';
import { hasMapView } from './app/actions';
import { App } from './app/App';
import { startDocumentSync } from './app/document-sync';
import { loadWorkspace } from './app/load-data';
import { initFromUrl, startUrlSync } from './app/url-sync';
import { SignInPage } from './features/auth/SignInPage';
import { parseReport } from './features/report/report-route';
import { ReportPage } from './features/report/ReportPage';
import { useAppStore } from './store';

// Read before the map writes its own view into the hash.
const linkHasView = hasMapView(location.hash);
initFromUrl(useAppStore);
startUrlSync(useAppStore);
startDocumentSync(useAppStore);

const element = document.getElementById('root');
if (!element) throw new Error('index.html needs <div id="root">');
const root = createRoot(element);
const render = (node: ReactNode) => root.render(<StrictMode>{node}</StrictMode>);

// `?report=area:…` opens a print-ready report instead of the map (features/report).
const report = parseReport(location.search);
if (report) document.documentElement.dataset.page = 'report';

let workspaceLoaded = false;
function showApp(me: Me | null) {
  useAppStore.getState().setMe(me);
  if (!workspaceLoaded) {
    workspaceLoaded = true;
    void loadWorkspace(useAppStore, { focusSelection: !linkHasView && !report });
  }
  render(report ? <ReportPage target={report} /> : <App />);
}

function showSignIn() {
  useAppStore.getState().setMe(null);
  // After a sign-out the page reloads on sign-in, so nothing of the previous user's session stays in memory.
  render(<SignInPage onSignedIn={(me) => (workspaceLoaded ? location.reload() : showApp(me))} />);
}

window.addEventListener(SIGNED_OUT_EVENT, showSignIn);
getSession().then(
  ({ me }) => (me ? showApp(me) : showSignIn()),
  // Offline or a server error: the app shows its own error states and retries.
  () => showApp(null),
);
