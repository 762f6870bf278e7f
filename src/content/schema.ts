import { z } from 'zod';

/** Front matter every lesson carries. Checked at build time by the content compiler. */
export const difficulties = ['introductory', 'intermediate', 'advanced'] as const;
export const lessonKinds = ['overview', 'focus', 'gauntlet', 'reference'] as const;

const kebab = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const lessonIdPattern = /^[a-z0-9-]+\/[a-z0-9-]+$/;

export const frontMatterSchema = z.strictObject({
  title: z.string().trim().min(1, 'title must not be empty').max(120),
  summary: z.string().trim().min(1, 'summary must not be empty').max(300),
  minutes: z
    .number({ error: 'minutes must be a whole number of estimated minutes' })
    .int('minutes must be a whole number')
    .min(1)
    .max(240),
  difficulty: z.enum(difficulties, {
    error: `difficulty must be one of: ${difficulties.join(', ')}`,
  }),
  kind: z.enum(lessonKinds, { error: `kind must be one of: ${lessonKinds.join(', ')}` }),
  tags: z.array(z.string().regex(kebab, 'tags are lowercase kebab-case, e.g. circuit-breaker')),
  prerequisites: z.array(
    z.string().regex(lessonIdPattern, 'prerequisites are lesson ids like control-distribution/overview'),
  ),
});
export type FrontMatter = z.infer<typeof frontMatterSchema>;

export const moduleFileSchema = z.strictObject({
  title: z.string().trim().min(1).max(120),
  summary: z.string().trim().min(1).max(300),
  order: z.number().int().min(0),
});
export type ModuleFile = z.infer<typeof moduleFileSchema>;

/** `content/<module>/<nn>-<slug>.md` */
export const lessonFileNamePattern = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)\.md$/;
export const moduleDirPattern = kebab;
