// @vitest-environment happy-dom
import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Block } from '../types';

vi.mock('./MermaidDiagram', () => ({
  MermaidDiagram: () => {
    throw new Error('renderer exploded');
  },
}));

const { LessonBody } = await import('./LessonBody');

describe('LessonBody', () => {
  it('keeps the rest of the lesson when one block fails', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const blocks: Block[] = [
      { t: 'html', html: '<p>Before the diagram.</p>' },
      {
        t: 'el',
        tag: 'section',
        attrs: { className: 'phase phase-visual', 'data-phase': 'visual' },
        children: [
          { t: 'html', html: '<h2 id="picture">Picture</h2>' },
          { t: 'mermaid', source: 'flowchart LR', title: 'Loop', line: 3 },
          { t: 'html', html: '<p>Inside, after the diagram.</p>' },
        ],
      },
      { t: 'html', html: '<p>After the section.</p>' },
    ];
    render(<LessonBody blocks={blocks} />);
    expect(screen.getByText('Before the diagram.')).toBeTruthy();
    expect(screen.getByText('Inside, after the diagram.')).toBeTruthy();
    expect(screen.getByText('After the section.')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('This diagram could not be shown');
    expect(document.querySelector('section.phase-visual h2')?.id).toBe('picture');
  });

  it('keeps <summary> as the first child of <details> around a component', () => {
    const blocks: Block[] = [
      {
        t: 'el',
        tag: 'details',
        attrs: { className: 'reveal' },
        children: [
          { t: 'el', tag: 'summary', attrs: {}, children: [], html: 'Model <em>answer</em>' },
          { t: 'html', html: '<p>Because.</p>' },
        ],
      },
    ];
    render(<LessonBody blocks={blocks} />);
    const details = document.querySelector('details.reveal');
    expect(details?.firstElementChild?.tagName).toBe('SUMMARY');
    expect(details?.firstElementChild?.innerHTML).toBe('Model <em>answer</em>');
  });
});
