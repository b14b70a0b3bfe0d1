// Entry point: fonts and styles, state from the URL, data loading, then the React tree.
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
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { hasMapView } from './app/actions';
import { App } from './app/App';
import { startDocumentSync } from './app/document-sync';
import { loadWorkspace } from './app/load-data';
import { initFromUrl, startUrlSync } from './app/url-sync';
import { useAppStore } from './store';

// Read before the map writes its own view into the hash.
const linkHasView = hasMapView(location.hash);
initFromUrl(useAppStore);
startUrlSync(useAppStore);
startDocumentSync(useAppStore);
void loadWorkspace(useAppStore, { focusSelection: !linkHasView });

const root = document.getElementById('root');
if (!root) throw new Error('index.html needs <div id="root">');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
