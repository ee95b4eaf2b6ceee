import { Alert, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useMe } from '../../app/session';
import { t } from '../../i18n';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { QueryState } from '../../ui/QueryState';
import { usePageTitle } from '../../ui/usePageTitle';
import { canManageEvents, canRegister } from './access';
import {
  cancelRegistration,
  type EventListItem,
  eventsKeys,
  type Registration,
  register,
  useEvents,
} from './api';
import { EventCard } from './EventCard';
import { PersonDialog, type PersonValues } from './PersonDialog';

/** The upcoming events: members register their staff, the team reaches each event's management page. */
export function EventsPage() {
  usePageTitle(t('events.title'));
  const queryClient = useQueryClient();
  const { data: me } = useMe();
  const events = useEvents(true);
  const [registering, setRegistering] = useState<EventListItem | null>(null);
  const [cancelling, setCancelling] = useState<{ event: EventListItem; registration: Registration } | null>(
    null,
  );
  const [notice, setNotice] = useState<string | null>(null);
  const mayRegister = me ? canRegister(me.role) : false;
  const mayManage = me ? canManageEvents(me.role) : false;
  const refresh = () => queryClient.invalidateQueries({ queryKey: eventsKeys.all });

  const submitRegistration = async (values: PersonValues) => {
    if (!registering) return;
    setNotice(null);
    const created = await register(registering.id, {
      firstName: values.firstName.trim(),
      lastName: values.lastName.trim(),
      email: values.email.trim(),
      jobTitle: values.jobTitle.trim() || null,
      ...(mayManage && values.organisationId ? { organisationId: values.organisationId } : {}),
    });
    const name = `${created.firstName} ${created.lastName}`;
    setNotice(
      created.status === 'waiting'
        ? t('events.register.doneWaiting', { name, rank: created.waitingPosition ?? 1 })
        : t('events.register.done', { name }),
    );
    await refresh();
  };

  return (
    <Stack>
      <Title order={1}>{t('events.title')}</Title>
      <Text c="dimmed">{me?.role === 'member' ? t('events.intro.member') : t('events.intro.team')}</Text>
      {notice && (
        <Alert
          color="green"
          role="status"
          withCloseButton
          onClose={() => setNotice(null)}
          closeButtonLabel={t('common.close')}
        >
          {notice}
        </Alert>
      )}
      <QueryState query={events}>
        {events.data && events.data.items.length === 0 && <Text>{t('events.empty')}</Text>}
        {events.data?.items.map((event) => (
          <EventCard
            key={event.id}
            event={event}
            canRegister={mayRegister}
            canManage={mayManage}
            onRegister={() => setRegistering(event)}
            onCancel={(registration) => setCancelling({ event, registration })}
          />
        ))}
      </QueryState>
      <PersonDialog
        opened={registering !== null}
        title={t('events.register.title', { title: registering?.title ?? '' })}
        intro={registering?.placesLeft === 0 ? t('events.register.waitingIntro') : t('events.register.intro')}
        submitLabel={t('events.register.submit')}
        emailRequired
        chooseOrganisation={mayManage}
        onClose={() => setRegistering(null)}
        onSubmit={submitRegistration}
      />
      <ConfirmDialog
        opened={cancelling !== null}
        title={t('events.cancel.title')}
        message={
          cancelling
            ? t('events.cancel.message', {
                name: `${cancelling.registration.firstName} ${cancelling.registration.lastName}`,
                title: cancelling.event.title,
              })
            : ''
        }
        confirmLabel={t('events.cancel.confirm')}
        onClose={() => setCancelling(null)}
        onConfirm={async () => {
          if (!cancelling) return;
          await cancelRegistration(cancelling.event.id, cancelling.registration.id);
          await refresh();
        }}
      />
    </Stack>
  );
}
