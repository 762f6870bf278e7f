import { LineCounter, parseDocument, isMap, isScalar } from 'yaml';
import { frontMatterSchema } from '../schema.ts';
import type { FrontMatter } from '../schema.ts';

export interface FrontMatterResult {
  data: FrontMatter | null;
  problems: { line: number; message: string }[];
  /** Number of lines the front matter block takes, fences included (0 when absent). */
  lines: number;
}

const fence = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

/** Parses and validates the YAML front matter, reporting problems on the line they occur. */
export function parseFrontMatter(source: string): FrontMatterResult {
  const match = fence.exec(source);
  if (!match) {
    return {
      data: null,
      lines: 0,
      problems: [{ line: 1, message: 'Missing front matter: start the file with a --- block' }],
    };
  }
  const yamlText = match[1] ?? '';
  const lines = match[0].split('\n').length - (match[0].endsWith('\n') ? 1 : 0);
  const counter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: counter, prettyErrors: false });
  // The YAML starts on line 2 of the file (after the opening ---).
  const fileLine = (offset: number | undefined) => (offset === undefined ? 1 : counter.linePos(offset).line + 1);
  if (doc.errors.length > 0) {
    return {
      data: null,
      lines,
      problems: doc.errors.map((e) => ({
        line: fileLine(e.pos[0]),
        message: `Front matter is not valid YAML: ${e.message.split('\n')[0] ?? ''}`,
      })),
    };
  }
  const parsed = frontMatterSchema.safeParse(doc.toJS());
  if (parsed.success) return { data: parsed.data, problems: [], lines };
  const problems = parsed.error.issues.map((issue) => {
    const key = issue.path[0];
    let line = 1;
    if (isMap(doc.contents) && typeof key === 'string') {
      const pair = doc.contents.items.find((item) => isScalar(item.key) && item.key.value === key);
      const range = (pair?.key as { range?: [number, number, number] } | undefined)?.range;
      line = fileLine(range?.[0]);
    }
    const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
    return { line, message: `Front matter ${where}${issue.message}` };
  });
  return { data: null, problems, lines };
}
