import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { t } from '../../i18n';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { Figures } from '../../ui/Figures';
import { QueryState } from '../../ui/QueryState';
import { usePageTitle } from '../../ui/usePageTitle';
import {
  addWalkIn,
  cancelRegistration,
  type EventItem,
  eventsKeys,
  type Registration,
  register,
  useEvent,
  useRegistrations,
} from './api';
import { placeLabel, whenLabel } from './labels';
import { PersonDialog, type PersonValues } from './PersonDialog';
import { RegistrationsSection } from './RegistrationsSection';

function Counts({ event }: { event: EventItem }) {
  const figures = [
    {
      label: t('events.count.registered'),
      value:
        event.capacity === null
          ? String(event.registeredCount)
          : `${event.registeredCount} / ${event.capacity}`,
    },
    { label: t('events.count.waiting'), value: String(event.waitingCount) },
    { label: t('events.count.present'), value: String(event.attendedCount) },
  ];
  return <Figures figures={figures} />;
}

const trimmed = (values: PersonValues) => ({
  firstName: values.firstName.trim(),
  lastName: values.lastName.trim(),
  jobTitle: values.jobTitle.trim() || null,
  organisationId: values.organisationId || null,
});

/** The team's page of one event: registrations, cancellations, walk-ins, attendance, export. */
export function EventManagePage() {
  const { actionId = '' } = useParams();
  const queryClient = useQueryClient();
  const event = useEvent(actionId);
  const registrations = useRegistrations(actionId);
  const [dialog, setDialog] = useState<'register' | 'walkIn' | null>(null);
  const [cancelling, setCancelling] = useState<Registration | null>(null);
  usePageTitle(event.data?.title ?? t('events.title'));
  const refresh = () => queryClient.invalidateQueries({ queryKey: eventsKeys.all });

  const submit = async (values: PersonValues) => {
    if (dialog === 'walkIn')
      await addWalkIn(actionId, { ...trimmed(values), email: values.email.trim() || null });
    else await register(actionId, { ...trimmed(values), email: values.email.trim() });
    await refresh();
  };

  return (
    <Stack>
      <Anchor component={Link} to="/evenements" size="sm">
        {t('events.manage.back')}
      </Anchor>
      <QueryState query={event}>
        {event.data && (
          <Stack>
            <div>
              <Title order={1}>{event.data.title}</Title>
              <Text fw={500}>{whenLabel(event.data)}</Text>
              {placeLabel(event.data) && <Text size="sm">{placeLabel(event.data)}</Text>}
            </div>
            <Counts event={event.data} />
            <QueryState query={registrations}>
              {registrations.data && (
                <RegistrationsSection
                  event={event.data}
                  registrations={registrations.data.items}
                  onRegister={() => setDialog('register')}
                  onWalkIn={() => setDialog('walkIn')}
                  onCancel={setCancelling}
                  onSaved={refresh}
                />
              )}
            </QueryState>
          </Stack>
        )}
      </QueryState>
      <PersonDialog
        opened={dialog !== null}
        title={
          dialog === 'walkIn'
            ? t('events.walkIn.title')
            : t('events.register.title', { title: event.data?.title ?? '' })
        }
        intro={dialog === 'walkIn' ? t('events.walkIn.intro') : t('events.register.intro')}
        submitLabel={dialog === 'walkIn' ? t('events.walkIn.submit') : t('events.register.submit')}
        emailRequired={dialog !== 'walkIn'}
        chooseOrganisation
        onClose={() => setDialog(null)}
        onSubmit={submit}
      />
      <ConfirmDialog
        opened={cancelling !== null}
        title={t('events.cancel.title')}
        message={
          cancelling && event.data
            ? t('events.cancel.message', {
                name: `${cancelling.firstName} ${cancelling.lastName}`,
                title: event.data.title,
              })
            : ''
        }
        confirmLabel={t('events.cancel.confirm')}
        onClose={() => setCancelling(null)}
        onConfirm={async () => {
          if (!cancelling) return;
          await cancelRegistration(actionId, cancelling.id);
          await refresh();
        }}
      />
    </Stack>
  );
}
