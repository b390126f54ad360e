/**
 * Dashboard entry: pick the bridge to main (preload or web host), build the store, start it,
 * render. The store is made here, once per page, rather than at import time.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { windowNotifications } from './api/browser-notifications';
import { getDashboardApi } from './api/get-dashboard-api';
import { App } from './components/app';
import { createAppStore } from './store/app-store';
import { StoreProvider } from './store/store-context';
import './styles/base.css';
import './styles/layout.css';
import './styles/form.css';
import './styles/table.css';
import './styles/accounts.css';
import './styles/keychain.css';
import './styles/persistence.css';
import './styles/diagnostics.css';
import './styles/bot-actions.css';
import './styles/peek.css';

const container = document.getElementById('root');
if (container === null) throw new Error('The dashboard page has no #root element.');

const store = createAppStore({
  api: getDashboardApi(),
  browserNotifications: windowNotifications(),
});
store.getState().start();

createRoot(container).render(
  <StrictMode>
    <StoreProvider store={store}>
      <App />
    </StoreProvider>
  </StrictMode>,
);
