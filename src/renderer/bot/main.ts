/**
 * Bot page entry: one bot, one meeting. Picks the meeting implementation the ticket names.
 * Only this page may ever load Zoom's Meeting SDK; the dashboard never does.
 */
import type { JoinTicket } from '../../shared/ipc-contract';
import { getBotApi } from './api/get-bot-api';
import { createBotPageView } from './bot-page-view';
import { loadZoomSdk } from './meeting/load-zoom-sdk';
import { tapZoomFirstAnswers } from './meeting/zoom-first-answer';
import { createSandboxMeetingClient } from './meeting/sandbox-meeting-client';
import { createZoomMeetingClient } from './meeting/zoom-meeting-client';
import { hideZoomUiWhenFinished } from './meeting/zoom-page-ui';
import { runBot, type ClientChoice } from './run-bot';
import './bot.css';

function chooseClient(ticket: JoinTicket): ClientChoice {
  if (ticket.sdk === 'sandbox') {
    if (!ticket.sandboxUrl) return { ok: false, message: 'The join ticket names no sandbox.' };
    return { ok: true, client: createSandboxMeetingClient({ sandboxUrl: ticket.sandboxUrl }) };
  }
  const client = createZoomMeetingClient({
    // Installed before the SDK loads, so its first request to Zoom is heard.
    firstAnswers: tapZoomFirstAnswers(),
    loadSdk: loadZoomSdk,
    crossOriginIsolated: window.crossOriginIsolated,
    // Required by the SDK, never used: the client passes `leaveRedirect: false`. Should a
    // redirect happen anyway, it stays in this document (a fragment) and the hosts refuse
    // any navigation away.
    leaveUrl: `${location.pathname}${location.search}#left`,
    zoomDomain: ticket.zoomDomain,
    pageOrigin: location.origin,
  });
  hideZoomUiWhenFinished(client);
  return { ok: true, client };
}

const view = createBotPageView();
const api = getBotApi();
if (api === null) {
  view.showStatus({ status: 'error', message: 'This page only works inside Botdeck.' });
} else {
  runBot({ api, view, chooseClient }).catch((error: unknown) => {
    console.error('Botdeck: the bot page stopped unexpectedly.', error);
    view.showStatus({ status: 'error', message: 'The bot page stopped unexpectedly.' });
  });
}
