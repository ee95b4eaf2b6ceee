import { Badge, Button, Checkbox, Group, Stack } from '@mantine/core';
import { useState } from 'react';
import { t, tn } from '../../i18n';
import { type Column, DataTable } from '../../ui/DataTable';
import { FormErrorSummary } from '../../ui/FormErrors';
import { orDash } from '../../ui/format';
import { RowButton } from '../../ui/RowActions';
import { Section } from '../../ui/Section';
import { SuccessAlert } from '../../ui/SuccessAlert';
import { type EventItem, type Registration, registrationsCsvUrl, saveAttendance } from './api';
import { statusColor, statusLabel } from './labels';

interface Props {
  event: EventItem;
  registrations: Registration[];
  onRegister: () => void;
  onWalkIn: () => void;
  onCancel: (registration: Registration) => void;
  onSaved: () => Promise<unknown>;
}

const fullName = (r: Registration) => `${r.firstName} ${r.lastName}`;

/** Every registration of an event; the team ticks who came and saves the attendance at once. */
export function RegistrationsSection({
  event,
  registrations,
  onRegister,
  onWalkIn,
  onCancel,
  onSaved,
}: Props) {
  // What the team ticked since the last save; null = as stored.
  const [ticked, setTicked] = useState<Set<string> | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<number | null>(null);
  const stored = new Set(registrations.filter((r) => r.attended).map((r) => r.id));
  const present = ticked ?? stored;
  const live = registrations.filter((r) => r.status !== 'cancelled');
  const canCancel = event.registrationState !== 'started';

  const toggle = (id: string, checked: boolean) => {
    setSaved(null);
    setTicked(() => {
      const next = new Set(present);
      if (checked) next.add(id);
      else next.delete(id);
      return next;
    });
  };
  const save = async () => {
    setPending(true);
    setError(null);
    try {
      // Unticked registered people did not come; the waiting list stays unmarked unless ticked.
      const absent = live.filter((r) => r.status === 'registered' && !present.has(r.id)).map((r) => r.id);
      const result = await saveAttendance(event.id, {
        present: live.filter((r) => present.has(r.id)).map((r) => r.id),
        absent,
      });
      setSaved(result.participantsCount);
      await onSaved();
      setTicked(null);
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(false);
    }
  };

  const columns: Column<Registration>[] = [
    {
      key: 'present',
      header: t('events.col.present'),
      width: 90,
      render: (r) =>
        r.status === 'cancelled' ? (
          t('common.none')
        ) : (
          <Checkbox
            aria-label={t('events.attendance.checkLabel', { name: fullName(r) })}
            checked={present.has(r.id)}
            onChange={(e) => toggle(r.id, e.currentTarget.checked)}
          />
        ),
    },
    { key: 'name', header: t('events.col.name'), rowHeader: true, render: fullName },
    { key: 'organisation', header: t('events.col.organisation'), render: (r) => orDash(r.organisationName) },
    { key: 'email', header: t('events.col.email'), render: (r) => orDash(r.email) },
    { key: 'jobTitle', header: t('events.col.jobTitle'), render: (r) => orDash(r.jobTitle) },
    {
      key: 'status',
      header: t('events.col.status'),
      nowrap: true,
      render: (r) => (
        <Badge variant="light" color={statusColor[r.status]}>
          {statusLabel(r)}
        </Badge>
      ),
    },
    {
      key: 'actions',
      header: t('common.actions'),
      nowrap: true,
      render: (r) =>
        canCancel && r.status !== 'cancelled' ? (
          <RowButton
            size="xs"
            danger
            onClick={() => onCancel(r)}
            label={t('events.cancel.openLabel', { name: fullName(r) })}
          >
            {t('events.cancel.open')}
          </RowButton>
        ) : null,
    },
  ];

  const actions = (
    <>
      <Button component="a" href={registrationsCsvUrl(event.id)} download variant="default">
        {t('events.manage.export')}
      </Button>
      <Button variant="default" onClick={onWalkIn}>
        {t('events.walkIn.open')}
      </Button>
      {event.registrationState === 'open' && (
        <Button onClick={onRegister}>{t('events.manage.register')}</Button>
      )}
    </>
  );

  return (
    <Section title={t('events.manage.registrations')} actions={actions}>
      <Stack>
        <FormErrorSummary error={error} />
        {saved !== null && <SuccessAlert>{tn('events.attendance.saved', saved)}</SuccessAlert>}
        <DataTable
          caption={t('events.manage.caption', { title: event.title })}
          captionHidden
          columns={columns}
          rows={registrations}
          rowKey={(r) => r.id}
          emptyMessage={t('events.manage.empty')}
        />
        {live.length > 0 && (
          <Group>
            <Button onClick={() => void save()} loading={pending}>
              {t('events.attendance.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </Section>
  );
}
