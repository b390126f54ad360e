/**
 * Which links Botdeck hands to the operator's browser. Only the dashboard may open any, and only
 * to a short list of https hosts (Zoom's documentation, Marketplace and support); an exact host
 * comparison on a parsed URL, never a substring or suffix check, so look-alike hosts and
 * credentials-in-URL tricks fall through to "no".
 */
export const EXTERNAL_LINK_HOSTS: ReadonlySet<string> = new Set([
  'zoom.us',
  'marketplace.zoom.us',
  'developers.zoom.us',
  'support.zoom.com',
]);

export function isAllowedExternalLink(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return (
    url.protocol === 'https:' &&
    url.username === '' &&
    url.password === '' &&
    url.port === '' &&
    EXTERNAL_LINK_HOSTS.has(url.hostname)
  );
}
