import { createStore } from 'zustand/vanilla';

/**
 * New versions of the workbook, the way an installed app meets them: when a deploy changes the
 * build, the browser installs the new service worker beside the running one, and the open page
 * says "a new version is ready" instead of serving the old precache silently. The new version
 * takes over only when the learner asks (the page then reloads once); progress lives in local
 * storage, which neither version touches.
 *
 * The very first install takes over at once: there is no old version to keep consistent with.
 */
export interface UpdateState {
  /** Set when a new version is installed and waiting; calling it switches and reloads. */
  apply: (() => void) | null;
}

export const updates = createStore<UpdateState>()(() => ({ apply: null }));

/** The parts of the browser this needs, so the logic can be tested without one. */
export interface UpdateEnvironment {
  container: Pick<ServiceWorkerContainer, 'controller' | 'addEventListener'>;
  reload: () => void;
}

type Registration = Pick<ServiceWorkerRegistration, 'waiting' | 'installing' | 'addEventListener'>;

/** Watches a registration and offers each installed-and-waiting version through `updates`. */
export function watchForUpdates(registration: Registration, env: UpdateEnvironment): void {
  let switching = false;
  const offer = (worker: ServiceWorker) => {
    updates.setState({
      apply: () => {
        switching = true;
        worker.postMessage({ type: 'skip-waiting' });
      },
    });
  };
  // Installed while no page was open (or before this one registered).
  if (registration.waiting && env.container.controller) offer(registration.waiting);
  registration.addEventListener('updatefound', () => {
    const worker = registration.installing;
    if (!worker) return;
    worker.addEventListener('statechange', () => {
      // With no controller this is the first install, which activates by itself.
      if (worker.state === 'installed' && env.container.controller) offer(worker);
    });
  });
  env.container.addEventListener('controllerchange', () => {
    // Only the switch the learner asked for reloads; the first install's claim does not.
    if (!switching) return;
    switching = false;
    env.reload();
  });
}

/** Registers the service worker after load, and looks for a new version when the tab returns. */
export function registerServiceWorker(url: string): void {
  window.addEventListener('load', () => {
    navigator.serviceWorker
      .register(url)
      .then((registration) => {
        watchForUpdates(registration, {
          container: navigator.serviceWorker,
          reload: () => window.location.reload(),
        });
        document.addEventListener('visibilitychange', () => {
          if (document.visibilityState === 'visible') void registration.update().catch(() => {});
        });
      })
      .catch((error: unknown) => {
        console.warn('Offline support is not available:', error);
      });
  });
}
