import { useEffect, useState } from 'react';
import { listNames } from '../formula/names';
import { loadFormulaJudge } from '../formula/load';
import type { FormulaSpec } from '../types';

import type { previewFormula } from '../formula/judge';

type Preview = typeof previewFormula;

/**
 * A formula answer: a text box, the names the question uses, and a live preview of how the
 * typed formula reads (products and powers made explicit) or why it cannot be read. The
 * expression library loads the first time the learner types here.
 */
export function FormulaInput({
  id,
  spec,
  value,
  disabled,
  onChange,
  onKeyDown,
  problemId,
}: {
  id: string;
  spec: FormulaSpec;
  value: string;
  disabled: boolean;
  onChange: (value: string) => void;
  onKeyDown: ((e: React.KeyboardEvent<HTMLInputElement>) => void) | undefined;
  /** A message beside the input saying why the last check could not read it. */
  problemId: string | undefined;
}) {
  const [preview, setPreview] = useState<Preview | null>(null);
  const names = [...spec.variables.map((v) => v.name), ...spec.where.map((w) => w.name)];
  const wanted = value.trim() !== '';
  useEffect(() => {
    if (!wanted || preview) return;
    let live = true;
    // Loading the judge module also loads the preview; a failure leaves the preview off.
    void loadFormulaJudge()
      .then(() => import('../formula/judge'))
      .then((m) => live && setPreview(() => m.previewFormula))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [wanted, preview]);
  const read = preview && wanted ? preview(value, names) : null;
  return (
    <div className="field quiz-formula">
      <label htmlFor={`${id}-f`}>Your formula</label>
      <input
        id={`${id}-f`}
        type="text"
        autoComplete="off"
        autoCapitalize="off"
        spellCheck={false}
        maxLength={500}
        onKeyDown={onKeyDown}
        value={value}
        disabled={disabled}
        aria-describedby={[`${id}-fh`, `${id}-fp`, problemId].filter(Boolean).join(' ')}
        aria-invalid={problemId ? true : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      <p id={`${id}-fh`} className="field-help">
        Use {listNames(names)}. A space or * multiplies, ^ is a power, Greek letters may be typed or
        spelled (α or alpha).
      </p>
      <p id={`${id}-fp`} className={read && !read.ok ? 'field-error' : 'field-help'}>
        {read === null ? '' : read.ok ? `Reads as: ${read.shown}` : read.reason}
      </p>
    </div>
  );
}
