import { Component, lazy, Suspense, useEffect, useId, useRef, useState } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';

const MonacoEditor = lazy(() => import('./MonacoEditor'));

/**
 * The code editor. A plain text area shows the code at once (Tab indents; Escape, then Tab,
 * moves on); when the exercise comes near the screen, Monaco loads and takes its place at the
 * same height. If Monaco cannot load, the text area simply stays — it does the same job.
 */
export function CodeEditor({
  value,
  onChange,
  label,
  kitDts,
  modelPath,
}: {
  value: string;
  onChange: (value: string) => void;
  label: string;
  /** The kit's type declarations; Monaco waits for them to offer IntelliSense. */
  kitDts: string | null;
  modelPath: string;
}) {
  const rows = Math.min(36, Math.max(14, value.split('\n').length + 1));
  const height = Math.round(rows * 20.3 + 26);
  const box = useRef<HTMLDivElement | null>(null);
  const [near, setNear] = useState(false);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const el = box.current;
    if (!el || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          setNear(true);
          observer.disconnect();
        }
      },
      { rootMargin: '600px 0px' },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const plain = <PlainEditor value={value} onChange={onChange} label={label} rows={rows} />;
  return (
    <div ref={box} className="code-field">
      {near && kitDts && !failed ? (
        <EditorBoundary onFail={() => setFailed(true)} fallback={plain}>
          <Suspense fallback={plain}>
            <p className="field-label">{label}</p>
            <MonacoEditor
              value={value}
              onChange={onChange}
              label={label}
              kitDts={kitDts}
              modelPath={modelPath}
              height={height}
            />
            <p className="field-help">
              Ctrl+Space suggests what the kit offers. To leave the editor with the keyboard, press
              Ctrl+M (on a Mac, Ctrl+Shift+M) and then Tab.
            </p>
          </Suspense>
        </EditorBoundary>
      ) : (
        plain
      )}
      {failed && (
        <p className="field-help">The full editor could not load; this plain one works the same.</p>
      )}
    </div>
  );
}

class EditorBoundary extends Component<
  { children: ReactNode; fallback: ReactNode; onFail: () => void },
  { failed: boolean }
> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override componentDidCatch() {
    this.props.onFail();
  }
  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

function PlainEditor({
  value,
  onChange,
  label,
  rows,
}: {
  value: string;
  onChange: (value: string) => void;
  label: string;
  rows: number;
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
    onChange(`${value.slice(0, start)}  ${value.slice(end)}`);
    requestAnimationFrame(() => area.setSelectionRange(start + 2, start + 2));
  };
  return (
    <div className="field">
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
