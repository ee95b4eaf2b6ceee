import { Alert, Button, Group, NativeSelect, VisuallyHidden } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../app/api';
import type { Role } from '../../app/session';
import { t } from '../../i18n';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { adminKeys, type InvitationRow, type UserRow } from './api';

const roles: Role[] = ['admin', 'staff', 'board'];

/**
 * A user's role and the button that deactivates the account. Choosing another role asks
 * first: an arrow key on the select would otherwise give an account other rights at once.
 */
export function UserActions({ user, onError }: { user: UserRow; onError: (error: unknown) => void }) {
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const [newRole, setNewRole] = useState<Role | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: adminKeys.users });
  // Its refusal (the last administrator) is shown in the confirmation dialog, not twice.
  const change = useMutation({
    mutationFn: (role: Role) =>
      api(`/api/admin/users/${encodeURIComponent(user.id)}/role`, { method: 'PUT', body: { role } }),
    onMutate: () => onError(null),
    onSettled: refresh,
  });
  return (
    <Group gap="xs" wrap="nowrap">
      {user.role === 'member' ? null : (
        <NativeSelect
          aria-label={t('admin.users.roleOf', { name: user.name })}
          size="xs"
          value={newRole ?? user.role}
          disabled={change.isPending}
          data={roles.map((role) => ({ value: role, label: t(`role.${role}`) }))}
          onChange={(event) => {
            const role = event.currentTarget.value as Role;
            setNewRole(role === user.role ? null : role);
          }}
        />
      )}
      <ConfirmDialog
        opened={newRole !== null}
        title={t('admin.users.roleChangeTitle', { name: user.name })}
        message={t('admin.users.roleChangeText', {
          from: t(`role.${user.role}`),
          to: newRole ? t(`role.${newRole}`) : '',
        })}
        confirmLabel={t('admin.users.roleChangeConfirm')}
        onClose={() => setNewRole(null)}
        onConfirm={async () => {
          if (newRole) await change.mutateAsync(newRole);
        }}
      />
      <Button size="xs" variant="subtle" color="red" onClick={() => setConfirming(true)}>
        {t('admin.users.deactivate')}
        <VisuallyHidden> {user.name}</VisuallyHidden>
      </Button>
      <ConfirmDialog
        opened={confirming}
        title={t('admin.users.deactivateTitle', { name: user.name })}
        message={t('admin.users.deactivateText')}
        confirmLabel={t('admin.users.deactivate')}
        onClose={() => setConfirming(false)}
        onConfirm={async () => {
          await api(`/api/admin/users/${encodeURIComponent(user.id)}`, { method: 'DELETE' });
          await refresh();
        }}
      />
    </Group>
  );
}

export function ErrorAlert({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <Alert color="red" role="alert">
      {error instanceof Error ? error.message : String(error)}
    </Alert>
  );
}

/** Send a pending invitation again (a new link) or withdraw it. */
export function InvitationActions({
  invitation,
  onError,
}: {
  invitation: InvitationRow;
  onError: (e: unknown) => void;
}) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: adminKeys.invitations });
  const resend = useMutation({
    mutationFn: () => api(`/api/admin/invitations/${invitation.id}/resend`, { method: 'POST' }),
    onMutate: () => onError(null),
    onError,
    onSettled: refresh,
  });
  const revoke = useMutation({
    mutationFn: () => api(`/api/admin/invitations/${invitation.id}`, { method: 'DELETE' }),
    onMutate: () => onError(null),
    onError,
    onSettled: refresh,
  });
  return (
    <Group gap="xs" wrap="nowrap">
      <Button size="xs" variant="default" loading={resend.isPending} onClick={() => resend.mutate()}>
        {t('admin.invitations.resend')}
        <VisuallyHidden> {invitation.email}</VisuallyHidden>
      </Button>
      <Button
        size="xs"
        variant="subtle"
        color="red"
        loading={revoke.isPending}
        onClick={() => revoke.mutate()}
      >
        {t('admin.invitations.revoke')}
        <VisuallyHidden> {invitation.email}</VisuallyHidden>
      </Button>
    </Group>
  );
}
