/** Says plainly when no real Zoom account is involved, so a demo is never mistaken for live. */
import { useAppStore } from '../store/store-context';

export function SandboxBanner() {
  const mode = useAppStore((state) => state.mode);
  if (mode !== 'sandbox') return null;
  return (
    <div className="banner banner-sandbox" role="status" data-testid="sandbox-banner">
      <strong>Sandbox mode</strong> — bots join Botdeck&apos;s built-in Zoom sandbox; no Zoom
      account is used
    </div>
  );
}
