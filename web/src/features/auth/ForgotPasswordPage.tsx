import { Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { t } from '../../i18n';
import { FormErrorSummary, fieldErrorsOf } from '../../ui/FormErrors';
import { SuccessAlert } from '../../ui/SuccessAlert';
import { usePageTitle } from '../../ui/usePageTitle';
import { requestPasswordReset } from '../account/api';
import { AuthFrame } from './AuthFrame';

/** "Mot de passe oublié": the server answers the same whether the address has an account or not. */
export function ForgotPasswordPage() {
  usePageTitle(t('auth.forgot.title'));
  const [params] = useSearchParams();
  const [email, setEmail] = useState(params.get('email') ?? '');
  const request = useMutation({ mutationFn: () => requestPasswordReset(email.trim()) });
  const errors = fieldErrorsOf(request.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    request.mutate();
  };
  return (
    <AuthFrame title={t('auth.forgot.title')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {request.data ? (
            <SuccessAlert>{request.data.message}</SuccessAlert>
          ) : (
            <Text size="sm" c="dimmed">
              {t('auth.forgot.intro')}
            </Text>
          )}
          <FormErrorSummary error={request.error} labels={{ email: t('auth.forgot.email') }} />
          <TextInput
            label={t('auth.forgot.email')}
            type="email"
            autoComplete="username"
            required
            value={email}
            error={errors.email}
            onChange={(event) => setEmail(event.currentTarget.value)}
          />
          <Button type="submit" loading={request.isPending}>
            {t('auth.forgot.submit')}
          </Button>
          <Anchor component={Link} to="/connexion" size="sm">
            {t('auth.forgot.backToSignIn')}
          </Anchor>
        </Stack>
      </form>
    </AuthFrame>
  );
}
