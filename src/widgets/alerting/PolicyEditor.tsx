import { useId, useState } from 'react';
import { CheckboxField, SelectField } from '../chrome/ChoiceFields';
import { NumberField } from '../chrome/NumberField';
import { newRule, policyToForm } from './form';
import type { PolicyForm, RuleForm } from './form';
import { MAX_RULES, policyPresets } from './params';
import type { PolicyPresetName } from './params';
import type { Rule } from './rules';

/**
 * One policy's editor: start from a preset, then add, remove and edit rules and the routing
 * settings. Everything typed is kept as text; the problems come from the same schema the worker
 * checks, in words, each next to its field (a rule's naming the rule), and those that belong to
 * no field under the policy.
 */

/** Problems by field path (`rules.1.forMinutes`), from `checkPolicy`. */
type FieldErrors = Readonly<Record<string, string>>;

const kindLabels: Record<Rule['kind'], string> = {
  threshold: 'Threshold',
  anomaly: 'Anomaly (baseline)',
  'burn-rate': 'SLO burn rate',
};

const severityOptions = [
  { value: 'page', label: 'Page (wakes someone)' },
  { value: 'ticket', label: 'Ticket (next working day)' },
  { value: 'log', label: 'Log only' },
];

const metricOptions = [
  { value: 'errors', label: 'Error ratio' },
  { value: 'latency', label: 'p99 latency' },
  { value: 'cpu', label: 'CPU' },
];

const groupingOptions = [
  { value: 'none', label: 'None: every alert on its own' },
  { value: 'service', label: 'By service' },
  { value: 'rule', label: 'By rule' },
];

function TextField({
  label,
  value,
  onChange,
  error,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: string | undefined;
}) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

function RuleEditor({
  rule,
  index,
  onChange,
  onRemove,
  canRemove,
  errors,
}: {
  rule: RuleForm;
  index: number;
  onChange: (rule: RuleForm) => void;
  onRemove: () => void;
  canRemove: boolean;
  errors: FieldErrors;
}) {
  const set = <K extends keyof RuleForm>(key: K, value: RuleForm[K]) =>
    onChange({ ...rule, [key]: value });
  const error = (key: keyof RuleForm) => errors[`rules.${index}.${key}`];
  const unit = rule.metric === 'latency' ? 'ms' : '%';
  return (
    <fieldset className="alert-rule">
      <legend>
        Rule {index + 1}: {kindLabels[rule.kind]}
      </legend>
      <div className="param-grid">
        <TextField
          label="Name"
          value={rule.name}
          onChange={(v) => set('name', v)}
          error={error('name')}
        />
        <SelectField
          label="Sends"
          value={rule.severity}
          options={severityOptions}
          onChange={(v) => set('severity', v as RuleForm['severity'])}
        />
        {rule.kind !== 'burn-rate' && (
          <SelectField
            label="Watches"
            value={rule.metric}
            options={metricOptions}
            onChange={(v) => set('metric', v as RuleForm['metric'])}
          />
        )}
        {rule.kind === 'threshold' && (
          <>
            <NumberField
              label="Fires above"
              unit={unit}
              value={rule.above}
              onChange={(v) => set('above', v)}
              error={error('above')}
            />
            <NumberField
              label="Resolves at or below"
              unit={unit}
              value={rule.resolveAt}
              onChange={(v) => set('resolveAt', v)}
              error={error('resolveAt')}
              help="Blank: resolves as soon as it drops under the threshold."
            />
          </>
        )}
        {rule.kind === 'anomaly' && (
          <>
            <SelectField
              label="Method"
              value={rule.method}
              options={[
                { value: 'zscore', label: 'z-score above k' },
                { value: 'iqr', label: 'above Q3 + k·IQR' },
              ]}
              onChange={(v) => set('method', v as RuleForm['method'])}
            />
            <NumberField
              label="Baseline window"
              unit="min"
              value={rule.windowMinutes}
              onChange={(v) => set('windowMinutes', v)}
              error={error('windowMinutes')}
              step={1}
            />
            <NumberField
              label="k"
              value={rule.k}
              onChange={(v) => set('k', v)}
              error={error('k')}
            />
          </>
        )}
        {rule.kind !== 'burn-rate' && (
          <NumberField
            label="For"
            unit="min"
            value={rule.forMinutes}
            onChange={(v) => set('forMinutes', v)}
            error={error('forMinutes')}
            step={1}
            help="How long the condition must hold before it fires."
          />
        )}
        {rule.kind === 'burn-rate' && (
          <>
            <NumberField
              label="SLO"
              unit="%"
              value={rule.slo}
              onChange={(v) => set('slo', v)}
              error={error('slo')}
            />
            <NumberField
              label="Burn rate at least"
              unit="×"
              value={rule.factor}
              onChange={(v) => set('factor', v)}
              error={error('factor')}
            />
            <NumberField
              label="Long window"
              unit="min"
              value={rule.longWindowMinutes}
              onChange={(v) => set('longWindowMinutes', v)}
              error={error('longWindowMinutes')}
              step={1}
            />
            <NumberField
              label="Short window"
              unit="min"
              value={rule.shortWindowMinutes}
              onChange={(v) => set('shortWindowMinutes', v)}
              error={error('shortWindowMinutes')}
              step={1}
            />
          </>
        )}
        <CheckboxField
          label="Can wait for morning (quiet hours)"
          checked={rule.quiet}
          onChange={(v) => set('quiet', v)}
        />
      </div>
      <button type="button" onClick={onRemove} disabled={!canRemove}>
        Remove rule {index + 1}
      </button>
    </fieldset>
  );
}

export function PolicyEditor({
  label,
  form,
  onChange,
  errors,
  problems,
}: {
  /** "Policy A" or "Policy B". */
  label: string;
  form: PolicyForm;
  onChange: (form: PolicyForm) => void;
  /** Problems next to their fields, by path. */
  errors: FieldErrors;
  /** Problems that belong to no one field (no rule, two rules with one id). */
  problems: readonly string[];
}) {
  const [addKind, setAddKind] = useState<Rule['kind']>('threshold');
  const problemId = useId();
  const set = <K extends keyof PolicyForm>(key: K, value: PolicyForm[K]) =>
    onChange({ ...form, [key]: value });
  const setRule = (i: number, rule: RuleForm) =>
    set(
      'rules',
      form.rules.map((r, j) => (j === i ? rule : r)),
    );
  return (
    <fieldset
      className="alert-policy"
      aria-describedby={problems.length > 0 ? problemId : undefined}
    >
      <legend>
        {label}: {form.name || 'unnamed'}
      </legend>
      <SelectField
        label="Start from"
        value=""
        options={[
          { value: '', label: 'Choose a preset…' },
          ...Object.entries(policyPresets).map(([value, p]) => ({ value, label: p.title })),
        ]}
        onChange={(name) => {
          const preset = policyPresets[name as PolicyPresetName] as
            (typeof policyPresets)[PolicyPresetName] | undefined;
          if (preset) onChange(policyToForm(structuredClone(preset.policy)));
        }}
      />
      <div className="param-grid">
        <TextField
          label="Policy name"
          value={form.name}
          onChange={(v) => set('name', v)}
          error={errors.name}
        />
        <SelectField
          label="Grouping"
          value={form.grouping}
          options={groupingOptions}
          onChange={(v) => set('grouping', v as PolicyForm['grouping'])}
        />
        <NumberField
          label="Group wait"
          unit="min"
          value={form.groupWaitMinutes}
          onChange={(v) => set('groupWaitMinutes', v)}
          error={errors.groupWaitMinutes}
          step={1}
        />
        <NumberField
          label="Repeat a page every"
          unit="min"
          value={form.repeatMinutes}
          onChange={(v) => set('repeatMinutes', v)}
          error={errors.repeatMinutes}
          step={1}
        />
        <CheckboxField
          label="Inhibit: a cause silences its callers’ alerts"
          checked={form.inhibit}
          onChange={(v) => set('inhibit', v)}
        />
        <CheckboxField
          label="Quiet hours 23:00–07:00"
          checked={form.quietHours}
          onChange={(v) => set('quietHours', v)}
        />
      </div>
      {form.rules.map((rule, i) => (
        <RuleEditor
          key={rule.id}
          rule={rule}
          index={i}
          onChange={(r) => setRule(i, r)}
          onRemove={() =>
            set(
              'rules',
              form.rules.filter((_, j) => j !== i),
            )
          }
          canRemove={form.rules.length > 1}
          errors={errors}
        />
      ))}
      <div className="widget-toolbar">
        <SelectField
          label="New rule"
          value={addKind}
          options={Object.entries(kindLabels).map(([value, l]) => ({ value, label: l }))}
          onChange={(v) => setAddKind(v as Rule['kind'])}
        />
        <button
          type="button"
          disabled={form.rules.length >= MAX_RULES}
          onClick={() =>
            set('rules', [
              ...form.rules,
              newRule(
                addKind,
                form.rules.map((r) => r.id),
              ),
            ])
          }
        >
          Add rule
        </button>
      </div>
      {problems.length > 0 && (
        <div id={problemId} role="alert">
          {problems.map((p) => (
            <p key={p} className="form-error">
              {label} cannot run: {p}
            </p>
          ))}
        </div>
      )}
    </fieldset>
  );
}
