/// <reference lib="webworker" />
import { createHost } from './host';
import { registry } from './registry';

/** The simulation worker: pure models only (see eslint.config.js), driven by protocol.ts. */
const scope = self as unknown as DedicatedWorkerGlobalScope;
const handle = createHost(registry, (message, transfer) =>
  scope.postMessage(message, transfer ?? []),
);
scope.addEventListener('message', (event: MessageEvent) => {
  void handle(event.data as Parameters<typeof handle>[0]);
});
