import type { Phase } from './types.ts';

/** The learning rhythm of a focus block, in the order a lesson must present it. */
export const phases: readonly { name: Phase; label: string }[] = [
  { name: 'priming', label: 'Priming' },
  { name: 'concept', label: 'Core concept' },
  { name: 'visual', label: 'Visual model' },
  { name: 'analogy', label: 'Analogy' },
  { name: 'practice', label: 'Active practice' },
  { name: 'consolidation', label: 'Consolidation' },
];

export const phaseNames: ReadonlySet<string> = new Set(phases.map((p) => p.name));

export function phaseLabel(name: Phase): string {
  return phases.find((p) => p.name === name)?.label ?? name;
}

export const calloutKinds = {
  note: 'Note',
  tip: 'Tip',
  warning: 'Warning',
  danger: 'Danger',
  scenario: 'Illustrative scenario',
} as const;
export type CalloutKind = keyof typeof calloutKinds;
