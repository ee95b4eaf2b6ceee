import { Button, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { type Role, roles } from '../../app/session';
import { t } from '../../i18n';
import { errorAt, type FieldErrors, FormErrorSummary } from '../../ui/FormErrors';
import { Section } from '../../ui/Section';
import { SuccessAlert } from '../../ui/SuccessAlert';
import { useFormSubmit } from '../../ui/useFormSubmit';
import { adminKeys, sendInvitation } from './api';
import { OrganisationSelect } from './OrganisationSelect';

export function InviteSection() {
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('staff');
  const [organisationId, setOrganisationId] = useState<string | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);

  const check = () => {
    const missing: FieldErrors = {};
    if (!email.trim()) missing.email = t('common.required');
    if (role === 'member' && !organisationId) missing.organisationId = t('admin.invite.organisationRequired');
    return missing;
  };
  const send = async () => {
    const address = email.trim();
    await sendInvitation({
      email: address,
      role,
      ...(role === 'member' && organisationId ? { organisationId } : {}),
    });
    setSentTo(address);
    setEmail('');
    setOrganisationId(null);
    await queryClient.invalidateQueries({ queryKey: adminKeys.invitations });
  };
  const { formRef, submit, pending, error, errors } = useFormSubmit(check, send);
  // The confirmation of the previous invitation goes as soon as another is attempted.
  const onSubmit = (event: FormEvent) => {
    setSentTo(null);
    return submit(event);
  };

  return (
    <Section title={t('admin.invite.title')}>
      <form ref={formRef} onSubmit={onSubmit} noValidate>
        <Stack maw={560}>
          <Text size="sm" c="dimmed">
            {t('admin.invite.intro')}
          </Text>
          {sentTo && <SuccessAlert>{t('admin.invite.sent', { email: sentTo })}</SuccessAlert>}
          <FormErrorSummary
            error={error}
            labels={{
              email: t('admin.invite.email'),
              role: t('admin.invite.role'),
              organisationId: t('admin.invite.organisation'),
            }}
          />
          <TextInput
            label={t('admin.invite.email')}
            type="email"
            required
            description={t('common.requiredHint')}
            autoComplete="off"
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
            error={errorAt(errors, 'email')}
          />
          <NativeSelect
            label={t('admin.invite.role')}
            value={role}
            onChange={(event) => setRole(event.currentTarget.value as Role)}
            data={roles.map((r) => ({ value: r, label: t(`role.${r}`) }))}
            error={errorAt(errors, 'role')}
          />
          {role === 'member' && (
            <OrganisationSelect
              value={organisationId}
              onChange={setOrganisationId}
              error={errorAt(errors, 'organisationId')}
            />
          )}
          <Group>
            <Button type="submit" loading={pending}>
              {t('admin.invite.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}
