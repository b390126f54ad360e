/**
 * One labelled input of the account editor, with its first problem under it. Secret fields
 * are password inputs: what is typed is masked, and the value comes from the store only until
 * the save finishes, so it can never be shown back later.
 */
interface AccountTextFieldProps {
  id: string;
  label: string;
  value: string;
  error: string | undefined;
  disabled: boolean;
  onChange: (value: string) => void;
  secret?: boolean;
  placeholder?: string;
}

export function AccountTextField({
  id,
  label,
  value,
  error,
  disabled,
  onChange,
  secret = false,
  placeholder,
}: AccountTextFieldProps) {
  const errorId = `${id}-error`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={secret ? 'password' : 'text'}
        autoComplete="off"
        spellCheck={false}
        placeholder={placeholder}
        value={value}
        disabled={disabled}
        aria-invalid={error !== undefined ? true : undefined}
        aria-describedby={error !== undefined ? errorId : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      {error !== undefined ? (
        <p className="field-error" id={errorId} data-testid="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
