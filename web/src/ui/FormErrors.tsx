import { Alert, List } from '@mantine/core';
import type { CSSProperties } from 'react';
import { ApiError } from '../app/api';
import { t } from '../i18n';

/** Mantine's error red (red.6) reads at 3.3:1 on white; a darker shade meets WCAG's 4.5:1 in any colour scheme. */
export const errorContrast = { '--mantine-color-error': 'var(--mantine-color-red-9)' } as CSSProperties;

/** Field path → message, for the `error` prop of each input. */
export type FieldErrors = Record<string, string>;

/** The per-field messages of a failed call, keyed by dotted path (`establishment.siret`). */
export function fieldErrorsOf(error: unknown): FieldErrors {
  const map: FieldErrors = {};
  if (!(error instanceof ApiError)) return map;
  for (const field of error.fields) if (!(field.field in map)) map[field.field] = field.message;
  return map;
}

interface SummaryProps {
  error: unknown;
  /** Path → the input's label, to say which field each message is about. */
  labels?: Record<string, string>;
}

/** The summary alert above a form: the server's message, then each field's message with its label. */
export function FormErrorSummary({ error, labels = {} }: SummaryProps) {
  if (!error) return null;
  const message = error instanceof Error ? error.message : t('app.crash.text');
  const fields = error instanceof ApiError ? error.fields : [];
  return (
    <Alert color="red" title={message}>
      {fields.length > 0 && (
        <>
          {t('errors.formSummary')}
          <List size="sm" mt={4}>
            {fields.map((field) => (
              <List.Item key={`${field.field}:${field.code}`}>
                {labels[field.field] ?? field.field} : {field.message}
              </List.Item>
            ))}
          </List>
        </>
      )}
    </Alert>
  );
}

/** The error for a field path, or for anything below it (`conventionTypes.0` belongs to `conventionTypes`). */
export function errorAt(errors: FieldErrors, path: string): string | undefined {
  if (errors[path]) return errors[path];
  const nested = Object.keys(errors).find((key) => key.startsWith(`${path}.`) || key.startsWith(`${path}[`));
  return nested ? errors[nested] : undefined;
}

/** Puts keyboard focus on the first input marked invalid inside a container, after it rendered. */
export function focusFirstInvalid(container: HTMLElement | null) {
  requestAnimationFrame(() => {
    const invalid = container?.querySelector<HTMLElement>('[aria-invalid="true"]');
    invalid?.focus();
  });
}
