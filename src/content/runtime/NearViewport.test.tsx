// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NEAR_MARGIN, NearViewport } from './NearViewport';

/** An IntersectionObserver the test drives: `enter()` reports the observed element as near. */
class FakeObserver {
  static last: FakeObserver | null = null;
  readonly observed: Element[] = [];
  disconnected = false;
  constructor(
    private readonly callback: IntersectionObserverCallback,
    readonly options: IntersectionObserverInit | undefined,
  ) {
    FakeObserver.last = this;
  }
  observe(el: Element) {
    this.observed.push(el);
  }
  disconnect() {
    this.disconnected = true;
  }
  enter() {
    const entries = this.observed.map((target) => ({ target, isIntersecting: true }));
    this.callback(entries as unknown as IntersectionObserverEntry[], this as unknown as IntersectionObserver);
  }
}

function Block() {
  return <p>The real view</p>;
}

const slot = (
  <NearViewport
    placeholder={({ ref, loading }) => (
      <section ref={ref} aria-label="Queue simulator" aria-busy="true" {...loading}>
        Loading…
      </section>
    )}
  >
    <Block />
  </NearViewport>
);

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  FakeObserver.last = null;
});

describe('NearViewport', () => {
  it('keeps the named, busy placeholder until the block comes near the screen, then renders it', () => {
    vi.stubGlobal('IntersectionObserver', FakeObserver);
    render(slot);
    const placeholder = screen.getByRole('region', { name: 'Queue simulator' });
    expect(placeholder.getAttribute('aria-busy')).toBe('true');
    expect(placeholder.hasAttribute('data-near-loading')).toBe(false);
    expect(screen.queryByText('The real view')).toBeNull();

    const observer = FakeObserver.last!;
    expect(observer.observed).toEqual([placeholder]);
    expect(observer.options?.rootMargin).toBe(NEAR_MARGIN);
    act(() => observer.enter());
    expect(screen.getByText('The real view')).toBeTruthy();
    expect(observer.disconnected).toBe(true);
  });

  it('renders an eager block at once, without observing it', () => {
    vi.stubGlobal('IntersectionObserver', FakeObserver);
    render(
      <NearViewport eager placeholder={({ ref }) => <section ref={ref} aria-label="Linked" />}>
        <Block />
      </NearViewport>,
    );
    expect(screen.getByText('The real view')).toBeTruthy();
    expect(FakeObserver.last).toBeNull();
  });

  it('renders the block at once where IntersectionObserver does not exist', () => {
    vi.stubGlobal('IntersectionObserver', undefined);
    render(slot);
    expect(screen.getByText('The real view')).toBeTruthy();
  });

  it('marks the placeholder as loading while the near block’s code arrives', async () => {
    vi.stubGlobal('IntersectionObserver', undefined);
    let resolve: (m: { default: typeof Block }) => void = () => {};
    const { lazy } = await import('react');
    const Lazy = lazy(() => new Promise<{ default: typeof Block }>((r) => (resolve = r)));
    render(
      <NearViewport
        placeholder={({ ref, loading }) => (
          <section ref={ref} aria-label="Quiz" aria-busy="true" {...loading} />
        )}
      >
        <Lazy />
      </NearViewport>,
    );
    expect(screen.getByRole('region', { name: 'Quiz' }).hasAttribute('data-near-loading')).toBe(true);
    await act(async () => {
      resolve({ default: Block });
      await Promise.resolve();
    });
    expect(screen.getByText('The real view')).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Quiz' })).toBeNull();
  });
});
