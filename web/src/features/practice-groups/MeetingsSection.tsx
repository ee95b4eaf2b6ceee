import { Badge, Button, Text } from '@mantine/core';
import { useState } from 'react';
import { t } from '../../i18n';
import type { Column } from '../../ui/DataTable';
import { formatDate, formatNumber } from '../../ui/format';
import { actionsColumn, RowButton } from '../../ui/RowActions';
import { TableSection } from '../../ui/TableSection';
import { AttendanceDialog } from './AttendanceDialog';
import type { Meeting, PracticeGroup } from './api';
import { MeetingDialog } from './MeetingDialog';

interface Props {
  group: PracticeGroup;
  write: boolean;
  onChanged: () => Promise<unknown>;
}

function when(m: Meeting): string {
  const day = formatDate(m.startsOn);
  if (m.startTime && m.endTime)
    return t('practice.meeting.fromTo', { day, start: m.startTime, end: m.endTime });
  return m.startTime ? t('practice.meeting.at', { day, start: m.startTime }) : day;
}

function place(m: Meeting): string {
  if (m.online) return t('practice.meeting.isOnline');
  return [m.town, m.department ? `(${m.department})` : null].filter(Boolean).join(' ') || t('common.none');
}

function attendance(m: Meeting) {
  if (m.participantsCount === null) return <Text c="dimmed">{t('practice.meeting.noAttendance')}</Text>;
  return (
    <>
      {formatNumber(m.participantsCount)}
      {m.attendance.named > 0 && m.attendance.named !== m.participantsCount && (
        <Text size="xs" c="dimmed">
          {t('practice.meeting.namedOf', { named: m.attendance.named })}
        </Text>
      )}
      {m.participantsSource === 'declared' && (
        <Text size="xs" c="dimmed">
          {t('practice.meeting.declaredCount')}
        </Text>
      )}
    </>
  );
}

/** The group's meetings (actions of the chronicle) and, for each, who came. */
export function MeetingsSection({ group, write, onChanged }: Props) {
  const [adding, setAdding] = useState(false);
  const [rollCall, setRollCall] = useState<Meeting | null>(null);
  const columns: Column<Meeting>[] = [
    { key: 'date', header: t('practice.meeting.date'), nowrap: true, render: when },
    { key: 'title', header: t('practice.meeting.title'), rowHeader: true, render: (m) => m.title },
    { key: 'place', header: t('practice.meeting.place'), render: place },
    {
      key: 'visibility',
      header: t('practice.meeting.visibility'),
      nowrap: true,
      render: (m) => (
        <Badge variant="light" color={m.visibility === 'public' ? 'blue' : 'gray'}>
          {t(`practice.meeting.visibility.${m.visibility}`)}
        </Badge>
      ),
    },
    { key: 'attendance', header: t('practice.meeting.participants'), render: attendance },
  ];
  if (write)
    columns.push(
      actionsColumn((m) => (
        <RowButton
          light
          onClick={() => setRollCall(m)}
          label={t('practice.attendance.openOf', { title: m.title, day: formatDate(m.startsOn) })}
        >
          {t('practice.attendance.open')}
        </RowButton>
      )),
    );
  return (
    <TableSection
      title={t('practice.meetings')}
      actions={write && <Button onClick={() => setAdding(true)}>{t('practice.meeting.add')}</Button>}
      emptyMessage={t('practice.meetings.empty')}
      rows={group.meetings}
      columns={columns}
      rowKey={(m) => m.id}
    >
      <MeetingDialog group={group} opened={adding} onClose={() => setAdding(false)} onSaved={onChanged} />
      <AttendanceDialog
        group={group}
        meeting={rollCall}
        onClose={() => setRollCall(null)}
        onSaved={onChanged}
      />
    </TableSection>
  );
}
