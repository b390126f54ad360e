/**
 * Presets and recent meetings, one click from the launch form: a preset fills every field, a
 * recent meeting fills the meeting and its passcode. A passcode Botdeck could not keep (no
 * system keychain) is left for the operator to type; the passcode field says so.
 */
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../store/store-context';
import { botCount, formatClock } from './bot-states';

export function LaunchShortcuts() {
  const { presets, recentMeetings } = useAppStore((state) => state.shortcuts);
  const actions = useAppStore(
    useShallow((state) => ({
      applyPreset: state.applyPreset,
      applyRecentMeeting: state.applyRecentMeeting,
      deleteLaunchPreset: state.deleteLaunchPreset,
    })),
  );
  if (presets.length === 0 && recentMeetings.length === 0) return null;

  return (
    <div className="launch-shortcuts">
      {presets.length > 0 ? (
        <div className="shortcut-group" role="group" aria-label="Presets">
          <span className="shortcut-label">Presets</span>
          <ul className="shortcut-list">
            {presets.map((preset) => (
              <li key={preset.id} className="shortcut-item">
                <button
                  type="button"
                  className="shortcut"
                  aria-label={`Use preset ${preset.name}`}
                  title={`${preset.meeting} · ${botCount(preset.names.length)}`}
                  onClick={() => actions.applyPreset(preset.id)}
                >
                  {preset.name}
                </button>
                <button
                  type="button"
                  className="shortcut-delete"
                  aria-label={`Delete preset ${preset.name}`}
                  onClick={() => void actions.deleteLaunchPreset(preset.id)}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {recentMeetings.length > 0 ? (
        <div className="shortcut-group" role="group" aria-label="Recent meetings">
          <span className="shortcut-label">Recent meetings</span>
          <ul className="shortcut-list">
            {recentMeetings.map((meeting) => (
              <li key={meeting.meetingNumber} className="shortcut-item">
                <button
                  type="button"
                  className="shortcut mono"
                  aria-label={`Use meeting ${meeting.meetingNumber}`}
                  title={`${meeting.meeting} · last launch ${formatClock(meeting.launchedAt)}`}
                  onClick={() => actions.applyRecentMeeting(meeting.meetingNumber)}
                >
                  {meeting.meetingNumber}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
