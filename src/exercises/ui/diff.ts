/**
 * A line diff (longest common subsequence), for showing the learner's code beside the reference
 * solution once they pass. Exercise files are small, so the O(n·m) table is fine.
 */
export type DiffLine = { kind: 'same' | 'theirs' | 'ours'; text: string };

export function lineDiff(theirs: string, ours: string): DiffLine[] {
  const a = theirs.replace(/\s+$/, '').split('\n');
  const b = ours.replace(/\s+$/, '').split('\n');
  const n = a.length;
  const m = b.length;
  const table = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      table[i]![j] =
        a[i]!.trim() === b[j]!.trim()
          ? table[i + 1]![j + 1]! + 1
          : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i]!.trim() === b[j]!.trim()) {
      out.push({ kind: 'same', text: b[j]! });
      i++;
      j++;
    } else if (table[i + 1]![j]! >= table[i]![j + 1]!) out.push({ kind: 'theirs', text: a[i++]! });
    else out.push({ kind: 'ours', text: b[j++]! });
  }
  while (i < n) out.push({ kind: 'theirs', text: a[i++]! });
  while (j < m) out.push({ kind: 'ours', text: b[j++]! });
  return out;
}
