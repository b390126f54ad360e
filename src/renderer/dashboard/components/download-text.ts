/**
 * Saves text as a file from the page: a Blob behind a temporary `<a download>`. Works in the
 * Electron dashboard (the click starts a download, which is not a navigation) and in the
 * browsers the web host serves, with no call to main and no extra permission.
 */

/** Long enough for any browser to have started reading the Blob. */
const REVOKE_AFTER_MS = 60_000;

export function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers; the Blob is small anyway.
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}
