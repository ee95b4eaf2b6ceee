import { Button, Checkbox, Group, Modal, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { t } from '../../i18n';
import { FormButtons } from '../../ui/FormButtons';
import { FormErrorSummary } from '../../ui/FormErrors';
import { formatDate } from '../../ui/format';
import { useFormSubmit } from '../../ui/useFormSubmit';
import { numberField } from '../figures/numbers';
import { useOrganisationOptions } from '../members/useOrganisationOptions';
import { type Guest, type Meeting, type PracticeGroup, putAttendance } from './api';
import { personName } from './PeopleSection';

interface Props {
  group: PracticeGroup;
  /** The meeting whose roll call is taken; null keeps the dialog closed. */
  meeting: Meeting | null;
  onClose: () => void;
  onSaved: () => Promise<unknown>;
}

export function AttendanceDialog({ group, meeting, onClose, onSaved }: Props) {
  return (
    <Modal
      opened={meeting !== null}
      onClose={onClose}
      size="lg"
      title={
        meeting
          ? t('practice.attendance.title', { title: meeting.title, day: formatDate(meeting.startsOn) })
          : ''
      }
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {meeting && <RollCall group={group} meeting={meeting} onClose={onClose} onSaved={onSaved} />}
    </Modal>
  );
}

type GuestRow = { key: number; firstName: string; lastName: string; organisationId: string };

function RollCall({ group, meeting, onClose, onSaved }: Omit<Props, 'meeting'> & { meeting: Meeting }) {
  const organisations = useOrganisationOptions('all', true, t('practice.attendance.noOrganisation'));
  const [present, setPresent] = useState<string[]>(meeting.attendance.presentPersonIds);
  const [guests, setGuests] = useState<GuestRow[]>(() =>
    meeting.attendance.guests.map((g: Guest, index) => ({
      key: index,
      firstName: g.firstName,
      lastName: g.lastName,
      organisationId: g.organisationId ?? '',
    })),
  );
  const named = meeting.attendance.named;
  const [count, setCount] = useState(
    meeting.participantsCount !== null && meeting.participantsCount !== named
      ? String(meeting.participantsCount)
      : '',
  );

  const setGuest = (key: number, change: Partial<GuestRow>) =>
    setGuests((rows) => rows.map((row) => (row.key === key ? { ...row, ...change } : row)));
  const addGuest = () =>
    setGuests((rows) => [
      ...rows,
      { key: Math.max(-1, ...rows.map((r) => r.key)) + 1, firstName: '', lastName: '', organisationId: '' },
    ]);

  const form = useFormSubmit(
    () => {
      const missing: Record<string, string> = {};
      guests.forEach((g, index) => {
        if (!g.firstName.trim()) missing[`guests.${index}.firstName`] = t('common.required');
        if (!g.lastName.trim()) missing[`guests.${index}.lastName`] = t('common.required');
      });
      return missing;
    },
    async () => {
      const total = numberField('count', count);
      await putAttendance(group.id, meeting.id, {
        present,
        guests: guests.map((g) => ({
          firstName: g.firstName.trim(),
          lastName: g.lastName.trim(),
          organisationId: g.organisationId || null,
        })),
        ...(total !== undefined ? { count: total } : {}),
      });
      await onSaved();
      onClose();
    },
  );
  const presentError = Object.entries(form.errors).find(([field]) => field.startsWith('present'))?.[1];
  // The summary names each refused field as its input is labelled.
  const labels: Record<string, string> = { count: t('practice.attendance.count') };
  group.people.forEach((_p, index) => {
    labels[`present.${index}`] = t('practice.attendance.people');
  });
  guests.forEach((g, index) => {
    const who = `${g.firstName} ${g.lastName}`.trim() || String(index + 1);
    labels[`guests.${index}.firstName`] = `${t('practice.person.firstName')} (${who})`;
    labels[`guests.${index}.lastName`] = `${t('practice.person.lastName')} (${who})`;
    labels[`guests.${index}.organisationId`] = `${t('practice.person.organisation')} (${who})`;
  });

  return (
    <form ref={form.formRef} onSubmit={form.submit} noValidate>
      <Stack>
        <FormErrorSummary error={form.error} labels={labels} />
        <Text size="sm">{t('practice.attendance.replaces')}</Text>
        {group.people.length === 0 ? (
          <Text c="dimmed">{t('practice.people.empty')}</Text>
        ) : (
          <Checkbox.Group
            label={t('practice.attendance.people')}
            value={present}
            onChange={setPresent}
            error={presentError}
          >
            <Stack gap={6} mt="xs">
              {group.people.map((p) => (
                <Checkbox
                  key={p.id}
                  value={p.id}
                  label={p.organisationName ? `${personName(p)} · ${p.organisationName}` : personName(p)}
                />
              ))}
            </Stack>
          </Checkbox.Group>
        )}
        <Title order={3} size="h5">
          {t('practice.attendance.guests')}
        </Title>
        {guests.map((g, index) => (
          <Group key={g.key} align="flex-start" wrap="wrap" gap="xs">
            <TextInput
              label={t('practice.person.firstName')}
              required
              value={g.firstName}
              onChange={(event) => setGuest(g.key, { firstName: event.currentTarget.value })}
              error={form.errors[`guests.${index}.firstName`]}
            />
            <TextInput
              label={t('practice.person.lastName')}
              required
              value={g.lastName}
              onChange={(event) => setGuest(g.key, { lastName: event.currentTarget.value })}
              error={form.errors[`guests.${index}.lastName`]}
            />
            <NativeSelect
              label={t('practice.person.organisation')}
              value={g.organisationId}
              onChange={(event) => setGuest(g.key, { organisationId: event.currentTarget.value })}
              data={organisations}
              error={form.errors[`guests.${index}.organisationId`]}
            />
            <Button
              variant="subtle"
              color="red"
              mt={24}
              onClick={() => setGuests((rows) => rows.filter((row) => row.key !== g.key))}
              aria-label={t('practice.attendance.removeGuestOf', {
                name: `${g.firstName} ${g.lastName}`.trim() || String(index + 1),
              })}
            >
              {t('practice.person.remove')}
            </Button>
          </Group>
        ))}
        <Group>
          <Button variant="default" onClick={addGuest}>
            {t('practice.attendance.addGuest')}
          </Button>
        </Group>
        <TextInput
          label={t('practice.attendance.count')}
          description={t('practice.attendance.countHint')}
          inputMode="numeric"
          value={count}
          onChange={(event) => setCount(event.currentTarget.value)}
          error={form.errors.count}
        />
        <FormButtons onCancel={onClose} pending={form.pending} />
      </Stack>
    </form>
  );
}
