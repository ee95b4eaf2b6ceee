import { Button, Fieldset, Group, Stack, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { t } from '../../../i18n';
import { errorAt, type FieldErrors, FormErrorSummary } from '../../../ui/FormErrors';
import { type FieldSpec, FormField } from '../../../ui/FormField';
import type { FormValue, FormValues } from '../../../ui/formValues';
import { useFormSubmit } from '../../../ui/useFormSubmit';
import { usePageTitle } from '../../../ui/usePageTitle';
import { createOrganisation, membersKeys, useReference } from '../api';
import { departmentOptions } from '../labels';
import { ActivitiesInput } from './ActivitiesInput';
import { buildCreateBody, emptyDraft } from './draft';
import { establishmentFields, organisationFields } from './fields';
import { TypeCheckboxes } from './TypeCheckboxes';

export function CreateOrganisationPage() {
  usePageTitle(t('members.create.title'));
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const reference = useReference();
  const [values, setValues] = useState<FormValues>(emptyDraft);

  const check = () => {
    const missing: FieldErrors = {};
    if (String(values.name ?? '').trim() === '') missing.name = t('common.required');
    return missing;
  };
  const send = async () => {
    const created = await createOrganisation(buildCreateBody(values));
    await queryClient.invalidateQueries({ queryKey: membersKeys.lists });
    void navigate(`/adherents/${created.id}`);
  };
  const { formRef, submit, pending, error, errors } = useFormSubmit(check, send);

  const establishment = establishmentFields(departmentOptions(reference.data), 'establishment.');
  const labels: Record<string, string> = {
    ...Object.fromEntries([...organisationFields, ...establishment].map((f) => [f.name, f.label])),
    activities: t('members.field.activities'),
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

  return (
    <Stack maw={880}>
      <Title order={1}>{t('members.create.title')}</Title>
      <form ref={formRef} onSubmit={submit} noValidate>
        <Stack>
          <FormErrorSummary error={error} labels={labels} />
          <Fieldset legend={t('members.create.organisation')}>
            <Stack>
              {organisationFields.map(field)}
              <ActivitiesInput
                value={(values.activities as string[]) ?? []}
                onChange={(next) => set('activities', next)}
                error={errorAt(errors, 'activities')}
              />
            </Stack>
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
                description={t('members.create.joinedOnHint')}
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
