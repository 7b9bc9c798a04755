import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { getClient } from './api/factory';
import { ClientProvider } from './api/react';
import { ErrorBoundary } from './components/ErrorBoundary';
import { PairingGate } from './components/PairingGate';
import { DisplayApp } from './screens/display/DisplayApp';
import './styles/base.css';
import './styles/public.css';

const root = document.getElementById('root');
if (!root) throw new Error('Elemen #root tidak ada di display.html');
createRoot(root).render(
  <StrictMode>
    <ErrorBoundary place="layar ruang tunggu">
      <ClientProvider client={getClient()}>
        <PairingGate>
          <DisplayApp />
        </PairingGate>
      </ClientProvider>
    </ErrorBoundary>
  </StrictMode>,
);
