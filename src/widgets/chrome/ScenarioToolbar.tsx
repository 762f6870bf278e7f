import { SelectField } from './ChoiceFields';
import { CopyLinkButton } from './CopyLinkButton';
import { NumberField } from './NumberField';

/** Scenario preset, seed, "reset to lesson preset" and "copy link": the top of every simulator. */
export function ScenarioToolbar({
  options,
  preset,
  onPreset,
  seedText,
  onSeedText,
  seedValid,
  onReset,
  linkUrl,
}: {
  options: readonly { value: string; label: string }[];
  preset: string;
  onPreset: (name: string) => void;
  seedText: string;
  onSeedText: (text: string) => void;
  seedValid: boolean;
  onReset: () => void;
  linkUrl: () => string;
}) {
  return (
    <div className="widget-toolbar">
      <SelectField label="Scenario" value={preset} options={options} onChange={onPreset} />
      <NumberField
        label="Seed"
        value={seedText}
        onChange={onSeedText}
        min={0}
        step={1}
        error={seedValid ? undefined : 'The seed is a whole number from 0 to 4294967295.'}
      />
      <button type="button" onClick={onReset}>
        Reset to lesson preset
      </button>
      <CopyLinkButton url={linkUrl} />
    </div>
  );
}
