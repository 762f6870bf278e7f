import { useEffect, useRef, useState } from 'react';
import { Link } from 'wouter';
import { useStore } from 'zustand';
import { storageHealth } from '../store/storageHealth';
import type { Unreadable } from '../store/storageHealth';
import { download } from './download';

/** Tells the learner when saved progress could not be read or written, and what we did about it. */
export function StorageNotice() {
  const quarantined = useStore(storageHealth, (s) => s.quarantined);
  const unreadable = useStore(storageHealth, (s) => s.unreadable);
  const writeError = useStore(storageHealth, (s) => s.writeError);
  const dismiss = useStore(storageHealth, (s) => s.dismiss);
  const [startedFresh, setStartedFresh] = useState(false);
  if (!quarantined && !unreadable && !writeError && !startedFresh) return null;
  return (
    <div className="storage-notice" role="alert">
      {quarantined && (
        <p>
          Your saved progress could not be read ({quarantined.reason}), so the workbook started
          fresh. Nothing was deleted: the old data is kept in this browser’s local storage under the
          key <code>{quarantined.key}</code>.
        </p>
      )}
      {unreadable && (
        <UnreadableChoice
          unreadable={unreadable}
          onStartedFresh={() => {
            unreadable.startFresh();
            setStartedFresh(true);
          }}
        />
      )}
      {startedFresh && !unreadable && (
        <p>The unreadable data was deleted. The workbook saves your progress again.</p>
      )}
      {writeError && (
        <p>
          {writeError} Your progress is still here for now:{' '}
          <Link href="/progress">export it now</Link> so nothing is lost.
        </p>
      )}
      {(quarantined || writeError || (startedFresh && !unreadable)) && (
        <button
          type="button"
          onClick={() => {
            dismiss();
            setStartedFresh(false);
          }}
        >
          Dismiss
        </button>
      )}
    </div>
  );
}

/**
 * Unreadable data that could not be copied aside: nothing is saved until the learner downloads
 * it, or starts fresh (after confirming), which deletes it.
 */
function UnreadableChoice({
  unreadable,
  onStartedFresh,
}: {
  unreadable: Unreadable;
  onStartedFresh: () => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const [note, setNote] = useState('');
  const confirm = useRef<HTMLButtonElement>(null);
  const start = useRef<HTMLButtonElement>(null);
  const asked = useRef(false);
  // Focus follows the question: to "Delete it…" when asked, back to "Start fresh" on Cancel.
  useEffect(() => {
    if (confirming) confirm.current?.focus();
    else if (asked.current) start.current?.focus();
    asked.current = confirming;
  }, [confirming]);

  const save = () => {
    const text = unreadable.data();
    if (text === null) {
      setNote('The unreadable data is no longer in this browser’s storage.');
      return;
    }
    download(
      `reliability-workbook-unreadable-${new Date().toISOString().slice(0, 10)}.txt`,
      text,
      'text/plain',
    );
    setNote('Downloaded. Keep the file: it is the only copy of that data.');
  };

  return (
    <>
      <p>
        Your saved progress could not be read ({unreadable.reason}), and {unreadable.notCopied}. So
        it is left exactly as it was, and <strong>the workbook is not saving your progress</strong>{' '}
        until you choose what to do with it: download it to keep it, then start fresh.
      </p>
      <p>
        <button type="button" onClick={save}>
          Download the unreadable data
        </button>{' '}
        <button type="button" ref={start} onClick={() => setConfirming(true)} disabled={confirming}>
          Start fresh
        </button>
      </p>
      {confirming && (
        <div role="group" aria-label="Confirm starting fresh">
          <p>
            Starting fresh deletes the unreadable data from this browser for good, then saves your
            progress again. Download it first if you may want it.
          </p>
          <p>
            <button type="button" ref={confirm} onClick={onStartedFresh}>
              Delete it and start fresh
            </button>{' '}
            <button type="button" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </p>
        </div>
      )}
      <p role="status">{note}</p>
    </>
  );
}
