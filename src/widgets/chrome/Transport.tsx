import { useId } from 'react';
import { playbackSpeeds } from './usePlayback';
import type { PlaybackSpeed, usePlayback } from './usePlayback';

type Playback = ReturnType<typeof usePlayback>;

/**
 * Play / pause / step / speed / reset and a scrubber through the finished run. `stepSeconds`
 * names the step the playback was made with (usePlayback's second argument).
 */
export function Transport({
  playback,
  duration,
  disabled,
  stepSeconds = 1,
}: {
  playback: Playback;
  duration: number;
  disabled: boolean;
  stepSeconds?: number;
}) {
  const scrubId = useId();
  const speedId = useId();
  const { time, playing } = playback;
  return (
    <div className="transport" role="group" aria-label="Playback">
      <div className="transport-buttons">
        {playing ? (
          <button type="button" onClick={playback.pause} disabled={disabled}>
            Pause
          </button>
        ) : (
          <button type="button" onClick={playback.play} disabled={disabled}>
            {time >= duration ? 'Replay' : 'Play'}
          </button>
        )}
        <button type="button" onClick={() => playback.step(-1)} disabled={disabled || time <= 0}>
          <span aria-hidden="true">◀ </span>Back {stepSeconds} s
        </button>
        <button
          type="button"
          onClick={() => playback.step(1)}
          disabled={disabled || time >= duration}
        >
          Forward {stepSeconds} s<span aria-hidden="true"> ▶</span>
        </button>
        <button type="button" onClick={playback.reset} disabled={disabled}>
          Rewind
        </button>
        <label htmlFor={speedId} className="inline-label">
          Speed
        </label>
        <select
          id={speedId}
          value={playback.speed}
          onChange={(e) => playback.setSpeed(Number(e.target.value) as PlaybackSpeed)}
          disabled={disabled}
        >
          {playbackSpeeds.map((s) => (
            <option key={s} value={s}>
              {s}× (simulated s per s)
            </option>
          ))}
        </select>
      </div>
      <div className="scrubber">
        <label htmlFor={scrubId}>Time</label>
        <input
          id={scrubId}
          type="range"
          min={0}
          max={duration}
          step={0.1}
          value={time}
          disabled={disabled}
          onChange={(e) => playback.seek(Number(e.target.value))}
          aria-valuetext={`${time.toFixed(1)} of ${duration} seconds`}
        />
        {/* Not a live region: it changes every frame while playing; the slider carries the time. */}
        <output htmlFor={scrubId} className="scrubber-time" aria-live="off">
          {time.toFixed(1)} s / {duration} s
        </output>
      </div>
    </div>
  );
}
