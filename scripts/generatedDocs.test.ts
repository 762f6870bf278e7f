import { describe, expect, it } from 'vitest';
import { calcNamesTable, replaceRegion, widgetPresetsTable } from './generatedDocs';

describe('generated docs', () => {
  it('lists every widget type with its presets, sorted by type', () => {
    const table = widgetPresetsTable({
      queue: { title: 'Queue calculator', presets: { 'normal-day': { title: 'A normal day' } } },
      bloom: { title: 'Bloom | lab', presets: { a: { title: 'One' }, b: { title: 'Two' } } },
    });
    expect(table.split('\n')).toEqual([
      '| type | widget | presets |',
      '| --- | --- | --- |',
      '| `bloom` | Bloom \\| lab | `a` (One), `b` (Two) |',
      '| `queue` | Queue calculator | `normal-day` (A normal day) |',
    ]);
  });

  it('groups :calc names by the part before the dot', () => {
    expect(calcNamesTable(['slo.budget', 'bloom.fp', 'bloom.size']).split('\n').slice(2)).toEqual([
      '| `bloom` | `bloom.fp`, `bloom.size` |',
      '| `slo` | `slo.budget` |',
    ]);
  });

  it('replaces only the text between its markers, and reports missing markers', () => {
    const doc = [
      'before',
      '<!-- generated:t (npm run docs writes this; do not edit) -->',
      'old',
      '<!-- /generated:t -->',
      'after',
    ].join('\n');
    const next = replaceRegion(doc, 't', 'new');
    expect(next).toContain('\n\nnew\n\n<!-- /generated:t -->\nafter');
    expect(next?.startsWith('before\n')).toBe(true);
    expect(replaceRegion(next!, 't', 'new')).toBe(next);
    expect(replaceRegion(doc, 'other', 'x')).toBeNull();
  });
});
