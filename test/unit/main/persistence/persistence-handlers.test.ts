import { describe, expect, it } from 'vitest';
import {
  withPersistence,
  type CoreDashboardHandlers,
  type CoreSnapshot,
} from '../../../../src/main/persistence/persistence-handlers';
import { KEYCHAIN_AVAILABLE, fail, ok } from '../../../../src/shared/ipc-contract';

const unused = () => fail('unused', 'not called');
const coreSnapshot: CoreSnapshot = {
  mode: 'sandbox',
  accounts: [],
  keychain: KEYCHAIN_AVAILABLE,
  bots: [],
  notices: ['n'],
  notifications: { enabled: true, shownBy: null },
  canShowBotWindows: false,
};
const core: CoreDashboardHandlers = {
  'app:snapshot': () => ok(coreSnapshot),
  'bots:launch': () => ok({ botIds: ['b1'] }),
  'bots:capacity': unused,
  'app:load': unused,
  'bots:leave': unused,
  'bots:leave-all': unused,
  'bots:chat': unused,
  'bots:rename': unused,
  'bots:relaunch-as': unused,
  'settings:notifications': unused,
  'bots:leave-many': unused,
  'bots:leave-meeting': unused,
  'bots:clear-finished': unused,
  'bots:peek': unused,
  'bots:show-window': unused,
  'sandbox:create-meeting': unused,
  'accounts:save': unused,
  'accounts:delete': unused,
  'accounts:test': unused,
  'diagnostics:run': unused,
  'diagnostics:open-log-folder': unused,
};

describe('dashboard handlers without a data folder', () => {
  it('the snapshot lists no stopped bots and the setting as off', async () => {
    const handlers = withPersistence(core, null);
    expect(await handlers['app:snapshot']({})).toEqual(
      ok({ ...coreSnapshot, stoppedByRestart: [], relaunchAfterRestart: false }),
    );
  });

  it('launches as before, and the persistence channels say there is nothing kept', async () => {
    const handlers = withPersistence(core, null);
    expect(
      await handlers['bots:launch']({ meeting: '123456789', passcode: '', names: ['A'] }),
    ).toEqual(ok({ botIds: ['b1'] }));
    const refused = fail(
      'no_data_folder',
      'This Botdeck keeps no data folder, so it has no roster or history.',
    );
    expect(await handlers['bots:relaunch']({ ids: ['x'] })).toEqual(refused);
    expect(await handlers['history:list']({})).toEqual(refused);
    expect(await handlers['settings:relaunch-after-restart']({ enabled: true })).toEqual(refused);
  });

  it('offers no presets or recent meetings, and saving a preset says why it cannot', async () => {
    const handlers = withPersistence(core, null);
    expect(await handlers['presets:list']({})).toEqual(ok({ presets: [], recentMeetings: [] }));
    const saved = await handlers['presets:save']({
      name: 'Weekly demo',
      form: { meeting: '123456789', passcode: '', accountId: null, nameTemplate: '', names: ['A'] },
    });
    expect(saved).toEqual(
      fail('no_data_folder', 'This Botdeck keeps no data folder, so it cannot keep presets.'),
    );
  });
});
