import { memo } from 'react';
import type { Transition } from './machine';
import { fmtS, stateLabel } from './format';

/** Every transition with its reason; the ones after the playback cursor are dimmed. */
function EventLogView({ log, timeMs }: { log: readonly Transition[]; timeMs: number }) {
  if (log.length === 0) {
    return (
      <p className="run-status">The breaker never changed state in this run: it stayed CLOSED.</p>
    );
  }
  return (
    // tabIndex: the log scrolls, so keyboard users must be able to focus it to scroll it.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
    <ol className="event-log" aria-label="Breaker transitions" tabIndex={0}>
      {log.map((t, i) => (
        <li key={i} className={t.at > timeMs ? 'future' : undefined}>
          <strong>{fmtS(t.at)}</strong>{' '}
          <span className={`state-pill state-${t.from}`}>{stateLabel[t.from]}</span> →{' '}
          <span className={`state-pill state-${t.to}`}>{stateLabel[t.to]}</span> {t.reason}
        </li>
      ))}
    </ol>
  );
}

/** Memoised: playback and progress updates must not redraw it. */
export const EventLog = memo(EventLogView);
