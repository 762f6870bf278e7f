import type { StateName } from './machine';

export const stateLabel: Record<StateName, string> = {
  closed: 'CLOSED',
  open: 'OPEN',
  half_open: 'HALF_OPEN',
};

export const fmtS = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
