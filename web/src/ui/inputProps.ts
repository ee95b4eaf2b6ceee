import { errorAt, type FieldErrors } from './FormErrors';

/**
 * What each text input of a form is given: its label, value, error (its own or a nested
 * field's) and change. The returned function's result spreads into a TextInput or a Textarea.
 */
export function inputProps<K extends string>(
  labels: Record<K, string>,
  values: Record<K, string>,
  errors: FieldErrors,
  onChange: (key: K, value: string) => void,
) {
  return (key: K) => ({
    label: labels[key],
    value: values[key],
    error: errorAt(errors, key),
    onChange: (event: { currentTarget: { value: string } }) => onChange(key, event.currentTarget.value),
  });
}
