import type { Element, Root } from 'hast';
import { sanitize } from 'hast-util-sanitize';
import { describe, expect, it } from 'vitest';
import { isOnSiteUrl, sanitizeSchema } from './sanitizeSchema.ts';

const img = (src: string): Root => ({
  type: 'root',
  children: [{ type: 'element', tagName: 'img', properties: { src, alt: 'a' }, children: [] }],
});
const srcOf = (tree: Root) => (tree.children[0] as Element).properties.src ?? null;

describe('the sanitiser', () => {
  it.each([
    'https://evil.example/track.png',
    'http://evil.example/track.png',
    '//evil.example/track.png',
    '/\\evil.example/track.png',
    '\\\\evil.example/track.png',
    '/\t/evil.example/track.png',
    ' //evil.example/track.png',
    'data:image/png;base64,AAAA',
    'blob:https://evil.example/1',
  ])('drops an image source on another site: %s', (src) => {
    expect(isOnSiteUrl(src)).toBe(false);
    expect(srcOf(sanitize(img(src), sanitizeSchema) as Root)).toBeNull();
  });

  it.each(['/figures/a.png', 'figures/a.png', './a.png', '../a.png', '/a.png?v=2#x'])(
    'keeps an image on this site: %s',
    (src) => {
      expect(isOnSiteUrl(src)).toBe(true);
      expect(srcOf(sanitize(img(src), sanitizeSchema) as Root)).toBe(src);
    },
  );

  it('drops a picture source set naming another site', () => {
    const tree: Root = {
      type: 'root',
      children: [
        {
          type: 'element',
          tagName: 'source',
          properties: { srcSet: '/a.png 1x, https://evil.example/b.png 2x' },
          children: [],
        },
      ],
    };
    const out = sanitize(tree, sanitizeSchema) as Root;
    expect((out.children[0] as Element).properties.srcSet).toBeUndefined();
  });
});
