import '@mantine/core/styles.css';
import '@mantine/charts/styles.css';
import { MantineProvider } from '@mantine/core';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { prefetch } from './api/prefetch';
import { App } from './app';
import { preloadView } from './layout/views';
import { storedKey } from './session/session';
import { theme } from './theme';
import { pipelineQuery } from './views/pipeline.query';

// Signed in earlier in this tab: the view's chunk (and the pipeline's funnel) load while the key is checked.
// The session check goes first: the api answers in arrival order, and the funnel takes it longer.
const key = storedKey();
if (key !== null) {
  prefetch('/api/session', {}, key);
  preloadView(location.pathname);
  if (location.pathname === '/' || location.pathname === '/pipeline')
    prefetch('/api/funnel', pipelineQuery(Object.fromEntries(new URLSearchParams(location.search))), key);
}

const root = document.getElementById('root');
if (root === null) throw new Error('no #root element');
createRoot(root).render(
  <StrictMode>
    <MantineProvider theme={theme}>
      <App />
    </MantineProvider>
  </StrictMode>,
);
