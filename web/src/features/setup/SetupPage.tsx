import { Alert, Anchor, Button, Fieldset, Stack, Text, TextInput } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api } from '../../app/api';
import type { Schema } from '../../app/contract';
import { t } from '../../i18n';
import { FormErrorSummary } from '../../ui/FormErrors';
import { inputProps } from '../../ui/inputProps';
import { MIN_PASSWORD, NewPasswordFields } from '../../ui/NewPasswordFields';
import { useFormSubmit } from '../../ui/useFormSubmit';
import { usePageTitle } from '../../ui/usePageTitle';
import { AuthFrame } from '../auth/AuthFrame';

/** The first run: the set-up code from the server's log, the delegation, its first administrator. */
export function SetupPage() {
  usePageTitle(t('setup.title'));
  const setup = useQuery({
    queryKey: ['setup'],
    queryFn: ({ signal }) => api<Schema<'SetupStatus'>>('/api/setup', { signal, redirectOn401: false }),
  });
  return (
    <AuthFrame title={t('setup.title')}>
      {setup.data && !setup.data.needed ? (
        <Stack>
          <Alert color="blue">{t('setup.done')}</Alert>
          <Anchor component={Link} to="/connexion">
            {t('setup.toSignIn')}
          </Anchor>
        </Stack>
      ) : (
        <SetupForm />
      )}
    </AuthFrame>
  );
}

const labels = {
  code: t('setup.code'),
  name: t('setup.name'),
  slug: t('setup.slug'),
  region: t('setup.region'),
  departments: t('setup.departments'),
  adminName: t('setup.adminName'),
  adminEmail: t('setup.adminEmail'),
  password: t('setup.password'),
  confirmation: t('setup.confirmation'),
};

function SetupForm() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [values, setValues] = useState({
    code: '',
    name: '',
    slug: '',
    region: '',
    departments: '',
    adminName: '',
    adminEmail: '',
    password: '',
    confirmation: '',
  });
  const set = (key: keyof typeof values) => (value: string) => setValues((v) => ({ ...v, [key]: value }));

  const { formRef, submit, pending, error, errors } = useFormSubmit(
    () => {
      const missing: Record<string, string> = {};
      for (const key of ['code', 'name', 'slug', 'adminName', 'adminEmail'] as const)
        if (!values[key].trim()) missing[key] = t('common.required');
      if (values.password.length < MIN_PASSWORD)
        missing.password = t('auth.invitation.passwordTooShort', { min: MIN_PASSWORD });
      else if (values.confirmation !== values.password) missing.confirmation = t('auth.invitation.mismatch');
      return missing;
    },
    async () => {
      await api('/api/setup', {
        method: 'POST',
        body: {
          code: values.code,
          name: values.name,
          slug: values.slug,
          region: values.region || null,
          departments: values.departments
            .split(/[,;\s]+/)
            .map((d) => d.trim())
            .filter(Boolean),
          adminName: values.adminName,
          adminEmail: values.adminEmail,
          password: values.password,
        },
        redirectOn401: false,
      });
      await api('/api/auth/sign-in/email', {
        method: 'POST',
        body: { email: values.adminEmail.trim(), password: values.password },
        redirectOn401: false,
      });
      queryClient.clear();
      void navigate('/', { replace: true });
    },
  );

  const field = inputProps(labels, values, errors, (key, value) => set(key)(value));

  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <Stack>
        <Text>{t('setup.intro')}</Text>
        <FormErrorSummary error={error} labels={labels} />
        <TextInput {...field('code')} description={t('setup.codeHelp')} required autoComplete="off" />
        <Fieldset legend={t('setup.delegation')}>
          <Stack>
            <TextInput {...field('name')} required />
            <TextInput {...field('slug')} description={t('setup.slugHint')} required autoComplete="off" />
            <TextInput {...field('region')} />
            <TextInput {...field('departments')} description={t('setup.departmentsHint')} />
          </Stack>
        </Fieldset>
        <Fieldset legend={t('setup.admin')}>
          <Stack>
            <TextInput {...field('adminName')} required autoComplete="name" />
            <TextInput {...field('adminEmail')} type="email" required autoComplete="username" />
            <NewPasswordFields
              password={values.password}
              confirmation={values.confirmation}
              onPasswordChange={set('password')}
              onConfirmationChange={set('confirmation')}
              labels={{
                password: labels.password,
                passwordHint: t('setup.passwordHint', { min: MIN_PASSWORD }),
                confirmation: labels.confirmation,
              }}
              errors={errors}
            />
          </Stack>
        </Fieldset>
        <Button type="submit" loading={pending}>
          {t('setup.submit')}
        </Button>
      </Stack>
    </form>
  );
}
