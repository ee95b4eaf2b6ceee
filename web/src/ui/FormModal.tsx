import { Modal, Stack } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { t } from '../i18n';
import { FormButtons } from './FormButtons';
import { type FieldErrors, FormErrorSummary, fieldErrorsOf } from './FormErrors';
import { type FieldSpec, FormField } from './FormField';
import type { FormValue, FormValues } from './formValues';

interface Props {
  opened: boolean;
  title: string;
  fields: FieldSpec[];
  initialValues: FormValues;
  onClose: () => void;
  /** Resolves when saved (the modal closes), rejects with the API error (shown next to the inputs). */
  onSubmit: (values: FormValues) => Promise<unknown>;
  submitLabel?: string;
}

function missingRequired(fields: FieldSpec[], values: FormValues): FieldErrors {
  const errors: FieldErrors = {};
  for (const field of fields) {
    const value = values[field.name];
    const empty =
      value === undefined ||
      (typeof value === 'string' && value.trim() === '') ||
      (Array.isArray(value) && value.length === 0);
    if (field.required && empty) errors[field.name] = t('common.required');
  }
  return errors;
}

/** An edit or create form in a dialog: keeps what was typed when the server refuses it. */
export function FormModal({ opened, title, onClose, ...form }: Props) {
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={title}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {/* The modal unmounts its content when closed, so each opening starts from initialValues. */}
      <FormBody {...form} onClose={onClose} />
    </Modal>
  );
}

type BodyProps = Omit<Props, 'opened' | 'title'>;

function FormBody({ fields, initialValues, onClose, onSubmit, submitLabel }: BodyProps) {
  const [values, setValues] = useState<FormValues>(initialValues);
  const [error, setError] = useState<unknown>(null);
  const [localErrors, setLocalErrors] = useState<FieldErrors>({});
  const [pending, setPending] = useState(false);

  const serverErrors = fieldErrorsOf(error);
  const labels = Object.fromEntries(fields.map((f) => [f.name, f.label]));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing = missingRequired(fields, values);
    setLocalErrors(missing);
    if (Object.keys(missing).length > 0) return;
    setPending(true);
    setError(null);
    try {
      await onSubmit(values);
      onClose();
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(false);
    }
  };

  const change = (name: string, value: FormValue) => {
    setValues((current) => ({ ...current, [name]: value }));
    setLocalErrors((current) => {
      if (!(name in current)) return current;
      const { [name]: _removed, ...rest } = current;
      return rest;
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <FormErrorSummary error={error} labels={labels} />
        {fields.map((field) => (
          <FormField
            key={field.name}
            spec={field}
            value={values[field.name]}
            error={localErrors[field.name] ?? serverErrors[field.name]}
            onChange={(value) => change(field.name, value)}
          />
        ))}
        <FormButtons onCancel={onClose} submitLabel={submitLabel} pending={pending} />
      </Stack>
    </form>
  );
}
