import type { FormValues } from '../chrome/paramForm';

/** What the settings panel and the faults editor get: the form's values, errors and setters. */
export interface FormProps {
  values: FormValues;
  errors: Readonly<Record<string, string>>;
  set: (key: string, value: string) => void;
  setMany: (patch: Record<string, string>) => void;
}
