import { Anchor, Badge, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { Link } from 'react-router';
import { t, tn } from '../../i18n';
import { formatDate } from '../../ui/format';
import type { EventListItem, Registration } from './api';
import { placeLabel, statusColor, statusLabel, whenLabel } from './labels';

interface Props {
  event: EventListItem;
  canRegister: boolean;
  canManage: boolean;
  onRegister: () => void;
  onCancel: (registration: Registration) => void;
}

function Places({ event }: { event: EventListItem }) {
  if (event.registrationState === 'started') return <Badge color="gray">{t('events.state.started')}</Badge>;
  if (event.registrationState === 'closed') return <Badge color="gray">{t('events.state.closed')}</Badge>;
  if (event.placesLeft === null) return <Text size="sm">{t('events.places.unlimited')}</Text>;
  if (event.placesLeft === 0)
    return (
      <Badge color="orange" variant="light">
        {t('events.places.full')}
      </Badge>
    );
  return (
    <Text size="sm">{tn('events.places.left', event.placesLeft, { capacity: event.capacity ?? 0 })}</Text>
  );
}

/** One upcoming event: when, where, places left, and the caller's organisation's registrations. */
export function EventCard({ event, canRegister, canManage, onRegister, onCancel }: Props) {
  const headingId = useId();
  const place = placeLabel(event);
  const open = event.registrationState === 'open';
  return (
    <Paper component="article" withBorder p="md" radius="md" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Title order={2} size="h3" id={headingId}>
            {event.title}
          </Title>
          <Places event={event} />
        </Group>
        <Text fw={500}>{whenLabel(event)}</Text>
        {place && <Text size="sm">{place}</Text>}
        {event.registrationClosesOn && open && (
          <Text size="sm" c="dimmed">
            {t('events.closesOn', { date: formatDate(event.registrationClosesOn) })}
          </Text>
        )}
        {event.summary && <Text size="sm">{event.summary}</Text>}
        {event.ownRegistrations.length > 0 && (
          <div>
            <Text size="sm" fw={600}>
              {t('events.own.title')}
            </Text>
            <List size="sm" spacing={4} listStyleType="none" ml={0} pl={0}>
              {event.ownRegistrations.map((r) => (
                <List.Item key={r.id}>
                  <Group gap="xs" wrap="wrap">
                    <span>
                      {r.firstName} {r.lastName}
                      {r.jobTitle ? ` (${r.jobTitle})` : ''}
                    </span>
                    <Badge size="sm" variant="light" color={statusColor[r.status]}>
                      {statusLabel(r)}
                    </Badge>
                    {open && (
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        color="red"
                        onClick={() => onCancel(r)}
                        aria-label={t('events.cancel.openLabel', { name: `${r.firstName} ${r.lastName}` })}
                      >
                        {t('events.cancel.open')}
                      </Button>
                    )}
                  </Group>
                </List.Item>
              ))}
            </List>
          </div>
        )}
        {(canRegister || canManage) && (
          <Group gap="xs" mt="xs">
            {canRegister && open && (
              <Button onClick={onRegister}>
                {event.placesLeft === 0 ? t('events.register.openWaiting') : t('events.register.open')}
              </Button>
            )}
            {canManage && (
              <Anchor component={Link} to={`/evenements/${event.id}`}>
                {t('events.manage.open')}
              </Anchor>
            )}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
