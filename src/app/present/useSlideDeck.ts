import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useLocation, useSearch } from 'wouter';
import { keyBelongsToControl, slideAction, slideFromSearch } from './slideMath';

type Message = { type: 'slide'; slide: number } | { type: 'where' };

function readMessage(data: unknown): Message | null {
  if (typeof data !== 'object' || data === null) return null;
  const m = data as Record<string, unknown>;
  if (m.type === 'where') return { type: 'where' };
  if (m.type === 'slide' && Number.isInteger(m.slide) && (m.slide as number) >= 0)
    return { type: 'slide', slide: m.slide as number };
  return null;
}

/** The channel both presenter windows of one lesson share (projector and laptop). */
export const channelName = (lessonId: string) => `workbook-present:${lessonId}`;

/**
 * The slide shown, held in the URL (`?slide=N`, 1-based), kept in step with the lesson's other
 * presenter windows through BroadcastChannel: either window can drive. A window that opens asks
 * the others where they are.
 */
export function useSlideDeck(lessonId: string, count: number) {
  const search = useSearch();
  const [location, navigate] = useLocation();
  const index = slideFromSearch(search, count);
  const channel = useRef<BroadcastChannel | null>(null);
  // Slides received from another window since this one last sent: showing them is not news.
  const received = useRef(new Set<number>());
  const indexRef = useRef(index);

  const goTo = useCallback(
    (n: number) => {
      const next = Math.min(Math.max(n, 0), count - 1);
      navigate(`${location}?slide=${next + 1}`, { replace: true });
    },
    [count, location, navigate],
  );
  const goToRef = useRef(goTo);
  useLayoutEffect(() => {
    indexRef.current = index;
    goToRef.current = goTo;
  });

  // Normalise a missing or out-of-range ?slide= so the URL always names the slide shown.
  useEffect(() => {
    if (new URLSearchParams(search).get('slide') !== String(index + 1)) goToRef.current(index);
  }, [search, index]);

  useEffect(() => {
    if (typeof BroadcastChannel === 'undefined') return;
    const ch = new BroadcastChannel(channelName(lessonId));
    channel.current = ch;
    ch.onmessage = (event: MessageEvent) => {
      const message = readMessage(event.data);
      if (!message) return;
      if (message.type === 'where') ch.postMessage({ type: 'slide', slide: indexRef.current });
      else if (message.slide !== indexRef.current) {
        received.current.add(message.slide);
        goToRef.current(message.slide);
      }
    };
    ch.postMessage({ type: 'where' });
    return () => {
      ch.close();
      channel.current = null;
    };
  }, [lessonId]);

  useEffect(() => {
    if (received.current.has(index)) return;
    received.current.clear();
    channel.current?.postMessage({ type: 'slide', slide: index });
  }, [index]);

  return { index, goTo };
}

/** The presenter's keys (see slideMath.slideAction), on the whole window. */
export function useSlideKeys(
  index: number,
  count: number,
  goTo: (n: number) => void,
  extra: { onHelp?: () => void; onFullscreen?: () => void } = {},
) {
  const state = useRef({ index, count, goTo, extra });
  useLayoutEffect(() => {
    state.current = { index, count, goTo, extra };
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      const action = slideAction(event.key, event.shiftKey);
      if (!action || keyBelongsToControl(event.target, event.key)) return;
      const { index: i, count: n, goTo: go, extra: more } = state.current;
      if (action === 'help' && !more.onHelp) return;
      if (action === 'fullscreen' && !more.onFullscreen) return;
      event.preventDefault();
      if (action === 'next') go(i + 1);
      else if (action === 'previous') go(i - 1);
      else if (action === 'first') go(0);
      else if (action === 'last') go(n - 1);
      else if (action === 'help') more.onHelp?.();
      else more.onFullscreen?.();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

/** Full screen through the Fullscreen API, where the browser offers it. */
export function toggleFullscreen() {
  if (!document.fullscreenEnabled) return;
  if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
  else void document.documentElement.requestFullscreen().catch(() => undefined);
}

/** A clock that ticks once a second (for the console's timers; display only). */
export function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}
