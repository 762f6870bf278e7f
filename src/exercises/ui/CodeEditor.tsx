import { useId } from 'react';
import type { KeyboardEvent } from 'react';

/**
 * The code editor: a plain, accessible text area with a monospaced font, Tab that indents, and
 * Escape then Tab to move on (said in the help text). It holds everything typed exactly.
 */
export function CodeEditor({
  value,
  onChange,
  label,
}: {
  value: string;
  onChange: (value: string) => void;
  label: string;
  /** The kit's type declarations, for an editor that offers IntelliSense. */
  kitDts: string | null;
}) {
  const id = useId();
  const helpId = `${id}-help`;
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Escape') {
      e.currentTarget.dataset.escaped = 'true';
      return;
    }
    if (e.key !== 'Tab' || e.currentTarget.dataset.escaped === 'true') {
      delete e.currentTarget.dataset.escaped;
      return;
    }
    e.preventDefault();
    const area = e.currentTarget;
    const { selectionStart: start, selectionEnd: end } = area;
    const next = `${value.slice(0, start)}  ${value.slice(end)}`;
    onChange(next);
    requestAnimationFrame(() => area.setSelectionRange(start + 2, start + 2));
  };
  const rows = Math.min(40, Math.max(12, value.split('\n').length + 1));
  return (
    <div className="field code-field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        className="code-editor"
        value={value}
        rows={rows}
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        autoCorrect="off"
        aria-describedby={helpId}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <p id={helpId} className="field-help">
        Tab indents; press Escape, then Tab, to move on to the buttons.
      </p>
    </div>
  );
}
