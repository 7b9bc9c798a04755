import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { getClient } from './api/factory';
import { ClientProvider } from './api/react';
import { App } from './app/App';
import { ShortcutProvider, ShortcutRegistry } from './app/shortcuts';
import { ErrorBoundary } from './components/ErrorBoundary';
import { PairingGate } from './components/PairingGate';
import './styles/base.css';
import './styles/app.css';

const root = document.getElementById('root');
if (!root) throw new Error('Elemen #root tidak ada di index.html');
createRoot(root).render(
  <StrictMode>
    <ErrorBoundary>
      <ClientProvider client={getClient()}>
        {/* Another PC on the LAN pairs first (the host's own window never sees this). */}
        <PairingGate>
          <ShortcutProvider registry={new ShortcutRegistry()}>
            <App />
          </ShortcutProvider>
        </PairingGate>
      </ClientProvider>
    </ErrorBoundary>
  </StrictMode>,
);
