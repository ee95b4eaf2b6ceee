import { Button, Group, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { t } from '../i18n';
import { api } from './api';
import type { Me } from './session';

export function UserMenu({ me }: { me: Me }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const signOut = useMutation({
    mutationFn: () => api('/api/auth/sign-out', { method: 'POST', body: {}, redirectOn401: false }),
    // Signed out or already expired: either way, forget everything and go to the sign-in page.
    onSettled: () => {
      void navigate('/connexion', { replace: true });
      queryClient.clear();
    },
  });
  return (
    <Group gap="sm" wrap="nowrap">
      <Text size="sm" visibleFrom="xs">
        {t('app.signedInAs', { name: me.user.name })}
        <Text span c="dimmed" size="xs" ml={6}>
          ({t(`role.${me.role}`)})
        </Text>
      </Text>
      <Button variant="default" size="xs" onClick={() => signOut.mutate()} loading={signOut.isPending}>
        {t('app.signOut')}
      </Button>
    </Group>
  );
}
