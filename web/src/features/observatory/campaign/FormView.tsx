import { Alert, Button, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useRef, useState } from 'react';
import { ApiError } from '../../../app/api';
import { t } from '../../../i18n';
import { type FieldErrors, FormErrorSummary, fieldErrorsOf, focusFirstInvalid } from '../../../ui/FormErrors';
import { Section } from '../../../ui/Section';
import { createForm, type Finding, type FormDetail, saveValues, submitForm, type Values } from './api';
import { figureText, formatFigure, parseFigure, sectionLabel, unitLabel } from './labels';
import { WarningsDialog } from './WarningsDialog';

interface Props {
  detail: FormDetail;
  /** Staff filling a member's blank form name it. */
  organisationId?: string | undefined;
  onSaved: (detail: FormDetail) => Promise<void>;
}

const byCode = (findings: Finding[]) => {
  const map: Record<string, Finding[]> = {};
  for (const f of findings) map[f.code] = [...(map[f.code] ?? []), f];
  return map;
};

/**
 * The figures, grouped by section, with last year's figure and the rules' findings next to
 * each input. What the user typed stays in the inputs whatever the server answers; a draft
 * saves even when incomplete, and submitting asks a comment for each warning.
 */
export function FormView({ detail, organisationId, onSaved }: Props) {
  const formRef = useRef<HTMLFormElement>(null);
  const [texts, setTexts] = useState<Record<string, string>>(() =>
    Object.fromEntries(detail.indicators.map((i) => [i.code, figureText(detail.values[i.code])])),
  );
  const [localErrors, setLocalErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [showRequired, setShowRequired] = useState(false);
  const [pending, setPending] = useState<'save' | 'submit' | null>(null);
  const [confirming, setConfirming] = useState<FormDetail | null>(null);
  const [saved, setSaved] = useState(false);

  const errors = { ...fieldErrorsOf(error), ...localErrors };
  const findingsErrors = byCode(detail.check.errors.filter((e) => showRequired || e.kind !== 'required'));
  const warnings = byCode(detail.check.warnings);
  const labels = Object.fromEntries(detail.indicators.map((i) => [`values.${i.code}`, i.label]));
  const submittable =
    detail.status === 'not_started' || detail.status === 'draft' || detail.status === 'correction_requested';

  const parse = (): Values | null => {
    const values: Values = {};
    const problems: FieldErrors = {};
    for (const indicator of detail.indicators) {
      const value = parseFigure(texts[indicator.code] ?? '');
      if (value === undefined) problems[`values.${indicator.code}`] = t('observatory.form.notANumber');
      else values[indicator.code] = value;
    }
    setLocalErrors(problems);
    if (Object.keys(problems).length > 0) {
      focusFirstInvalid(formRef.current);
      return null;
    }
    return values;
  };

  const persist = async (values: Values): Promise<FormDetail> => {
    const next = detail.id
      ? await saveValues(detail.id, values)
      : await createForm(detail.campaign.id, {
          conventionType: detail.conventionType,
          organisationId,
          values,
        });
    await onSaved(next);
    return next;
  };

  const run = async (kind: 'save' | 'submit', action: (values: Values) => Promise<void>) => {
    setSaved(false);
    const values = parse();
    if (!values) return;
    setPending(kind);
    setError(null);
    try {
      await action(values);
    } catch (caught) {
      setError(caught);
      if (caught instanceof ApiError && caught.fields.some((f) => f.field.startsWith('values.')))
        setShowRequired(true);
      focusFirstInvalid(formRef.current);
    } finally {
      setPending(null);
    }
  };

  const save = (event: FormEvent) => {
    event.preventDefault();
    return run('save', async (values) => {
      await persist(values);
      setSaved(true);
    });
  };

  const submit = () =>
    run('submit', async (values) => {
      const next = await persist(values);
      setShowRequired(true);
      // Warnings alone: ask their comments first. Errors: the server's refusal lists them by field.
      if (next.check.errors.length === 0 && next.check.warnings.length > 0) setConfirming(next);
      else if (next.id) await onSaved(await submitForm(next.id, {}));
    });

  const sections: { section: string; indicators: FormDetail['indicators'] }[] = [];
  for (const indicator of detail.indicators) {
    const group = sections.find((s) => s.section === indicator.section);
    if (group) group.indicators.push(indicator);
    else sections.push({ section: indicator.section, indicators: [indicator] });
  }

  return (
    <>
      <form ref={formRef} onSubmit={save} noValidate>
        <Stack>
          <FormErrorSummary error={error} labels={labels} />
          {saved && <Alert color="green">{t('observatory.form.saved')}</Alert>}
          {sections.map(({ section, indicators }) => (
            <Section key={section} title={sectionLabel(section)}>
              <SimpleGrid cols={{ base: 1, md: 2 }}>
                {indicators.map((indicator) => {
                  const path = `values.${indicator.code}`;
                  const previous = detail.previous.values[indicator.code];
                  const fieldError =
                    errors[path] ?? findingsErrors[indicator.code]?.map((f) => f.message).join(' ');
                  return (
                    <TextInput
                      key={indicator.code}
                      label={`${indicator.label} (${unitLabel(indicator.unit)})`}
                      required={indicator.required}
                      inputMode="decimal"
                      readOnly={!detail.canEdit}
                      value={texts[indicator.code] ?? ''}
                      onChange={(e) => {
                        const text = e.currentTarget.value;
                        setTexts((current) => ({ ...current, [indicator.code]: text }));
                      }}
                      error={fieldError}
                      description={
                        <>
                          {indicator.definition && <span>{indicator.definition} </span>}
                          <span>
                            {t('observatory.form.previous', {
                              year: String(detail.previous.year),
                              value: formatFigure(previous),
                            })}
                          </span>
                          {warnings[indicator.code]?.map((w) => (
                            <Text
                              key={w.message}
                              component="span"
                              display="block"
                              // The theme's darker orange: orange.8 is 3.6:1 on white, too pale for small text.
                              c="var(--mantine-color-orange-light-color)"
                              size="xs"
                            >
                              {t('observatory.form.warning', { message: w.message })}
                            </Text>
                          ))}
                        </>
                      }
                    />
                  );
                })}
              </SimpleGrid>
            </Section>
          ))}
          {detail.canEdit && (
            <Group justify="flex-end">
              <Button
                type="submit"
                variant="default"
                loading={pending === 'save'}
                disabled={pending !== null}
              >
                {t('observatory.form.saveDraft')}
              </Button>
              {submittable && (
                <Button onClick={submit} loading={pending === 'submit'} disabled={pending !== null}>
                  {t('observatory.form.submit')}
                </Button>
              )}
            </Group>
          )}
        </Stack>
      </form>
      {/* Outside the form: the dialog's own form must not submit this one. */}
      {confirming?.id && (
        <WarningsDialog
          submissionId={confirming.id}
          warnings={confirming.check.warnings}
          labels={Object.fromEntries(detail.indicators.map((i) => [i.code, i.label]))}
          initial={confirming.confirmedWarnings}
          onClose={() => setConfirming(null)}
          onSubmitted={onSaved}
        />
      )}
    </>
  );
}
