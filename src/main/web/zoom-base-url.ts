/**
 * `--zoom-base-url` sends every stored account's client secret (in the OAuth Basic header) and
 * access tokens to the URL given instead of zoom.us. So it takes only https, or plain http to
 * this machine (a sandbox on loopback), and the host says out loud which accounts go there.
 */

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The URL without a trailing slash, or an Error in the operator's words. */
export function checkZoomBaseUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`--zoom-base-url must be a URL such as https://zoom.us (got "${raw}").`);
  }
  const loopbackHttp = url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname);
  if (url.protocol !== 'https:' && !loopbackHttp) {
    throw new Error(
      '--zoom-base-url takes https, or plain http only to this machine (http://127.0.0.1, ' +
        `http://localhost or http://[::1]): account secrets would travel unencrypted to "${raw}".`,
    );
  }
  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') {
    throw new Error('--zoom-base-url takes no user name, password, query or fragment.');
  }
  return raw.replace(/\/+$/, '');
}

/** What the operator reads when stored accounts are pointed somewhere other than zoom.us. */
export function zoomBaseNotice(
  baseUrl: string,
  accounts: readonly { label: string; s2sAccountId: string }[],
): string {
  if (accounts.length === 0) {
    return `--zoom-base-url: no Zoom account is stored yet; any you add will send its client secret and access tokens to ${baseUrl}, not zoom.us.`;
  }
  const names = accounts.map((account) => `"${account.label}" (${account.s2sAccountId})`);
  return `--zoom-base-url: these stored Zoom accounts will send their client secrets and access tokens to ${baseUrl}, not zoom.us: ${names.join(', ')}.`;
}
