import { Checkbox, MultiSelect, NativeSelect, Textarea, TextInput } from '@mantine/core';
import { t } from '../i18n';
import type { FormValue } from './formValues';

export interface Option {
  value: string;
  label: string;
}

interface BaseSpec {
  name: string;
  label: string;
  description?: string;
  required?: boolean;
}

export type FieldSpec =
  | (BaseSpec & {
      kind: 'text' | 'email' | 'url' | 'tel' | 'date';
      autoComplete?: string;
      inputMode?: 'numeric' | 'text';
    })
  | (BaseSpec & { kind: 'textarea' })
  | (BaseSpec & { kind: 'select'; options: Option[]; placeholder?: string })
  | (BaseSpec & { kind: 'multiselect'; options: Option[] })
  | (BaseSpec & { kind: 'checkbox' });

interface Props {
  spec: FieldSpec;
  value: FormValue | undefined;
  error?: string;
  onChange: (value: FormValue) => void;
}

const inputTypes = { text: 'text', email: 'email', url: 'url', tel: 'tel', date: 'date' } as const;

/** One labelled input whose error message (from the API or the client) sits under it. */
export function FormField({ spec, value, error, onChange }: Props) {
  // Required inputs say so in their description (labels stay exactly the field's name).
  const description = spec.required
    ? [t('common.requiredHint'), spec.description].filter(Boolean).join(' ')
    : spec.description;
  const common = { label: spec.label, description, required: spec.required, error };
  switch (spec.kind) {
    case 'textarea':
      return (
        <Textarea
          {...common}
          autosize
          minRows={3}
          value={typeof value === 'string' ? value : ''}
          onChange={(event) => onChange(event.currentTarget.value)}
        />
      );
    case 'select':
      return (
        <NativeSelect
          {...common}
          value={typeof value === 'string' ? value : ''}
          onChange={(event) => onChange(event.currentTarget.value)}
          data={[{ value: '', label: spec.placeholder ?? '' }, ...spec.options]}
        />
      );
    case 'multiselect':
      return (
        <MultiSelect
          {...common}
          searchable
          value={Array.isArray(value) ? value : []}
          onChange={(next) => onChange(next)}
          data={spec.options}
        />
      );
    case 'checkbox':
      return (
        <Checkbox
          label={spec.label}
          description={spec.description}
          error={error}
          checked={value === true}
          onChange={(event) => onChange(event.currentTarget.checked)}
        />
      );
    default:
      return (
        <TextInput
          {...common}
          type={inputTypes[spec.kind]}
          autoComplete={spec.autoComplete}
          inputMode={spec.inputMode}
          value={typeof value === 'string' ? value : ''}
          onChange={(event) => onChange(event.currentTarget.value)}
        />
      );
  }
}
