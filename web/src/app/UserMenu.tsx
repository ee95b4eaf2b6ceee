import { Button, Group, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { CalendarDialog } from '../features/events/CalendarDialog';
import { t } from '../i18n';
import { api } from './api';
import { isFederation, type Session } from './session';

export function UserMenu({ me }: { me: Session }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [calendarOpen, setCalendarOpen] = useState(false);
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
      <Button variant="subtle" size="xs" component={Link} to="/compte">
        {t('account.menu')}
      </Button>
      {/* The calendar feed is a delegation's: the federation has none. */}
      {!isFederation(me) && (
        <>
          <Button variant="subtle" size="xs" onClick={() => setCalendarOpen(true)}>
            {t('events.calendar.menu')}
          </Button>
          <CalendarDialog opened={calendarOpen} onClose={() => setCalendarOpen(false)} />
        </>
      )}
      <Button variant="default" size="xs" onClick={() => signOut.mutate()} loading={signOut.isPending}>
        {t('app.signOut')}
      </Button>
    </Group>
  );
}
