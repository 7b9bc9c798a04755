import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { getClient } from './api/factory';
import { ClientProvider } from './api/react';
import { ErrorBoundary } from './components/ErrorBoundary';
import { PairingGate } from './components/PairingGate';
import { KioskApp } from './screens/kiosk/KioskApp';
import './styles/base.css';
import './styles/public.css';

const root = document.getElementById('root');
if (!root) throw new Error('Elemen #root tidak ada di kiosk.html');
createRoot(root).render(
  <StrictMode>
    <ErrorBoundary place="anjungan tiket">
      <ClientProvider client={getClient()}>
        <PairingGate>
          <KioskApp />
        </PairingGate>
      </ClientProvider>
    </ErrorBoundary>
  </StrictMode>,
);
