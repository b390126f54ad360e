import { createElement, type ComponentType } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { AccountsPanel } from '../../../../src/renderer/dashboard/components/accounts-panel';
import { LaunchForm } from '../../../../src/renderer/dashboard/components/launch-form';
import { SandboxBanner } from '../../../../src/renderer/dashboard/components/sandbox-banner';
import type { AppStore } from '../../../../src/renderer/dashboard/store/app-store';
import { StoreProvider } from '../../../../src/renderer/dashboard/store/store-context';
import { SECRETS, makeAccount, sandboxAccount, storeWithAccounts } from './account-fixtures';

/**
 * What the operator would see, rendered to HTML in Node. zustand renders a server pass from
 * the store's initial state, so the store is handed over with "initial" meaning "current".
 */
function render(store: AppStore, component: ComponentType): string {
  const current: AppStore = { ...store, getInitialState: store.getState };
  return renderToStaticMarkup(
    createElement(StoreProvider, { store: current, children: createElement(component) }),
  );
}

const buttons = (html: string): string[] =>
  [...html.matchAll(/<button[^>]*>([^<]*)<\/button>/g)].map((match) => match[1] ?? '');

const support = makeAccount({
  id: 'acc-1',
  label: 'Support',
  plan: 'business',
  lastTest: { at: Date.UTC(2026, 0, 5, 9, 30), ok: false, summary: 'Missing scope (4700).' },
});

describe('the accounts area', () => {
  it('gives the sandbox account a chip and only “Test connection”; others can be edited and removed', async () => {
    const { store } = await storeWithAccounts([sandboxAccount(), support], 'zoom');
    const html = render(store, AccountsPanel);
    expect(html).toContain('data-testid="sandbox-chip"');
    expect(buttons(html)).toEqual([
      'Add Zoom account',
      'Test connection',
      'Test connection',
      'Edit',
      'Remove',
    ]);
    expect(html).toContain('Built-in demo credentials (nothing stored)');
    expect(html).toContain('Secrets stored in the system keychain');
    expect(html).toContain('Business or higher (up to 80 ZAKs/s)');
    expect(html).toContain('Missing scope (4700).');
    expect(html).not.toContain('keychain-unavailable');
  });

  it('says, before any save, that the keychain is unavailable, why, and the commands that enable it', async () => {
    const { store } = await storeWithAccounts([sandboxAccount()]);
    store.getState().applyAccountsState({
      mode: 'sandbox',
      accounts: [sandboxAccount()],
      keychain: {
        available: false,
        problem: 'not_installed',
        message: "Botdeck's keychain module (keytar) is not installed.",
        steps: [
          { text: 'Install the toolchain.', command: 'sudo apt-get install build-essential' },
          { text: 'Restart Botdeck.', command: null },
        ],
      },
    });
    const html = render(store, AccountsPanel);
    expect(html).toContain('data-problem="not_installed"');
    expect(html).toContain('System keychain unavailable: Zoom accounts cannot be saved');
    expect(html).toContain('keytar) is not installed.');
    expect(html).toMatch(
      /<li>Install the toolchain\.<pre class="keychain-command"><code>sudo apt-get install build-essential<\/code><\/pre><\/li><li>Restart Botdeck\.<\/li>/,
    );
    // The sandbox account stays usable below it.
    expect(buttons(html)).toContain('Test connection');
  });

  it('asks before removing, naming the account', async () => {
    const { store } = await storeWithAccounts([support]);
    store.getState().askRemoveAccount('acc-1');
    const html = render(store, AccountsPanel);
    expect(html).toContain('Remove Support? Its secrets are deleted from the keychain.');
    expect(buttons(html)).toContain('Cancel');
  });

  it('shows a test report step by step, with the profile bots inherit', async () => {
    const { store } = await storeWithAccounts([support]);
    await store.getState().testAccount('acc-1');
    const html = render(store, AccountsPanel);
    expect(html).toContain('data-testid="connection-test"');
    for (const words of ['Access token', 'Service user profile', 'ZAK minting', '✓']) {
      expect(html).toContain(words);
    }
    expect(html).toContain('src="https://example.com/avatar.png"');
    expect(html).toContain('Licensed');
  });
});

describe('the account editor', () => {
  it('labels every field, masks the secrets, and requires credentials for a new account', async () => {
    const { store } = await storeWithAccounts([]);
    store.getState().openNewAccount();
    const html = render(store, AccountsPanel);
    expect(html).toContain('aria-label="Zoom account"');
    for (const label of [
      'Label',
      'Zoom user for the bots (id or email)',
      'Plan',
      'Server-to-Server OAuth account ID',
      'Server-to-Server OAuth client ID',
      'Server-to-Server OAuth client secret',
      'Meeting SDK client ID',
      'Meeting SDK client secret',
    ]) {
      expect(html).toMatch(
        new RegExp(`<label for="[^"]+">${label.replace(/[()]/g, '\\$&')}</label>`),
      );
    }
    expect(html.match(/type="password"/g)).toHaveLength(2);
    expect(html).not.toContain('Replace credentials');
    expect(html).toContain('user:read:zak:admin');
  });

  it('after a refused save, says so and shows none of the secrets', async () => {
    const { store, fake } = await storeWithAccounts([]);
    fake.answers.saveAccount = () =>
      Promise.resolve({
        ok: false,
        error: { code: 'vault_unavailable', message: 'Install gnome-keyring and unlock it.' },
      });
    store.getState().openNewAccount();
    store.getState().setAccountField('label', 'Support');
    store.getState().setAccountField('serviceUser', 'bots@example.com');
    for (const [field, value] of Object.entries(SECRETS)) {
      store.getState().setAccountCredential(field as keyof typeof SECRETS, value);
    }
    await store.getState().saveAccount();
    const html = render(store, AccountsPanel);
    expect(html).toContain('role="alert"');
    expect(html).toContain('Install gnome-keyring and unlock it.');
    expect(html).toContain('Secrets were not saved; enter them again.');
    expect(html).toContain('value="Support"');
    for (const secret of Object.values(SECRETS)) expect(html).not.toContain(secret);
  });

  it('for an existing account, hides the credentials behind “Replace credentials”', async () => {
    const { store } = await storeWithAccounts([support]);
    store.getState().openEditAccount('acc-1');
    const html = render(store, AccountsPanel);
    expect(html).toContain('Replace credentials');
    expect(html).not.toContain('type="password"');
  });
});

describe('accounts elsewhere on the page', () => {
  it('the launch form offers an account choice only when there is one to make', async () => {
    const one = await storeWithAccounts([sandboxAccount()]);
    expect(render(one.store, LaunchForm)).not.toContain('>Account</label>');

    const two = await storeWithAccounts([sandboxAccount(), support], 'zoom');
    const html = render(two.store, LaunchForm);
    expect(html).toContain('>Account</label>');
    expect(html).toContain('>Demo (sandbox)</option>');
    expect(html).toContain('>Support</option>');
  });

  it('the sandbox banner shows in sandbox mode only', async () => {
    const sandbox = await storeWithAccounts([sandboxAccount()], 'sandbox');
    expect(render(sandbox.store, SandboxBanner)).toContain('data-testid="sandbox-banner"');
    const zoom = await storeWithAccounts([sandboxAccount(), support], 'zoom');
    expect(render(zoom.store, SandboxBanner)).toBe('');
  });
});
