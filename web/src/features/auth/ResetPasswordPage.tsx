import { Anchor, Button, PasswordInput, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { t } from '../../i18n';
import { FormErrorSummary, fieldErrorsOf } from '../../ui/FormErrors';
import { usePageTitle } from '../../ui/usePageTitle';
import { resetPassword } from '../account/api';
import { AuthFrame } from './AuthFrame';

const MIN_PASSWORD = 10;

/** The page a reset e-mail links to: a new password, then every session of the account ends. */
export function ResetPasswordPage() {
  usePageTitle(t('auth.reset.title'));
  const token = useParams().token ?? '';
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [checked, setChecked] = useState(false);
  const reset = useMutation({
    mutationFn: () => resetPassword(token, password),
    onSuccess: () => {
      queryClient.clear();
      void navigate('/connexion?mot-de-passe=change', { replace: true });
    },
  });
  const serverErrors = fieldErrorsOf(reset.error);
  const passwordError =
    checked && password.length < MIN_PASSWORD
      ? t('account.password.tooShort', { min: MIN_PASSWORD })
      : undefined;
  const confirmationError = checked && confirmation !== password ? t('account.password.mismatch') : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (password.length < MIN_PASSWORD || confirmation !== password) return;
    reset.mutate();
  };
  return (
    <AuthFrame title={t('auth.reset.title')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm" c="dimmed">
            {t('auth.reset.intro')}
          </Text>
          <FormErrorSummary
            error={reset.error}
            labels={{ newPassword: t('account.password.new'), token: t('auth.reset.title') }}
          />
          <PasswordInput
            label={t('account.password.new')}
            description={t('account.password.hint', { min: MIN_PASSWORD })}
            autoComplete="new-password"
            required
            value={password}
            error={passwordError ?? serverErrors.newPassword}
            onChange={(event) => setPassword(event.currentTarget.value)}
          />
          <PasswordInput
            label={t('account.password.confirmation')}
            autoComplete="new-password"
            required
            value={confirmation}
            error={confirmationError}
            onChange={(event) => setConfirmation(event.currentTarget.value)}
          />
          <Button type="submit" loading={reset.isPending}>
            {t('auth.reset.submit')}
          </Button>
          {serverErrors.token && (
            <Anchor component={Link} to="/mot-de-passe-oublie" size="sm">
              {t('auth.reset.newRequest')}
            </Anchor>
          )}
        </Stack>
      </form>
    </AuthFrame>
  );
}
