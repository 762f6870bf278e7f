// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { CompiledLesson } from '../../content/types';
import {
  clockText,
  keyBelongsToControl,
  minutesText,
  plannedMinutes,
  slideAction,
  slideFromSearch,
  slideOutline,
} from './slideMath';

describe('slideFromSearch', () => {
  it('reads a 1-based slide number and clamps it to the lesson', () => {
    expect(slideFromSearch('?slide=3', 9)).toBe(2);
    expect(slideFromSearch('?slide=1', 9)).toBe(0);
    expect(slideFromSearch('?slide=99', 9)).toBe(8);
    expect(slideFromSearch('?slide=0', 9)).toBe(0);
  });
  it('starts at the first slide when the number is missing or not a number', () => {
    expect(slideFromSearch('', 9)).toBe(0);
    expect(slideFromSearch('?slide=two', 9)).toBe(0);
    expect(slideFromSearch('?slide=-2', 9)).toBe(0);
    expect(slideFromSearch('?slide=2.5', 9)).toBe(0);
  });
});

describe('plannedMinutes', () => {
  it('shares the lesson minutes by weight', () => {
    expect(plannedMinutes(30, [{ weight: 1 }, { weight: 2 }, { weight: 3 }], [])).toEqual([
      5, 10, 15,
    ]);
  });
  it('keeps the minutes an author gave and shares out only the rest', () => {
    const out = plannedMinutes(
      30,
      [{ weight: 1 }, { weight: 100 }, { weight: 3 }],
      [null, { minutes: 10 }, null],
    );
    expect(out).toEqual([5, 10, 15]);
  });
  it('gives the other slides nothing when the notes already use up the time', () => {
    expect(plannedMinutes(10, [{ weight: 1 }, { weight: 1 }], [{ minutes: 12 }, null])).toEqual([
      12, 0,
    ]);
  });
});

describe('clock and minutes text', () => {
  it('formats elapsed time', () => {
    expect(clockText(0)).toBe('0:00');
    expect(clockText(65.9)).toBe('1:05');
    expect(clockText(3725)).toBe('1:02:05');
    expect(clockText(-4)).toBe('0:00');
  });
  it('rounds planned minutes to halves', () => {
    expect(minutesText(4.2)).toBe('4 min');
    expect(minutesText(2.4)).toBe('2.5 min');
    expect(minutesText(0.3)).toBe('under a minute');
  });
});

describe('slideAction', () => {
  it('maps the documented keys', () => {
    expect(slideAction('ArrowRight', false)).toBe('next');
    expect(slideAction('PageDown', false)).toBe('next');
    expect(slideAction(' ', false)).toBe('next');
    expect(slideAction(' ', true)).toBe('previous');
    expect(slideAction('ArrowLeft', false)).toBe('previous');
    expect(slideAction('PageUp', false)).toBe('previous');
    expect(slideAction('Home', false)).toBe('first');
    expect(slideAction('End', false)).toBe('last');
    expect(slideAction('f', false)).toBe('fullscreen');
    expect(slideAction('?', true)).toBe('help');
    expect(slideAction('x', false)).toBeNull();
  });
});

describe('keyBelongsToControl', () => {
  it('leaves keys in fields and sliders to them, and Space on buttons', () => {
    document.body.innerHTML =
      '<input id="i"><div role="slider" id="s" tabindex="0"></div><button id="b"></button><p id="p"></p>';
    const el = (id: string) => document.getElementById(id);
    expect(keyBelongsToControl(el('i'), 'ArrowRight')).toBe(true);
    expect(keyBelongsToControl(el('s'), 'ArrowLeft')).toBe(true);
    expect(keyBelongsToControl(el('b'), ' ')).toBe(true);
    expect(keyBelongsToControl(el('b'), 'ArrowRight')).toBe(false);
    expect(keyBelongsToControl(el('p'), ' ')).toBe(false);
    expect(keyBelongsToControl(document.body, 'ArrowRight')).toBe(false);
  });
});

describe('slideOutline', () => {
  it('lists a slide’s ### headings and its live parts', () => {
    const lesson: CompiledLesson = {
      id: 'm/l',
      headings: [
        { id: 'a', text: 'A', depth: 2 },
        { id: 'a1', text: 'A one', depth: 3 },
        { id: 'b', text: 'B', depth: 2 },
        { id: 'b1', text: 'B one', depth: 3 },
      ],
      blocks: [
        { t: 'html', html: '<h2 id="a">A</h2>' },
        {
          t: 'el',
          tag: 'section',
          attrs: {},
          children: [{ t: 'widget', type: 'queue', attrs: { type: 'queue' }, line: 1 }],
        },
        { t: 'html', html: '<h2 id="b">B</h2>' },
      ],
      slides: [
        { id: 'a', title: 'A', start: 0, end: 2, weight: 1 },
        { id: 'b', title: 'B', start: 2, end: 3, weight: 1 },
      ],
    };
    expect(slideOutline(lesson, 0)).toEqual({ headings: ['A one'], parts: ['Widget: queue'] });
    expect(slideOutline(lesson, 1)).toEqual({ headings: ['B one'], parts: [] });
    expect(slideOutline(lesson, 5)).toEqual({ headings: [], parts: [] });
  });
});
