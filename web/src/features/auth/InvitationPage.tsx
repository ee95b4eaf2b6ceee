import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError, api } from '../../app/api';
import type { Schema } from '../../app/contract';
import { t } from '../../i18n';
import { FormErrorSummary, fieldErrorsOf } from '../../ui/FormErrors';
import { MIN_PASSWORD, NewPasswordFields, useNewPassword } from '../../ui/NewPasswordFields';
import { QueryState } from '../../ui/QueryState';
import { usePageTitle } from '../../ui/usePageTitle';
import { AuthFrame } from './AuthFrame';

type Invitation = Schema<'InvitationPreview'>;

export function InvitationPage() {
  usePageTitle(t('auth.invitation.title'));
  const token = useParams().token ?? '';
  const invitation = useQuery({
    queryKey: ['invitation', token],
    queryFn: ({ signal }) => api<Invitation>(`/api/invitations/${encodeURIComponent(token)}`, { signal }),
  });

  if (invitation.error instanceof ApiError && invitation.error.status === 404) {
    return (
      <AuthFrame title={t('auth.invitation.title')}>
        <Stack>
          <Alert color="orange">{t('auth.invitation.notFound')}</Alert>
          <Anchor component={Link} to="/connexion">
            {t('auth.invitation.toSignIn')}
          </Anchor>
        </Stack>
      </AuthFrame>
    );
  }
  return (
    <AuthFrame title={t('auth.invitation.title')}>
      <QueryState isPending={invitation.isPending} error={invitation.error}>
        {invitation.data && <AcceptForm token={token} invitation={invitation.data} />}
      </QueryState>
    </AuthFrame>
  );
}

function AcceptForm({ token, invitation }: { token: string; invitation: Invitation }) {
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const newPassword = useNewPassword({
    tooShort: t('auth.invitation.passwordTooShort', { min: MIN_PASSWORD }),
    mismatch: t('auth.invitation.mismatch'),
  });

  const accept = useMutation({
    mutationFn: () =>
      api<Schema<'InvitationAccepted'>>(`/api/invitations/${encodeURIComponent(token)}/accept`, {
        method: 'POST',
        body: { name: name.trim(), password: newPassword.password },
      }),
    onSuccess: (result) => {
      const email = result?.email ?? invitation.email;
      void navigate(`/connexion?compte=cree&email=${encodeURIComponent(email)}`, { replace: true });
    },
  });

  const nameError = newPassword.checked && !name.trim() ? t('common.required') : undefined;
  const serverErrors = fieldErrorsOf(accept.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!newPassword.check() || !name.trim()) return;
    accept.mutate();
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text>
          {t('auth.invitation.intro', {
            delegation: invitation.delegationName,
            role: t(`role.${invitation.role}`),
          })}
        </Text>
        <FormErrorSummary
          error={accept.error}
          labels={{ name: t('auth.invitation.name'), password: t('auth.invitation.password') }}
        />
        <TextInput
          label={t('auth.invitation.email')}
          value={invitation.email}
          readOnly
          autoComplete="username"
        />
        <TextInput
          label={t('auth.invitation.name')}
          autoComplete="name"
          required
          value={name}
          error={nameError ?? serverErrors.name}
          onChange={(event) => setName(event.currentTarget.value)}
        />
        <NewPasswordFields
          {...newPassword.fields}
          labels={{
            password: t('auth.invitation.password'),
            passwordHint: t('auth.invitation.passwordHint', { min: MIN_PASSWORD }),
            confirmation: t('auth.invitation.confirmation'),
            confirmationHint: t('auth.invitation.confirmationHint'),
          }}
          errors={newPassword.errors}
          serverError={serverErrors.password}
        />
        <Button type="submit" loading={accept.isPending}>
          {t('auth.invitation.submit')}
        </Button>
      </Stack>
    </form>
  );
}
