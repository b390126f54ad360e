/**
 * How the newest launch is doing, as a bar and in words ("12 of 20 in meeting · 3 joining"),
 * while any of its bots is live. The operator may close it; the next launch shows its own.
 */
import { useMemo } from 'react';
import { useAppStore } from '../store/store-context';
import { latestLaunchProgress, type LaunchProgress } from '../store/table-view';
import { botCount } from './bot-states';

export function describeLaunchProgress(progress: LaunchProgress): string {
  const parts = [`${progress.inMeeting} of ${progress.total} in meeting`];
  if (progress.joining > 0) parts.push(`${progress.joining} joining`);
  if (progress.waitingRoom > 0) parts.push(`${progress.waitingRoom} in the waiting room`);
  if (progress.failed > 0) parts.push(`${progress.failed} failed`);
  if (progress.left > 0) parts.push(`${progress.left} left`);
  return parts.join(' · ');
}

export function LaunchProgressBar() {
  const bots = useAppStore((state) => state.bots);
  const dismissed = useAppStore((state) => state.dismissedLaunchId);
  const dismiss = useAppStore((state) => state.dismissLaunchProgress);
  const progress = useMemo(() => latestLaunchProgress(bots), [bots]);
  if (!progress || progress.launchId === dismissed) return null;

  const words = describeLaunchProgress(progress);
  return (
    <div className="launch-progress" data-testid="launch-progress">
      <label className="launch-progress-label">
        <span>{`Latest launch (${botCount(progress.total)}):`}</span>{' '}
        <span data-testid="launch-progress-text" aria-live="polite">
          {words}
        </span>
        <progress value={progress.inMeeting} max={progress.total} aria-valuetext={words} />
      </label>
      <button
        type="button"
        className="button button-link"
        aria-label="Hide the launch progress"
        onClick={() => dismiss(progress.launchId)}
      >
        Hide
      </button>
    </div>
  );
}
