import { Anchor, Button, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { t } from '../../i18n';
import { FormErrorSummary, fieldErrorsOf } from '../../ui/FormErrors';
import { NewPasswordFields, useNewPassword } from '../../ui/NewPasswordFields';
import { usePageTitle } from '../../ui/usePageTitle';
import { resetPassword } from '../account/api';
import { AuthFrame } from './AuthFrame';

/** The page a reset e-mail links to: a new password, then every session of the account ends. */
export function ResetPasswordPage() {
  usePageTitle(t('auth.reset.title'));
  const token = useParams().token ?? '';
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const newPassword = useNewPassword();
  const reset = useMutation({
    mutationFn: () => resetPassword(token, newPassword.password),
    onSuccess: () => {
      queryClient.clear();
      void navigate('/connexion?mot-de-passe=change', { replace: true });
    },
  });
  const serverErrors = fieldErrorsOf(reset.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!newPassword.check()) return;
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
          <NewPasswordFields
            {...newPassword.fields}
            errors={newPassword.errors}
            serverError={serverErrors.newPassword}
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
