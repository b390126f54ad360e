/** The launch form's one alert: validation messages, or main's reason a launch failed. */
import { useAppStore } from '../store/store-context';

export function LaunchFormAlert() {
  const errors = useAppStore((state) => state.launch.errors);
  const launchError = useAppStore((state) => state.launch.launchError);
  if (errors.length === 0 && launchError === null) return null;
  return (
    <div className="form-alert" role="alert" data-testid="launch-alert">
      {launchError !== null ? <p>{launchError}</p> : null}
      {errors.length > 0 ? (
        <ul>
          {errors.map((error) => (
            <li key={error}>{error}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
