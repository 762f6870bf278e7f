// @vitest-environment happy-dom
import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

const mermaidRender = vi.fn<(id: string, source: string) => Promise<{ svg: string }>>();
vi.mock('mermaid', () => ({
  default: { initialize: vi.fn(), render: (id: string, source: string) => mermaidRender(id, source) },
}));

const { default: MermaidRenderer } = await import('./MermaidRenderer');

afterEach(() => mermaidRender.mockReset());

describe('MermaidRenderer', () => {
  it('shows the drawn SVG with an accessible name', async () => {
    mermaidRender.mockResolvedValue({ svg: '<svg data-testid="drawn"></svg>' });
    render(<MermaidRenderer source="stateDiagram-v2" label="Breaker states" />);
    expect(await screen.findByRole('img', { name: 'Breaker states' })).toBeTruthy();
    expect(screen.getByTestId('drawn')).toBeTruthy();
  });

  it('shows the parse error and the source in a box instead of breaking', async () => {
    mermaidRender.mockRejectedValue(new Error('Parse error on line 2: unexpected arrow'));
    render(<MermaidRenderer source={'flowchart LR\n  A -->> B'} label="Broken" />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('This diagram could not be drawn');
    expect(alert.textContent).toContain('Parse error on line 2: unexpected arrow');
    expect(alert.querySelector('pre')?.textContent).toBe('flowchart LR\n  A -->> B');
  });
});
