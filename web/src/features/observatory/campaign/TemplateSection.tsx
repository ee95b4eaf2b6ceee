import { Button, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { t } from '../../../i18n';
import { Section } from '../../../ui/Section';
import { UploadForm } from '../../../ui/UploadForm';
import { type FormDetail, prefillForm, templateUrl } from './api';

/** The form as a workbook to fill offline, and its upload back as a draft (all or nothing). */
export function TemplateSection({
  detail,
  onPrefilled,
}: {
  detail: FormDetail;
  onPrefilled: (detail: FormDetail) => Promise<void>;
}) {
  const [done, setDone] = useState(false);
  const id = detail.id ?? '';
  const labels = Object.fromEntries(detail.indicators.map((i) => [`values.${i.code}`, i.label]));
  return (
    <Section
      title={t('observatory.template.title')}
      actions={
        <Button component="a" href={templateUrl(id)} variant="default" download>
          {t('observatory.template.download')}
        </Button>
      }
    >
      <Stack gap="xs">
        <Text size="sm">{t('observatory.template.intro')}</Text>
        {detail.canEdit && (
          <UploadForm
            label={t('observatory.template.file')}
            accept=".xlsx"
            clearLabel={t('observatory.attachments.clear')}
            submitLabel={t('observatory.template.prefill')}
            labels={labels}
            onUpload={async (file) => {
              setDone(false);
              await onPrefilled(await prefillForm(id, file));
              setDone(true);
            }}
          >
            {done && <Text c="green.8">{t('observatory.template.done')}</Text>}
          </UploadForm>
        )}
      </Stack>
    </Section>
  );
}
