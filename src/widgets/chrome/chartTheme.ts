import { useResolvedTheme } from '../../app/theme';

/**
 * Colours and styles every chart shares, for light and dark themes (each pair checked for
 * contrast against its background): a theory line, simulated points, bars, a marker, the grid
 * and the text. A chart with its own series colours adds them beside these.
 */
const palettes = {
  light: {
    theory: '#1d4ed8',
    sim: '#b91c1c',
    second: '#15803d',
    bar: '#6b7fa8',
    mark: '#7c2d12',
    grid: '#d5dae3',
    text: '#1a1f2b',
  },
  dark: {
    theory: '#93c5fd',
    sim: '#fca5a5',
    second: '#86efac',
    bar: '#7d8fb8',
    mark: '#fdba74',
    grid: '#343c4d',
    text: '#e6e9ef',
  },
};

export type ChartPalette = (typeof palettes)['light'];

export function useChartPalette(): ChartPalette {
  return palettes[useResolvedTheme()];
}

export const tooltipStyle = {
  background: 'var(--bg-raised)',
  border: '1px solid var(--border)',
  color: 'var(--text)',
};

/** Axis line and tick colours in the theme's text colour. */
export function axisProps(text: string) {
  return { stroke: text, tick: { fill: text, fontSize: 12 } };
}
