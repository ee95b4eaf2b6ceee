import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError, api } from '../../app/api';
import type { Schema } from '../../app/contract';
import { t } from '../../i18n';
import { FormErrorSummary, fieldErrorsOf } from '../../ui/FormErrors';
import { QueryState } from '../../ui/QueryState';
import { usePageTitle } from '../../ui/usePageTitle';
import { AuthFrame } from './AuthFrame';

const MIN_PASSWORD = 10;

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
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [checked, setChecked] = useState(false);

  const accept = useMutation({
    mutationFn: () =>
      api<Schema<'InvitationAccepted'>>(`/api/invitations/${encodeURIComponent(token)}/accept`, {
        method: 'POST',
        body: { name: name.trim(), password },
      }),
    onSuccess: (result) => {
      const email = result?.email ?? invitation.email;
      void navigate(`/connexion?compte=cree&email=${encodeURIComponent(email)}`, { replace: true });
    },
  });

  const nameError = checked && !name.trim() ? t('common.required') : undefined;
  const passwordError =
    checked && password.length < MIN_PASSWORD
      ? t('auth.invitation.passwordTooShort', { min: MIN_PASSWORD })
      : undefined;
  const confirmationError = checked && confirmation !== password ? t('auth.invitation.mismatch') : undefined;
  const serverErrors = fieldErrorsOf(accept.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (!name.trim() || password.length < MIN_PASSWORD || confirmation !== password) return;
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
        <PasswordInput
          label={t('auth.invitation.password')}
          description={t('auth.invitation.passwordHint', { min: MIN_PASSWORD })}
          autoComplete="new-password"
          required
          value={password}
          error={passwordError ?? serverErrors.password}
          onChange={(event) => setPassword(event.currentTarget.value)}
        />
        <PasswordInput
          label={t('auth.invitation.confirmation')}
          description={t('auth.invitation.confirmationHint')}
          autoComplete="new-password"
          required
          value={confirmation}
          error={confirmationError}
          onChange={(event) => setConfirmation(event.currentTarget.value)}
        />
        <Button type="submit" loading={accept.isPending}>
          {t('auth.invitation.submit')}
        </Button>
      </Stack>
    </form>
  );
}
