/** The setting "Relaunch automatically after a restart", wherever the dashboard offers it. */
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../store/store-context';

export function RelaunchSettingToggle() {
  const { enabled, saving, setEnabled } = useAppStore(
    useShallow((state) => ({
      enabled: state.relaunchAfterRestart,
      saving: state.savingRelaunchSetting,
      setEnabled: state.setRelaunchAfterRestart,
    })),
  );
  return (
    <label className="checkbox relaunch-setting">
      <input
        type="checkbox"
        checked={enabled}
        disabled={saving}
        onChange={(event) => void setEnabled(event.target.checked)}
      />
      Relaunch automatically after a restart
    </label>
  );
}
