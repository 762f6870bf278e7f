import { defaultSchema } from 'hast-util-sanitize';
import type { Schema } from 'hast-util-sanitize';

const base = defaultSchema.attributes ?? {};

/**
 * GitHub's schema (what rehype-sanitize uses by default) plus the elements our own directives
 * produce. Raw HTML typed into a lesson goes through the same filter, so scripts, event
 * handlers, styles and javascript: URLs are dropped.
 *
 * `clobber` is emptied: remark-rehype already prefixes footnote ids with `user-content-`, and
 * heading ids are assigned after sanitising from the heading text, so a second prefix would only
 * break footnote links.
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
  },
};
