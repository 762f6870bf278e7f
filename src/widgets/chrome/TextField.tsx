import { useId } from 'react';

/**
 * A labelled text input, or a text area when `rows` is given, whose problem, if any, is
 * explained right under it (the text-valued twin of NumberField).
 */
export function TextField({
  label,
  value,
  onChange,
  help,
  error,
  rows,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  help?: string | undefined;
  error?: string | undefined;
  rows?: number | undefined;
}) {
  const id = useId();
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const describedBy =
    [help ? helpId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    value,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
    spellCheck: false,
  } as const;
  return (
    <div className={`field${error ? ' field-invalid' : ''}${rows ? ' field-wide' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {rows ? (
        <textarea {...common} rows={rows} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...common} type="text" onChange={(e) => onChange(e.target.value)} />
      )}
      {help && (
        <p id={helpId} className="field-help">
          {help}
        </p>
      )}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
