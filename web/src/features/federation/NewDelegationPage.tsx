import { Alert, Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { t } from '../../i18n';
import { FormErrorSummary } from '../../ui/FormErrors';
import { useFormSubmit } from '../../ui/useFormSubmit';
import { usePageTitle } from '../../ui/usePageTitle';
import { createDelegation, type FederationCreated } from './api';

const labels = {
  name: t('setup.name'),
  slug: t('setup.slug'),
  region: t('setup.region'),
  departments: t('setup.departments'),
  adminEmail: t('federation.create.adminEmail'),
};
const EMPTY = { name: '', slug: '', region: '', departments: '', adminEmail: '' };

/** A new delegation and its first administrator's invitation (as `npx maillage delegation create`). */
export function NewDelegationPage() {
  usePageTitle(t('federation.create.title'));
  const queryClient = useQueryClient();
  const [values, setValues] = useState(EMPTY);
  const [created, setCreated] = useState<FederationCreated | null>(null);
  const set = (key: keyof typeof values) => (event: { currentTarget: { value: string } }) => {
    const value = event.currentTarget.value;
    setValues((v) => ({ ...v, [key]: value }));
  };
  const { formRef, submit, pending, error, errors } = useFormSubmit(
    () => {
      const missing: Record<string, string> = {};
      for (const key of ['name', 'slug', 'adminEmail'] as const)
        if (!values[key].trim()) missing[key] = t('common.required');
      return missing;
    },
    async () => {
      const answer = await createDelegation({
        name: values.name,
        slug: values.slug,
        region: values.region || null,
        departments: values.departments
          .split(/[,;\s]+/)
          .map((d) => d.trim())
          .filter(Boolean),
        adminEmail: values.adminEmail,
      });
      setCreated(answer);
      setValues(EMPTY);
      await queryClient.invalidateQueries({ queryKey: ['federation'] });
    },
  );
  return (
    <Stack maw={640}>
      <Title order={1}>{t('federation.create.title')}</Title>
      <Text>{t('federation.create.intro')}</Text>
      {created && (
        <Alert color="green" role="status">
          {t('federation.create.done', { name: created.delegation.name, email: created.invitedEmail })}
        </Alert>
      )}
      <form ref={formRef} onSubmit={submit} noValidate>
        <Stack>
          <FormErrorSummary error={error} labels={labels} />
          <TextInput
            label={labels.name}
            required
            value={values.name}
            error={errors.name}
            onChange={set('name')}
          />
          <TextInput
            label={labels.slug}
            description={t('setup.slugHint')}
            required
            autoComplete="off"
            value={values.slug}
            error={errors.slug}
            onChange={set('slug')}
          />
          <TextInput
            label={labels.region}
            value={values.region}
            error={errors.region}
            onChange={set('region')}
          />
          <TextInput
            label={labels.departments}
            description={t('setup.departmentsHint')}
            value={values.departments}
            error={errors.departments}
            onChange={set('departments')}
          />
          <TextInput
            label={labels.adminEmail}
            type="email"
            required
            autoComplete="off"
            value={values.adminEmail}
            error={errors.adminEmail}
            onChange={set('adminEmail')}
          />
          <Button type="submit" loading={pending} w="fit-content">
            {t('federation.create.submit')}
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
