import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import './app/styles.css';
import { registerServiceWorker } from './offline/updates';

// Offline support: registered after the page has loaded, so it never competes with the first
// lesson for the network. Production builds only (src/offline/).
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  registerServiceWorker(`${import.meta.env.BASE_URL}sw.js`);
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
