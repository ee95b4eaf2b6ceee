import { Button, Fieldset, Group, Stack, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { t } from '../../../i18n';
import {
  errorAt,
  type FieldErrors,
  FormErrorSummary,
  fieldErrorsOf,
  focusFirstInvalid,
} from '../../../ui/FormErrors';
import { type FieldSpec, FormField } from '../../../ui/FormField';
import type { FormValue, FormValues } from '../../../ui/formValues';
import { usePageTitle } from '../../../ui/usePageTitle';
import { createOrganisation, membersKeys, useReference } from '../api';
import { departmentOptions } from '../labels';
import { buildCreateBody, emptyDraft } from './draft';
import { establishmentFields, organisationFields } from './fields';
import { TypeCheckboxes } from './TypeCheckboxes';

export function CreateOrganisationPage() {
  usePageTitle(t('members.create.title'));
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const reference = useReference();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<FormValues>(emptyDraft);
  const [error, setError] = useState<unknown>(null);
  const [localErrors, setLocalErrors] = useState<FieldErrors>({});
  const [pending, setPending] = useState(false);

  const establishment = establishmentFields(departmentOptions(reference.data), 'establishment.');
  const errors = { ...fieldErrorsOf(error), ...localErrors };
  const labels: Record<string, string> = {
    ...Object.fromEntries([...organisationFields, ...establishment].map((f) => [f.name, f.label])),
    conventionTypes: t('members.field.conventionTypes'),
    joinedOn: t('members.field.joinedOn'),
    establishment: t('members.create.establishment'),
  };

  const set = (name: string, value: FormValue) => setValues((current) => ({ ...current, [name]: value }));
  const field = (spec: FieldSpec) => (
    <FormField
      key={spec.name}
      spec={spec}
      value={values[spec.name]}
      error={errorAt(errors, spec.name)}
      onChange={(v) => set(spec.name, v)}
    />
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing: FieldErrors = {};
    if (String(values.name ?? '').trim() === '') missing.name = t('common.required');
    setLocalErrors(missing);
    if (Object.keys(missing).length > 0) return focusFirstInvalid(formRef.current);
    setPending(true);
    setError(null);
    try {
      const created = await createOrganisation(buildCreateBody(values));
      await queryClient.invalidateQueries({ queryKey: membersKeys.lists });
      void navigate(`/adherents/${created.id}`);
    } catch (caught) {
      // Everything typed stays in place; the messages go next to the inputs.
      setError(caught);
      focusFirstInvalid(formRef.current);
    } finally {
      setPending(false);
    }
  };

  return (
    <Stack maw={880}>
      <Title order={1}>{t('members.create.title')}</Title>
      <form ref={formRef} onSubmit={submit} noValidate>
        <Stack>
          <FormErrorSummary error={error} labels={labels} />
          <Fieldset legend={t('members.create.organisation')}>
            <Stack>{organisationFields.map(field)}</Stack>
          </Fieldset>
          <Fieldset legend={t('members.create.establishment')}>
            <Stack>{establishment.map(field)}</Stack>
          </Fieldset>
          <Fieldset legend={t('members.create.membership')}>
            <Stack>
              <TypeCheckboxes
                reference={reference.data}
                value={(values.conventionTypes as string[]) ?? []}
                onChange={(next) => set('conventionTypes', next)}
                error={errorAt(errors, 'conventionTypes')}
              />
              <TextInput
                type="date"
                label={t('members.field.joinedOn')}
                value={String(values.joinedOn ?? '')}
                onChange={(event) => set('joinedOn', event.currentTarget.value)}
                error={errorAt(errors, 'joinedOn')}
                maw={240}
              />
            </Stack>
          </Fieldset>
          <Group>
            <Button type="submit" loading={pending}>
              {t('members.create.submit')}
            </Button>
            <Button component={Link} to="/adherents" variant="default">
              {t('members.create.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
