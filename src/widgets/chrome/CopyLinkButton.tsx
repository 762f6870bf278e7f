import { useState } from 'react';

/** Copies the scenario link; falls back to showing it for manual copying. */
export function CopyLinkButton({ url }: { url: () => string }) {
  const [status, setStatus] = useState<{ text: string; link: string | null }>({
    text: '',
    link: null,
  });
  const copy = async () => {
    const link = url();
    try {
      await navigator.clipboard.writeText(link);
      setStatus({ text: 'Link copied. Anyone who opens it sees this exact run.', link: null });
    } catch {
      setStatus({ text: 'Copying is not allowed here; copy this link instead:', link });
    }
  };
  return (
    <div className="copy-link">
      <button type="button" onClick={() => void copy()}>
        Copy link to this scenario
      </button>
      <p role="status" className="run-status">
        {status.text}
        {status.link && (
          <>
            {' '}
            <input
              readOnly
              value={status.link}
              aria-label="Scenario link"
              onFocus={(e) => e.currentTarget.select()}
            />
          </>
        )}
      </p>
    </div>
  );
}
