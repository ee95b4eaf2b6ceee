import { Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { t } from '../../../i18n';
import { FormButtons } from '../../../ui/FormButtons';
import { type FieldErrors, FormErrorSummary } from '../../../ui/FormErrors';
import { useFormSubmit } from '../../../ui/useFormSubmit';
import { type Finding, type FormDetail, submitForm } from './api';

interface Props {
  submissionId: string;
  warnings: Finding[];
  /** Indicator code → label. */
  labels: Record<string, string>;
  /** Comments given at a previous submission, offered again. */
  initial: Record<string, string>;
  onClose: () => void;
  onSubmitted: (detail: FormDetail) => Promise<void>;
}

/** Before submitting: each warned figure is confirmed with a comment the delegation will read. */
export function WarningsDialog({ submissionId, warnings, labels, initial, onClose, onSubmitted }: Props) {
  const codes = [...new Set(warnings.map((w) => w.code))];
  const [comments, setComments] = useState<Record<string, string>>(() =>
    Object.fromEntries(codes.map((code) => [code, initial[code] ?? ''])),
  );
  const check = (): FieldErrors => {
    const missing: FieldErrors = {};
    for (const code of codes)
      if (!comments[code]?.trim()) missing[`confirmWarnings.${code}`] = t('common.required');
    return missing;
  };
  const send = async () => {
    await onSubmitted(await submitForm(submissionId, comments));
    onClose();
  };
  const { formRef, submit, pending, error, errors } = useFormSubmit(check, send);
  const fieldLabels = Object.fromEntries(
    codes.map((code) => [`confirmWarnings.${code}`, labels[code] ?? code]),
  );

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('observatory.warnings.title')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form ref={formRef} onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">{t('observatory.warnings.intro')}</Text>
          <FormErrorSummary error={error} labels={fieldLabels} />
          {codes.map((code) => (
            <Textarea
              key={code}
              label={t('observatory.warnings.commentOf', { label: labels[code] ?? code })}
              description={warnings
                .filter((w) => w.code === code)
                .map((w) => w.message)
                .join(' ')}
              required
              autosize
              minRows={2}
              value={comments[code] ?? ''}
              onChange={(e) => {
                const text = e.currentTarget.value;
                setComments((current) => ({ ...current, [code]: text }));
              }}
              error={errors[`confirmWarnings.${code}`]}
            />
          ))}
          <FormButtons onCancel={onClose} submitLabel={t('observatory.warnings.confirm')} pending={pending} />
        </Stack>
      </form>
    </Modal>
  );
}
