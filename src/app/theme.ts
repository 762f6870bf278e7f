import { useEffect, useSyncExternalStore } from 'react';
import type { ThemeChoice } from '../store/schema';
import { useWorkbook } from '../store/store';

export type ResolvedTheme = 'light' | 'dark';

const darkQuery = () =>
  typeof window !== 'undefined' && 'matchMedia' in window
    ? window.matchMedia('(prefers-color-scheme: dark)')
    : null;

function subscribeSystem(onChange: () => void) {
  const q = darkQuery();
  q?.addEventListener('change', onChange);
  return () => q?.removeEventListener('change', onChange);
}

const systemTheme = (): ResolvedTheme => (darkQuery()?.matches ? 'dark' : 'light');

export function resolveTheme(choice: ThemeChoice, system: ResolvedTheme): ResolvedTheme {
  return choice === 'system' ? system : choice;
}

/** The theme in force now, following the OS while the learner's choice is "system". */
export function useResolvedTheme(): ResolvedTheme {
  const choice = useWorkbook((s) => s.theme);
  const system = useSyncExternalStore(subscribeSystem, systemTheme, () => 'light' as const);
  return resolveTheme(choice, system);
}

/** Mirrors the resolved theme onto <html data-theme>, which the CSS reads. */
export function useApplyTheme() {
  const theme = useResolvedTheme();
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    document.documentElement.style.colorScheme = theme;
  }, [theme]);
}
