import { Anchor, Badge, Text } from '@mantine/core';
import { Link } from 'react-router';
import { t } from '../../i18n';
import { type Column, DataTable } from '../../ui/DataTable';
import { formatDate, orDash } from '../../ui/format';
import type { SupportFileSummary } from './api';
import { formatMinutes, statusColor, statusLabel, subjectLabel } from './labels';

export type FileColumn =
  | 'title'
  | 'organisation'
  | 'subject'
  | 'status'
  | 'owner'
  | 'dueOn'
  | 'nextStep'
  | 'time';

interface Props {
  caption: string;
  files: SupportFileSummary[];
  columns: FileColumn[];
  emptyMessage?: string;
}

/** Files as a table; the title links to the file (for the team) and overdue dates say so in words. */
export function FileTable({ caption, files, columns, emptyMessage }: Props) {
  const all: Record<FileColumn, Column<SupportFileSummary>> = {
    title: {
      key: 'title',
      header: t('support.file.title'),
      rowHeader: true,
      render: (f) => (
        <Anchor component={Link} to={`/accompagnements/${f.id}`}>
          {f.title}
        </Anchor>
      ),
    },
    organisation: {
      key: 'organisation',
      header: t('support.file.organisationId'),
      render: (f) => (
        <Anchor component={Link} to={`/adherents/${f.organisationId}`}>
          {f.organisationName}
        </Anchor>
      ),
    },
    subject: { key: 'subject', header: t('support.file.subject'), render: (f) => subjectLabel(f.subject) },
    status: {
      key: 'status',
      header: t('support.file.status'),
      nowrap: true,
      render: (f) => (
        <Badge color={statusColor[f.status]} variant="light">
          {statusLabel(f.status)}
        </Badge>
      ),
    },
    owner: { key: 'owner', header: t('support.file.ownerUserId'), render: (f) => orDash(f.ownerName) },
    dueOn: {
      key: 'dueOn',
      header: t('support.file.dueOn'),
      nowrap: true,
      render: (f) =>
        f.overdue ? (
          <Text size="sm" c="red.9" fw={600}>
            {t('support.overdueOn', { date: formatDate(f.dueOn) })}
          </Text>
        ) : (
          formatDate(f.dueOn)
        ),
    },
    nextStep: { key: 'nextStep', header: t('support.file.nextStep'), render: (f) => orDash(f.nextStep) },
    time: {
      key: 'time',
      header: t('support.file.time'),
      nowrap: true,
      render: (f) => formatMinutes(f.totalMinutes ?? 0),
    },
  };
  return (
    <DataTable
      caption={caption}
      captionHidden
      columns={columns.map((c) => all[c])}
      rows={files}
      rowKey={(f) => f.id}
      emptyMessage={emptyMessage}
    />
  );
}
