import { useEffect, useRef } from 'react';

export const presenterKeys: readonly [string, string][] = [
  ['→, Space, Page Down', 'next slide'],
  ['←, Shift+Space, Page Up', 'previous slide'],
  ['Home / End', 'first / last slide'],
  ['f', 'full screen on or off'],
  ['?', 'show or hide these keys'],
  ['Esc', 'close this list'],
];

/** The list of presenter keys, as a modal dialog (Escape closes it, as any dialog). */
export function HelpDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className="present-help"
      aria-labelledby="present-help-title"
      onClose={onClose}
    >
      <h2 id="present-help-title">Presenter keys</h2>
      <dl>
        {presenterKeys.map(([keys, what]) => (
          <div key={keys}>
            <dt>{keys}</dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
      <button type="button" onClick={onClose}>
        Close
      </button>
    </dialog>
  );
}
