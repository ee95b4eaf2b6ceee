import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api } from '../../app/api';
import { safeReturnPath } from '../../app/returnTo';
import { t } from '../../i18n';
import { SuccessAlert } from '../../ui/SuccessAlert';
import { usePageTitle } from '../../ui/usePageTitle';
import { AuthFrame } from './AuthFrame';

export function SignInPage() {
  usePageTitle(t('auth.signIn.title'));
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState(params.get('email') ?? '');
  const [password, setPassword] = useState('');
  const returnTo = params.get('retour');

  const signIn = useMutation({
    mutationFn: () =>
      api('/api/auth/sign-in/email', {
        method: 'POST',
        body: { email: email.trim(), password },
        redirectOn401: false,
      }),
    onSuccess: () => {
      // Nothing cached for a previous user may leak into this session.
      queryClient.clear();
      void navigate(safeReturnPath(returnTo), { replace: true });
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate();
  };

  return (
    <AuthFrame title={t('auth.signIn.title')}>
      <form onSubmit={submit}>
        <Stack>
          {signIn.error ? (
            <Alert color="red" role="alert">
              {signIn.error.message}
            </Alert>
          ) : params.get('mot-de-passe') === 'change' ? (
            <SuccessAlert>{t('auth.signIn.passwordReset')}</SuccessAlert>
          ) : params.get('compte') === 'cree' ? (
            <SuccessAlert>{t('auth.signIn.accountCreated')}</SuccessAlert>
          ) : returnTo ? (
            <Alert color="blue" role="status">
              {t('auth.signIn.sessionExpired')}
            </Alert>
          ) : (
            <Text size="sm" c="dimmed">
              {t('auth.signIn.intro')}
            </Text>
          )}
          <TextInput
            label={t('auth.signIn.email')}
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
          />
          <PasswordInput
            label={t('auth.signIn.password')}
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
          />
          <Button type="submit" loading={signIn.isPending}>
            {t('auth.signIn.submit')}
          </Button>
          <Anchor
            component={Link}
            to={
              email.trim()
                ? `/mot-de-passe-oublie?email=${encodeURIComponent(email.trim())}`
                : '/mot-de-passe-oublie'
            }
            size="sm"
          >
            {t('auth.signIn.forgot')}
          </Anchor>
        </Stack>
      </form>
    </AuthFrame>
  );
}
