import { useCallback, useEffect, useRef, useState } from 'react';

export const playbackSpeeds = [1, 5, 20, 60, 300] as const;
export type PlaybackSpeed = (typeof playbackSpeeds)[number];

/**
 * A cursor through a finished run, in simulation seconds. Play advances it at `speed`
 * simulated seconds per real second; step moves by `stepSeconds`; the scrubber sets it.
 * The run itself never depends on this clock: it only chooses what to show.
 */
export function usePlayback(duration: number, stepSeconds = 1) {
  const [time, setTime] = useState(duration);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<PlaybackSpeed>(20);
  const frame = useRef<number | null>(null);

  // A new run (new duration) starts at its end, showing the whole result.
  const [lastDuration, setLastDuration] = useState(duration);
  if (lastDuration !== duration) {
    setLastDuration(duration);
    setTime(duration);
    setPlaying(false);
  }

  useEffect(() => {
    if (!playing) return;
    let last = performance.now();
    const tick = (now: number) => {
      const dt = ((now - last) / 1000) * speed;
      last = now;
      let done = false;
      setTime((t) => {
        const next = Math.min(duration, t + dt);
        if (next >= duration) done = true;
        return next;
      });
      if (done) setPlaying(false);
      else frame.current = requestAnimationFrame(tick);
    };
    frame.current = requestAnimationFrame(tick);
    return () => {
      if (frame.current !== null) cancelAnimationFrame(frame.current);
    };
  }, [playing, speed, duration]);

  const play = useCallback(() => {
    setTime((t) => (t >= duration ? 0 : t));
    setPlaying(true);
  }, [duration]);
  const pause = useCallback(() => setPlaying(false), []);
  const step = useCallback(
    (direction: 1 | -1) => {
      setPlaying(false);
      setTime((t) => Math.min(duration, Math.max(0, t + direction * stepSeconds)));
    },
    [duration, stepSeconds],
  );
  const reset = useCallback(() => {
    setPlaying(false);
    setTime(0);
  }, []);
  const seek = useCallback(
    (t: number) => {
      setPlaying(false);
      setTime(Math.min(duration, Math.max(0, t)));
    },
    [duration],
  );
  return { time, playing, speed, setSpeed, play, pause, step, reset, seek };
}
