import type { StateName } from './machine';

export const stateLabel: Record<StateName, string> = {
  closed: 'CLOSED',
  open: 'OPEN',
  half_open: 'HALF_OPEN',
};

export const fmtS = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
export const fmtPct = (x: number) =>
  x === 0 ? '0 %' : x < 0.001 ? `${(x * 100).toPrecision(2)} %` : `${(x * 100).toFixed(1)} %`;
export const fmtInt = (n: number) => Math.round(n).toLocaleString('en');
export const fmtMs = (ms: number) =>
  ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`;
export const fmtProb = (p: number) =>
  p === 0 ? '0' : p < 1e-3 ? p.toExponential(2) : p.toFixed(4);
