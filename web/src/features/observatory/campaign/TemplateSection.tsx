import { Button, FileInput, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { t } from '../../../i18n';
import { type FieldErrors, FormErrorSummary } from '../../../ui/FormErrors';
import { Section } from '../../../ui/Section';
import { useFormSubmit } from '../../../ui/useFormSubmit';
import { type FormDetail, prefillForm, templateUrl } from './api';

/** The form as a workbook to fill offline, and its upload back as a draft (all or nothing). */
export function TemplateSection({
  detail,
  onPrefilled,
}: {
  detail: FormDetail;
  onPrefilled: (detail: FormDetail) => Promise<void>;
}) {
  const [chosen, setChosen] = useState<File | null>(null);
  const [done, setDone] = useState(false);
  const id = detail.id ?? '';
  const check = (): FieldErrors => (chosen ? {} : { file: t('common.required') });
  const send = async () => {
    if (!chosen) return;
    setDone(false);
    await onPrefilled(await prefillForm(id, chosen));
    setChosen(null);
    setDone(true);
  };
  const { formRef, submit, pending, error, errors } = useFormSubmit(check, send);
  const labels = {
    file: t('observatory.template.file'),
    ...Object.fromEntries(detail.indicators.map((i) => [`values.${i.code}`, i.label])),
  };
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
          <form ref={formRef} onSubmit={submit} noValidate>
            <Stack gap="xs">
              <FormErrorSummary error={error} labels={labels} />
              {done && <Text c="green.8">{t('observatory.template.done')}</Text>}
              <Group align="flex-end" wrap="wrap">
                <FileInput
                  label={t('observatory.template.file')}
                  accept=".xlsx"
                  value={chosen}
                  onChange={setChosen}
                  error={errors.file}
                  clearable
                  clearButtonProps={{ 'aria-label': t('observatory.attachments.clear') }}
                  style={{ flex: 1, minWidth: 240 }}
                />
                <Button type="submit" loading={pending}>
                  {t('observatory.template.prefill')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Section>
  );
}
