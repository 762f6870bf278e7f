import { Link } from 'wouter';
import { useStore } from 'zustand';
import { storageHealth } from '../store/storageHealth';

/** Tells the learner when saved progress could not be read or written, and what we did about it. */
export function StorageNotice() {
  const quarantined = useStore(storageHealth, (s) => s.quarantined);
  const writeError = useStore(storageHealth, (s) => s.writeError);
  const dismiss = useStore(storageHealth, (s) => s.dismiss);
  if (!quarantined && !writeError) return null;
  return (
    <div className="storage-notice" role="alert">
      {quarantined && (
        <p>
          Your saved progress could not be read ({quarantined.reason}), so the workbook started
          fresh. Nothing was deleted: the old data is kept in this browser’s local storage under the
          key <code>{quarantined.key}</code>.
        </p>
      )}
      {writeError && (
        <p>
          {writeError} Your progress is still here for now:{' '}
          <Link href="/progress">export it now</Link> so nothing is lost.
        </p>
      )}
      <button type="button" onClick={dismiss}>
        Dismiss
      </button>
    </div>
  );
}
