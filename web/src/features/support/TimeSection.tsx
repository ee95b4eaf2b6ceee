import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Me } from '../../app/session';
import { t } from '../../i18n';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { type Column, DataTable } from '../../ui/DataTable';
import { type FieldErrors, FormErrorSummary } from '../../ui/FormErrors';
import { formatDate, orDash } from '../../ui/format';
import { RowButton } from '../../ui/RowActions';
import { Section } from '../../ui/Section';
import { useFormSubmit } from '../../ui/useFormSubmit';
import { addTime, deleteTime, type SupportFile, supportKeys, type TimeEntry } from './api';
import { formatMinutes, parseDuration, todayIso } from './labels';

/** Time spent on a file: a quick entry form, the lines, the total and each person's share. */
export function TimeSection({ file, me }: { file: SupportFile; me: Me }) {
  const queryClient = useQueryClient();
  const [spentOn, setSpentOn] = useState(todayIso());
  const [duration, setDuration] = useState('');
  const [note, setNote] = useState('');
  const [removing, setRemoving] = useState<TimeEntry | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: supportKeys.all });

  const check = (): FieldErrors => {
    const errors: FieldErrors = {};
    if (!spentOn) errors.spentOn = t('common.required');
    const minutes = parseDuration(duration);
    if (minutes === null) errors.minutes = t('common.required');
    else if (Number.isNaN(minutes)) errors.minutes = t('support.time.unreadable');
    return errors;
  };
  const send = async () => {
    await addTime(file.id, {
      spentOn,
      minutes: parseDuration(duration) ?? 0,
      ...(note.trim() ? { note } : {}),
    });
    setDuration('');
    setNote('');
    await refresh();
  };
  const { formRef, submit, pending, error, errors } = useFormSubmit(check, send);
  const labels = {
    spentOn: t('support.time.spentOn'),
    minutes: t('support.time.duration'),
    note: t('support.time.note'),
  };

  const entries = file.timeEntries ?? [];
  const columns: Column<TimeEntry>[] = [
    {
      key: 'spentOn',
      header: labels.spentOn,
      rowHeader: true,
      nowrap: true,
      render: (e) => formatDate(e.spentOn),
    },
    { key: 'user', header: t('support.time.who'), render: (e) => orDash(e.userName) },
    { key: 'minutes', header: labels.minutes, nowrap: true, render: (e) => formatMinutes(e.minutes) },
    { key: 'note', header: labels.note, render: (e) => orDash(e.note) },
    {
      key: 'actions',
      header: t('common.actions'),
      render: (e) =>
        (e.userId === me.user.id || me.role === 'admin') && (
          <RowButton
            danger
            onClick={() => setRemoving(e)}
            label={t('support.time.deleteOf', { date: formatDate(e.spentOn) })}
          >
            {t('common.delete')}
          </RowButton>
        ),
    },
  ];

  return (
    <Section title={t('support.time.title')}>
      <Stack>
        <Text fw={600}>
          {t('support.time.total', { time: formatMinutes(file.time?.totalMinutes ?? 0) })}
          {(file.time?.byUser ?? []).length > 0 &&
            ` — ${(file.time?.byUser ?? [])
              .map((u) => `${u.name ?? t('support.time.formerUser')} : ${formatMinutes(u.minutes)}`)
              .join(', ')}`}
        </Text>
        <form ref={formRef} onSubmit={submit} noValidate>
          <Stack gap="xs">
            <FormErrorSummary error={error} labels={labels} />
            <Group align="flex-start" wrap="wrap">
              <TextInput
                type="date"
                label={labels.spentOn}
                required
                value={spentOn}
                error={errors.spentOn}
                onChange={(e) => setSpentOn(e.currentTarget.value)}
              />
              <TextInput
                label={labels.minutes}
                description={t('support.time.durationHint')}
                required
                value={duration}
                error={errors.minutes}
                onChange={(e) => setDuration(e.currentTarget.value)}
              />
              <TextInput
                label={labels.note}
                value={note}
                error={errors.note}
                onChange={(e) => setNote(e.currentTarget.value)}
                style={{ flex: 1, minWidth: 200 }}
              />
            </Group>
            <Group>
              <Button type="submit" loading={pending}>
                {t('support.time.add')}
              </Button>
            </Group>
          </Stack>
        </form>
        <DataTable
          caption={t('support.time.title')}
          captionHidden
          columns={columns}
          rows={entries}
          rowKey={(e) => e.id}
          emptyMessage={t('support.time.empty')}
        />
      </Stack>
      <ConfirmDialog
        opened={removing !== null}
        title={t('support.time.deleteTitle')}
        message={t('support.time.deleteText')}
        confirmLabel={t('common.delete')}
        onClose={() => setRemoving(null)}
        onConfirm={async () => {
          if (removing) await deleteTime(file.id, removing.id);
          await refresh();
        }}
      />
    </Section>
  );
}
