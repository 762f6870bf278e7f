import { defaultSchema } from 'hast-util-sanitize';
import type { Schema } from 'hast-util-sanitize';

const base = defaultSchema.attributes ?? {};

/**
 * A URL the page may fetch: a path on this site. No scheme (`https:`, `data:`), nothing
 * protocol-relative (`//host`), no backslash (browsers read `/\\host` as `//host`), and no
 * control character (browsers drop tabs and newlines, so `/\t/host` is `//host` too). The
 * content lint and the sanitiser apply the same rule, so the workbook works offline and no
 * lesson can make the reader's browser call another host.
 */
// eslint-disable-next-line no-control-regex -- refusing control characters is the point
export const onSiteUrl = /^(?!.*\/\/)[^:\\\u0000-\u001f\u007f]*$/;

export const isOnSiteUrl = (url: string): boolean => onSiteUrl.test(url);

/** `img` as GitHub allows it, but its `src` only on this site. */
const withoutSrc = (base.img ?? []).filter((a) => a !== 'src');

/**
 * GitHub's schema (what rehype-sanitize uses by default) plus the elements our own directives
 * produce. Raw HTML typed into a lesson goes through the same filter, so scripts, event
 * handlers, styles and javascript: URLs are dropped.
 *
 * `clobber` is emptied: remark-rehype already prefixes footnote ids with `user-content-`, and
 * heading ids are assigned after sanitising from the heading text, so a second prefix would only
 * break footnote links.
 *
 * Images (`img` src, a `picture`'s `source` srcset) may only come from this site: any other
 * URL is dropped (see `onSiteUrl`).
 */
export const sanitizeSchema: Schema = {
  ...defaultSchema,
  clobber: [],
  tagNames: [
    ...(defaultSchema.tagNames ?? []),
    'wb-widget',
    'wb-mermaid',
    'wb-quiz',
    'wb-exercise',
    'wb-notes',
    'figure',
    'figcaption',
  ],
  attributes: {
    ...base,
    'wb-widget': ['dataType', 'dataAttrs', 'dataLine'],
    'wb-mermaid': ['dataSource', 'dataTitle', 'dataLine'],
    'wb-quiz': ['dataQuiz', 'dataLine'],
    'wb-exercise': ['dataId', 'dataLine'],
    'wb-notes': ['dataMinutes', 'dataLine'],
    // One className rule per element: the sanitiser reads only the first.
    section: ['dataFootnotes', 'dataPhase', ['className', 'footnotes', 'phase', /^phase-[a-z]+$/]],
    div: [
      ...(base.div ?? []),
      ['className', 'callout', /^callout-[a-z]+$/],
      ['role', 'note'],
      'dataPart',
    ],
    p: [['className', 'callout-title', 'phase-label']],
    h2: [...(base.h2 ?? []), 'dataPhase'],
    details: [['className', 'reveal']],
    img: [...withoutSrc, ['src', onSiteUrl]],
    source: [['srcSet', onSiteUrl]],
  },
};
