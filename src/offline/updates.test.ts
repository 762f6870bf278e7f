import { beforeEach, describe, expect, it } from 'vitest';
import { updates, watchForUpdates } from './updates';

/** A service worker stand-in: a state, statechange events, and the messages it was sent. */
class FakeWorker extends EventTarget {
  state: ServiceWorkerState = 'installing';
  readonly messages: unknown[] = [];
  postMessage(message: unknown) {
    this.messages.push(message);
  }
  become(state: ServiceWorkerState) {
    this.state = state;
    this.dispatchEvent(new Event('statechange'));
  }
}

class FakeRegistration extends EventTarget {
  waiting: ServiceWorker | null = null;
  installing: ServiceWorker | null = null;
  startInstalling(worker: FakeWorker) {
    this.installing = worker as unknown as ServiceWorker;
    this.dispatchEvent(new Event('updatefound'));
  }
}

class FakeContainer extends EventTarget {
  controller: ServiceWorker | null = null;
  changeController() {
    this.controller = new FakeWorker() as unknown as ServiceWorker;
    this.dispatchEvent(new Event('controllerchange'));
  }
}

function setUp({ controlled }: { controlled: boolean }) {
  const registration = new FakeRegistration();
  const container = new FakeContainer();
  if (controlled) container.controller = new FakeWorker() as unknown as ServiceWorker;
  const reloads: number[] = [];
  watchForUpdates(registration, { container, reload: () => reloads.push(1) });
  return { registration, container, reloads };
}

describe('new versions of the workbook', () => {
  beforeEach(() => updates.setState({ apply: null }));

  it('the first install takes over by itself: nothing offered, no reload', () => {
    const { registration, container, reloads } = setUp({ controlled: false });
    const worker = new FakeWorker();
    registration.startInstalling(worker);
    worker.become('installed');
    expect(updates.getState().apply).toBeNull();
    container.changeController(); // the first install's clients.claim()
    expect(reloads).toHaveLength(0);
  });

  it('a new build installed under an open page is offered, and switches only when asked', () => {
    const { registration, container, reloads } = setUp({ controlled: true });
    const worker = new FakeWorker();
    registration.startInstalling(worker);
    expect(updates.getState().apply).toBeNull(); // still installing
    worker.become('installed');
    const apply = updates.getState().apply;
    expect(apply).not.toBeNull();
    expect(worker.messages).toEqual([]);
    apply!();
    expect(worker.messages).toEqual([{ type: 'skip-waiting' }]);
    container.changeController();
    expect(reloads).toHaveLength(1);
    // Only once, even if the controller changes again.
    container.changeController();
    expect(reloads).toHaveLength(1);
  });

  it('a version already waiting when the page opens is offered at once', () => {
    const registration = new FakeRegistration();
    const waiting = new FakeWorker();
    waiting.state = 'installed';
    registration.waiting = waiting as unknown as ServiceWorker;
    const container = new FakeContainer();
    container.controller = new FakeWorker() as unknown as ServiceWorker;
    watchForUpdates(registration, { container, reload: () => {} });
    updates.getState().apply!();
    expect(waiting.messages).toEqual([{ type: 'skip-waiting' }]);
  });
});
