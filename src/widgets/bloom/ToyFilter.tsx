import { useId, useState } from 'react';
import { SelectField } from '../chrome/ChoiceFields';
import { BloomFilter, CountingBloomFilter } from './bloom';
import type { BloomTrace } from './bloom';

type Kind = 'plain' | 'counting';

interface Op {
  action: 'add' | 'check' | 'remove';
  trace: BloomTrace;
  /** Whether the key had been added (and not removed) before this operation. */
  member: boolean;
  removed?: 'removed' | 'not-present' | 'not-added';
}

const sizes = [16, 32, 64, 128, 256, 512].map((m) => ({ value: String(m), label: `${m} bits` }));
const hashCounts = [1, 2, 3, 4, 5, 6, 7, 8].map((k) => ({ value: String(k), label: `k = ${k}` }));

/** Words for what the last operation did, bit by bit. */
export function explain(op: Op): string {
  const { trace, action, member } = op;
  const where = trace.positions.join(', ');
  if (action === 'add') {
    const fresh = trace.wasSet.filter((s) => !s).length;
    return `Added “${trace.key}”: its ${trace.positions.length} hash${trace.positions.length === 1 ? '' : 'es'} point at bits ${where}; ${fresh === 0 ? 'all were already set, so the filter did not change' : `${fresh} of them ${fresh === 1 ? 'was' : 'were'} newly set`}.`;
  }
  if (action === 'remove') {
    if (op.removed === 'removed')
      return `Removed “${trace.key}”: the counters at ${where} went down by one. Bits still counted by other items stay on.`;
    if (op.removed === 'not-added')
      return `You never added “${trace.key}”, so the filter refuses to remove it: even if it answers “maybe”, its counters at ${where} belong to other items, and taking them down would make those items read “definitely not” — a false negative.`;
    return `“${trace.key}” is not in the filter (a counter at ${where} is zero), so there was nothing to remove.`;
  }
  const clear = trace.positions.filter((_, i) => !trace.wasSet[i]);
  if (clear.length > 0)
    return `Checked “${trace.key}”: bit${clear.length === 1 ? '' : 's'} ${clear.join(', ')} ${clear.length === 1 ? 'is' : 'are'} clear, so it was definitely never added. A clear bit is proof: adding never clears one.`;
  return member
    ? `Checked “${trace.key}”: bits ${where} are all set, so the answer is “maybe”, and here it is right: you added it.`
    : `Checked “${trace.key}”: bits ${where} are all set, so the answer is “maybe”, but you never added it. That is a false positive: other items set those bits between them.`;
}

/** A small filter drawn bit by bit: add and check items, watch their positions. */
export function ToyFilter({ initial }: { initial: { m: number; k: number; seed: number } }) {
  const [shape, setShape] = useState({ m: initial.m, k: initial.k, kind: 'plain' as Kind });
  const build = (s: typeof shape) =>
    s.kind === 'plain'
      ? new BloomFilter(s.m, s.k, initial.seed)
      : new CountingBloomFilter(s.m, s.k, initial.seed);
  // The filter is mutable state of its own, rebuilt only when its shape changes.
  const [filter, setFilter] = useState(() => build(shape));
  const id = useId();
  const [items, setItems] = useState<string[]>([]);
  const [last, setLast] = useState<Op | null>(null);
  const [text, setText] = useState('');
  const key = text.trim();
  const problem = key.length > 200 ? 'Keep an item under 200 characters.' : null;

  const reshape = (next: Partial<typeof shape>) => {
    const s = { ...shape, ...next };
    setShape(s);
    setFilter(build(s));
    setItems([]);
    setLast(null);
  };
  const run = (action: Op['action']) => {
    if (!key || problem) return;
    const member = items.includes(key);
    if (action === 'add') {
      setLast({ action, trace: filter.addTraced(key), member });
      if (!member) setItems((xs) => [...xs, key]);
      setText('');
    } else if (action === 'check') {
      setLast({ action, trace: filter.trace(key), member });
    } else if (filter instanceof CountingBloomFilter) {
      const trace = filter.trace(key);
      if (!member) {
        // Removing what was never added decrements counters that other items rely on.
        setLast({ action, trace, member, removed: 'not-added' });
        return;
      }
      const removed = filter.remove(key);
      setLast({ action, trace, member, removed });
      if (removed === 'removed') setItems((xs) => xs.filter((x) => x !== key));
    }
  };
  const positions = new Set(last?.trace.positions ?? []);
  const counting = filter instanceof CountingBloomFilter ? filter : null;
  const cells = Array.from({ length: shape.m }, (_, i) => ({
    on: counting ? counting.count(i) > 0 : (filter as BloomFilter).isSet(i),
    count: counting ? counting.count(i) : null,
    hit: positions.has(i),
  }));
  const setCount = cells.filter((c) => c.on).length;

  return (
    <div className="bloom-toy">
      <div className="param-grid">
        <SelectField
          label="Filter size m"
          value={String(shape.m)}
          options={sizes}
          onChange={(v) => reshape({ m: Number(v) })}
        />
        <SelectField
          label="Hash functions"
          value={String(shape.k)}
          options={hashCounts}
          onChange={(v) => reshape({ k: Number(v) })}
        />
        <SelectField
          label="Kind"
          value={shape.kind}
          options={[
            { value: 'plain', label: 'Plain (bits)' },
            { value: 'counting', label: 'Counting (can remove)' },
          ]}
          onChange={(v) => reshape({ kind: v as Kind })}
        />
      </div>
      <form
        className="bloom-entry"
        onSubmit={(e) => {
          e.preventDefault();
          run('add');
        }}
      >
        <div className={`field${problem ? ' field-invalid' : ''}`}>
          <label htmlFor={`${id}-item`}>Item</label>
          <input
            id={`${id}-item`}
            type="text"
            value={text}
            autoComplete="off"
            maxLength={400}
            aria-describedby={`${id}-help`}
            onChange={(e) => setText(e.target.value)}
          />
          <p id={`${id}-help`} className={problem ? 'field-error' : 'field-help'}>
            {problem ?? 'Any word: a user name, a URL, a phone number.'}
          </p>
        </div>
        <div className="bloom-buttons">
          <button type="submit" disabled={!key || !!problem}>
            Add
          </button>
          <button type="button" disabled={!key || !!problem} onClick={() => run('check')}>
            Check
          </button>
          <button
            type="button"
            disabled={!key || !!problem || !counting}
            onClick={() => run('remove')}
            aria-describedby={counting ? undefined : `${id}-no-remove`}
          >
            Remove
          </button>
        </div>
      </form>
      {!counting && (
        <p id={`${id}-no-remove`} className="field-help">
          A plain filter cannot remove: a bit does not know how many items set it, so clearing one
          item’s bits could clear bits other items need, and they would be reported “definitely not”
          — the one answer a Bloom filter promises never to get wrong. Switch to the counting kind,
          which keeps a small counter per position.
        </p>
      )}
      <p className="bloom-verdict" aria-live="polite">
        {last ? explain(last) : 'Add a few items, then check some you did not add.'}
      </p>
      <div
        className="bloom-bits"
        role="img"
        aria-label={`${shape.m} positions, ${setCount} set${last ? `; the last item’s positions are ${last.trace.positions.join(', ')}` : ''}`}
      >
        {cells.map((c, i) => (
          <span
            key={i}
            className={`bloom-bit${c.on ? ' bloom-on' : ''}${c.hit ? (c.on ? ' bloom-hit' : ' bloom-miss') : ''}`}
            title={`bit ${i}${c.count !== null ? `: count ${c.count}` : c.on ? ': set' : ': clear'}`}
          >
            {c.count !== null && c.count > 0 ? c.count : ''}
          </span>
        ))}
      </div>
      <p className="run-status">
        {setCount} of {shape.m} positions set ({Math.round((setCount / shape.m) * 100)} %). Items
        added: {items.length ? items.join(', ') : 'none yet'}.
      </p>
    </div>
  );
}
