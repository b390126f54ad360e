/** The dashboard's one screen: mode and connection banners, the account, launching, the fleet. */
import { AccountsPanel } from './accounts-panel';
import { BotTable } from './bot-table';
import { ConnectionBanner } from './connection-banner';
import { LaunchForm } from './launch-form';
import { SandboxBanner } from './sandbox-banner';

export function App() {
  return (
    <div className="app">
      <header className="app-header">
        <h1>Botdeck</h1>
        <p className="tagline">Authenticated Zoom meeting bots</p>
      </header>
      <SandboxBanner />
      <ConnectionBanner />
      <main className="app-main">
        <div className="top-row">
          <AccountsPanel />
          <LaunchForm />
        </div>
        <BotTable />
      </main>
    </div>
  );
}
