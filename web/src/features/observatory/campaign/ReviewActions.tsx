import { Button, Group } from '@mantine/core';
import { useState } from 'react';
import { t } from '../../../i18n';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { FormModal } from '../../../ui/FormModal';
import { type FormDetail, reopenForm, requestCorrection, validateForm } from './api';

interface Props {
  detail: FormDetail;
  onChange: (detail: FormDetail) => Promise<void>;
}

/** The delegation's review of a submitted form: send back with a comment, validate, reopen. */
export function ReviewActions({ detail, onChange }: Props) {
  const [asking, setAsking] = useState(false);
  const [confirming, setConfirming] = useState<'validate' | 'reopen' | null>(null);
  const id = detail.id ?? '';
  if (detail.status !== 'submitted' && detail.status !== 'validated') return null;
  return (
    <Group gap="xs">
      {detail.status === 'submitted' && (
        <>
          <Button variant="light" color="orange" onClick={() => setAsking(true)}>
            {t('observatory.review.requestCorrection')}
          </Button>
          <Button color="green" onClick={() => setConfirming('validate')}>
            {t('observatory.review.validate')}
          </Button>
        </>
      )}
      {detail.status === 'validated' && (
        <Button variant="light" onClick={() => setConfirming('reopen')}>
          {t('observatory.review.reopen')}
        </Button>
      )}
      <FormModal
        opened={asking}
        title={t('observatory.review.requestCorrection')}
        onClose={() => setAsking(false)}
        fields={[
          {
            name: 'comment',
            label: t('observatory.review.comment'),
            kind: 'textarea',
            required: true,
            description: t('observatory.review.commentHint'),
          },
        ]}
        initialValues={{ comment: '' }}
        submitLabel={t('observatory.review.send')}
        onSubmit={async (values) => onChange(await requestCorrection(id, String(values.comment)))}
      />
      <ConfirmDialog
        opened={confirming !== null}
        title={confirming === 'reopen' ? t('observatory.review.reopen') : t('observatory.review.validate')}
        message={
          confirming === 'reopen' ? t('observatory.review.reopenText') : t('observatory.review.validateText')
        }
        confirmLabel={t('observatory.campaign.confirm')}
        onClose={() => setConfirming(null)}
        onConfirm={async () => onChange(await (confirming === 'reopen' ? reopenForm(id) : validateForm(id)))}
      />
    </Group>
  );
}
