import { Badge, Button, Group, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { meQueryKey, type Session, useSession } from '../../app/session';
import { t } from '../../i18n';
import { type Column, DataTable } from '../../ui/DataTable';
import { FormErrorSummary, fieldErrorsOf } from '../../ui/FormErrors';
import { formatDateTime, orDash } from '../../ui/format';
import { NewPasswordFields, useNewPassword } from '../../ui/NewPasswordFields';
import { QueryState } from '../../ui/QueryState';
import { Section } from '../../ui/Section';
import { SuccessAlert } from '../../ui/SuccessAlert';
import { usePageTitle } from '../../ui/usePageTitle';
import {
  type AccountSession,
  changePassword,
  deviceLabel,
  getSessions,
  renameSelf,
  revokeOtherSessions,
  sessionsQueryKey,
} from './api';

/** "Mon compte": one's name, password and sessions, for every role. */
export function AccountPage() {
  usePageTitle(t('account.title'));
  const me = useSession();
  return (
    <Stack>
      <Title order={1}>{t('account.title')}</Title>
      <QueryState isPending={me.isPending} error={me.error}>
        {me.data && (
          <>
            <Text>
              {t('account.intro', {
                email: me.data.user.email,
                role: t(`role.${me.data.role}`),
                delegation: me.data.delegation?.name ?? t('federation.name'),
              })}
            </Text>
            <NameSection me={me.data} />
            <PasswordSection />
            <SessionsSection />
          </>
        )}
      </QueryState>
    </Stack>
  );
}

function NameSection({ me }: { me: Session }) {
  const queryClient = useQueryClient();
  const [name, setName] = useState(me.user.name);
  const save = useMutation({
    mutationFn: () => renameSelf(name.trim()),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meQueryKey }),
  });
  const errors = fieldErrorsOf(save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <Section title={t('account.name.title')}>
      <form onSubmit={submit} noValidate>
        <Stack maw={480}>
          <FormErrorSummary error={save.error} labels={{ name: t('account.name.label') }} />
          {save.isSuccess && <SuccessAlert>{t('account.name.saved')}</SuccessAlert>}
          <TextInput
            label={t('account.name.label')}
            description={t('account.name.hint')}
            autoComplete="name"
            required
            maxLength={100}
            value={name}
            error={errors.name}
            onChange={(event) => {
              setName(event.currentTarget.value);
              save.reset();
            }}
          />
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('account.name.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}

function PasswordSection() {
  const queryClient = useQueryClient();
  const [current, setCurrent] = useState('');
  const newPassword = useNewPassword();
  const change = useMutation({
    mutationFn: () => changePassword(current, newPassword.password),
    onSuccess: () => {
      setCurrent('');
      newPassword.reset();
      void queryClient.invalidateQueries({ queryKey: sessionsQueryKey });
    },
  });
  const serverErrors = fieldErrorsOf(change.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!newPassword.check() || !current) return;
    change.mutate();
  };
  return (
    <Section title={t('account.password.title')}>
      <form onSubmit={submit} noValidate>
        <Stack maw={480}>
          <Text size="sm" c="dimmed">
            {t('account.password.intro')}
          </Text>
          <FormErrorSummary
            error={change.error}
            labels={{
              currentPassword: t('account.password.current'),
              newPassword: t('account.password.new'),
            }}
          />
          {change.isSuccess && <SuccessAlert>{t('account.password.saved')}</SuccessAlert>}
          <PasswordInput
            label={t('account.password.current')}
            autoComplete="current-password"
            required
            value={current}
            error={
              (newPassword.checked && !current ? t('common.required') : undefined) ??
              serverErrors.currentPassword
            }
            onChange={(event) => setCurrent(event.currentTarget.value)}
          />
          <NewPasswordFields
            {...newPassword.fields}
            errors={newPassword.errors}
            serverError={serverErrors.newPassword}
          />
          <Group>
            <Button type="submit" loading={change.isPending}>
              {t('account.password.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}

function SessionsSection() {
  const queryClient = useQueryClient();
  const sessions = useQuery({ queryKey: sessionsQueryKey, queryFn: ({ signal }) => getSessions(signal) });
  const revoke = useMutation({
    mutationFn: revokeOtherSessions,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionsQueryKey }),
  });
  const items = sessions.data?.items ?? [];
  const others = items.filter((s) => !s.current).length;
  const columns: Column<AccountSession>[] = [
    {
      key: 'device',
      header: t('account.sessions.device'),
      rowHeader: true,
      render: (s) => (
        <Group gap="xs" wrap="nowrap">
          <span>{deviceLabel(s.userAgent) ?? t('account.sessions.unknownDevice')}</span>
          {s.current && (
            <Badge variant="outline" color="gray">
              {t('account.sessions.current')}
            </Badge>
          )}
        </Group>
      ),
    },
    { key: 'ip', header: t('account.sessions.ip'), nowrap: true, render: (s) => orDash(s.ipAddress) },
    {
      key: 'created',
      header: t('account.sessions.created'),
      nowrap: true,
      render: (s) => formatDateTime(s.createdAt),
    },
    {
      key: 'lastSeen',
      header: t('account.sessions.lastSeen'),
      nowrap: true,
      render: (s) => formatDateTime(s.lastSeenAt),
    },
  ];
  return (
    <Section title={t('account.sessions.title')}>
      <Stack>
        <Text size="sm" c="dimmed">
          {t('account.sessions.intro')}
        </Text>
        {revoke.error ? (
          <FormErrorSummary error={revoke.error} />
        ) : (
          revoke.isSuccess && <SuccessAlert>{t('account.sessions.revoked')}</SuccessAlert>
        )}
        <QueryState query={sessions}>
          <DataTable
            caption={t('account.sessions.caption')}
            captionHidden
            columns={columns}
            rows={items}
            rowKey={(s) => s.id}
          />
        </QueryState>
        <Group>
          <Button
            variant="default"
            onClick={() => revoke.mutate()}
            loading={revoke.isPending}
            disabled={sessions.isSuccess && others === 0}
          >
            {t('account.sessions.revokeOthers')}
          </Button>
          {sessions.isSuccess && others === 0 && (
            <Text size="sm" c="dimmed">
              {t('account.sessions.noOther')}
            </Text>
          )}
        </Group>
      </Stack>
    </Section>
  );
}
