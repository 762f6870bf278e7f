// @vitest-environment happy-dom
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Block } from '../types';
import { LinkTargetNotice, widgetIdsOf } from './LinkTargetNotice';

const blocks: Block[] = [
  { t: 'html', html: '<p>Intro</p>' },
  {
    t: 'el',
    tag: 'section',
    attrs: {},
    children: [
      { t: 'widget', type: 'queue', attrs: { id: 'normal-day' }, line: 3 },
      { t: 'widget', type: 'bloom', attrs: {}, line: 5 },
    ],
  },
];

describe('a scenario link naming no widget on the page', () => {
  it('finds every widget, inside sections too, by its id or else its type', () => {
    expect(widgetIdsOf(blocks)).toEqual(['normal-day', 'bloom']);
  });

  it('says in words that the link was not used', () => {
    render(<LinkTargetNotice blocks={blocks} search="?w=retry-storm&seed=1&p=e30" />);
    expect(screen.getByRole('alert').textContent).toBe(
      'This link is for a widget named “retry-storm”, which is not on this page, so its settings were not used. The lesson’s own scenarios are shown instead.',
    );
  });

  it.each(['?w=normal-day&seed=1&p=e30', '?w=bloom', '', '?seed=1'])(
    'stays silent when the link names a widget here, or none (%s)',
    (search) => {
      const { container } = render(<LinkTargetNotice blocks={blocks} search={search} />);
      expect(container.textContent).toBe('');
    },
  );
});
