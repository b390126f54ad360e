/**
 * The dashboard's one screen: the live load and the notification setting in the header, mode
 * and connection banners, bots stopped by an app restart, the account, launching, the fleet
 * (with Peek beside it when open, and the dialog its rows open), the history, and Diagnostics.
 */
import { AccountsPanel } from './accounts-panel';
import { BotActionDialog } from './bot-action-dialog';
import { BotTable } from './bot-table';
import { ConnectionBanner } from './connection-banner';
import { DiagnosticsPanel } from './diagnostics-panel';
import { HistoryPanel } from './history-panel';
import { LaunchForm } from './launch-form';
import { LoadSummary } from './load-summary';
import { NotificationSettings } from './notification-settings';
import { SandboxBanner } from './sandbox-banner';
import { StoppedPanel } from './stopped-panel';

export function App() {
  return (
    <div className="app">
      <header className="app-header">
        <h1>Botdeck</h1>
        <p className="tagline">Authenticated Zoom meeting bots</p>
        <LoadSummary />
        <NotificationSettings />
      </header>
      <SandboxBanner />
      <ConnectionBanner />
      <main className="app-main">
        <StoppedPanel />
        <div className="top-row">
          <AccountsPanel />
          <LaunchForm />
        </div>
        <BotTable />
        <HistoryPanel />
        <DiagnosticsPanel />
      </main>
      <BotActionDialog />
    </div>
  );
}
