import { Alert, Button, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { t } from '../../i18n';
import { FormErrorSummary } from '../../ui/FormErrors';
import { inputProps } from '../../ui/inputProps';
import { useFormSubmit } from '../../ui/useFormSubmit';
import { putTexts, type ReportTexts, type ReportTextsState, reportsKeys } from './api';

const labels = {
  presidentWord: t('reports.texts.presidentWord'),
  presidentSignature: t('reports.texts.presidentSignature'),
  priorities: t('reports.texts.priorities'),
};

/**
 * The two opinion texts of the report. What the user typed stays in the fields when the
 * server refuses it (too long, report frozen meanwhile); only a success refreshes the report.
 */
export function TextsForm({ texts }: { texts: ReportTextsState }) {
  const queryClient = useQueryClient();
  const [values, setValues] = useState<ReportTexts>({
    presidentWord: texts.presidentWord,
    presidentSignature: texts.presidentSignature,
    priorities: texts.priorities,
  });
  const [saved, setSaved] = useState(false);
  const frozen = texts.frozen !== null;
  const { formRef, submit, pending, error, errors } = useFormSubmit(
    () => ({}),
    async () => {
      setSaved(false);
      await putTexts(texts.year, values);
      await queryClient.invalidateQueries({ queryKey: reportsKeys.report(texts.year) });
      await queryClient.invalidateQueries({ queryKey: reportsKeys.texts(texts.year) });
      setSaved(true);
    },
  );
  const set = (name: keyof ReportTexts) => (value: string) => {
    setSaved(false);
    setValues((previous) => ({ ...previous, [name]: value }));
  };
  const input = inputProps(labels, values, errors, (key, value) => set(key)(value));
  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">{t('reports.texts.intro')}</Text>
        {frozen && <Alert color="blue">{t('reports.texts.frozen')}</Alert>}
        <FormErrorSummary error={error} labels={labels} />
        <Text size="sm" c="dimmed" id="rapport-aide-markup">
          {t('reports.texts.help')}
        </Text>
        <Textarea
          {...input('presidentWord')}
          aria-describedby="rapport-aide-markup"
          autosize
          minRows={5}
          maxRows={12}
          disabled={frozen}
        />
        <TextInput {...input('presidentSignature')} disabled={frozen} />
        <Textarea
          {...input('priorities')}
          aria-describedby="rapport-aide-markup"
          autosize
          minRows={4}
          maxRows={12}
          disabled={frozen}
        />
        <Group>
          <Button type="submit" loading={pending} disabled={frozen}>
            {t('reports.texts.save')}
          </Button>
          {saved && (
            <Text role="status" c="green.8" size="sm">
              {t('reports.texts.saved')}
            </Text>
          )}
        </Group>
      </Stack>
    </form>
  );
}
