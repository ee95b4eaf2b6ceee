import { Anchor, Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { type Me, useMe } from '../../app/session';
import { t } from '../../i18n';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { DetailList } from '../../ui/DetailList';
import { formatDate, orDash } from '../../ui/format';
import { QueryState } from '../../ui/QueryState';
import { Section } from '../../ui/Section';
import { usePageTitle } from '../../ui/usePageTitle';
import { canManageSupport, canReadSupport } from './access';
import { deleteFile, type SupportFile, supportKeys, useFile } from './api';
import { DocumentsSection } from './DocumentsSection';
import { FileDialog } from './FileDialog';
import { statusColor, statusLabel, subjectLabel } from './labels';
import { NotesSection } from './NotesSection';
import { TimeSection } from './TimeSection';

/** `/accompagnements/:id`: one file. Members reach their own organisation's (the server refuses others). */
export function FilePage() {
  const id = useParams().id ?? '';
  const file = useFile(id);
  const { data: me } = useMe();
  usePageTitle(file.data?.title);
  return <QueryState query={file}>{file.data && me && <FileView file={file.data} me={me} />}</QueryState>;
}

function FileView({ file, me }: { file: SupportFile; me: Me }) {
  const team = canManageSupport(me.role);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);

  const remove = async () => {
    await deleteFile(file.id);
    await queryClient.invalidateQueries({ queryKey: supportKeys.all });
    await navigate('/accompagnements');
  };

  const details = [
    {
      label: t('support.file.organisationId'),
      value: (
        <Anchor component={Link} to={`/adherents/${file.organisationId}`}>
          {file.organisationName}
        </Anchor>
      ),
    },
    { label: t('support.file.subject'), value: subjectLabel(file.subject) },
    { label: t('support.file.ownerUserId'), value: orDash(file.ownerName) },
    { label: t('support.file.openedOn'), value: formatDate(file.openedOn) },
    {
      label: t('support.file.dueOn'),
      value: file.overdue ? t('support.overdueOn', { date: formatDate(file.dueOn) }) : formatDate(file.dueOn),
    },
    { label: t('support.file.closedOn'), value: formatDate(file.closedOn) },
    { label: t('support.file.nextStep'), value: orDash(file.nextStep), wide: true },
  ];
  if (team)
    details.push({ label: t('support.file.description'), value: orDash(file.description), wide: true });

  return (
    <Stack>
      {canReadSupport(me.role) ? (
        <Anchor component={Link} to="/accompagnements" size="sm">
          ← {t('support.title')}
        </Anchor>
      ) : (
        <Anchor component={Link} to={`/adherents/${file.organisationId}`} size="sm">
          ← {file.organisationName}
        </Anchor>
      )}
      <div>
        <Title order={1}>{file.title}</Title>
        <Group gap="xs" mt={4}>
          <Badge color={statusColor[file.status]} variant="light">
            {statusLabel(file.status)}
          </Badge>
          <Badge variant="outline">{subjectLabel(file.subject)}</Badge>
        </Group>
      </div>
      <Section
        title={t('support.file.section')}
        actions={
          team && (
            <>
              <Button size="sm" onClick={() => setEditing(true)}>
                {t('common.edit')}
              </Button>
              <Button size="sm" color="red" variant="light" onClick={() => setDeleting(true)}>
                {t('common.delete')}
              </Button>
            </>
          )
        }
      >
        <DetailList items={details} />
      </Section>
      {team && <TimeSection file={file} me={me} />}
      {team && <NotesSection file={file} me={me} />}
      <DocumentsSection file={file} me={me} />
      {!team && (
        <Text size="sm" c="dimmed">
          {t('support.file.summaryOnly')}
        </Text>
      )}
      {editing && <FileDialog file={file} onClose={() => setEditing(false)} />}
      <ConfirmDialog
        opened={deleting}
        title={t('support.file.deleteTitle')}
        message={t('support.file.deleteText', { title: file.title })}
        confirmLabel={t('common.delete')}
        onClose={() => setDeleting(false)}
        onConfirm={remove}
      />
    </Stack>
  );
}
