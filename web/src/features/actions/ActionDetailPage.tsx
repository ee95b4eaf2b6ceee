import { Anchor, Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useMe } from '../../app/session';
import { t } from '../../i18n';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { type Column, DataTable } from '../../ui/DataTable';
import { DetailList } from '../../ui/DetailList';
import { formatBoolean, formatDate, formatNumber, orDash } from '../../ui/format';
import { QueryState } from '../../ui/QueryState';
import { Section } from '../../ui/Section';
import { usePageTitle } from '../../ui/usePageTitle';
import { canWriteActions } from './access';
import { type ActionDetail, actionsKeys, deleteAction, useAction } from './api';
import {
  formatParticipants,
  formatPlace,
  formatWhen,
  kindLabel,
  memberRoleLabel,
  missionLabel,
  partnerKindLabel,
  partnerRoleLabel,
} from './labels';

/**
 * An action's page. Each block is a Section in the page's Stack, so another feature (the
 * registrations of an event) can add its own block below without touching the others.
 */
export function ActionDetailPage() {
  const id = useParams().id ?? '';
  const action = useAction(id);
  usePageTitle(action.data?.title);
  return <QueryState query={action}>{action.data && <ActionView action={action.data} />}</QueryState>;
}

function ActionView({ action }: { action: ActionDetail }) {
  const { data: me } = useMe();
  const write = me ? canWriteActions(me.role) : false;
  return (
    <Stack>
      <Anchor component={Link} to="/actions" size="sm">
        ← {t('actions.list.title')}
      </Anchor>
      <ActionHeader action={action} write={write} />
      {action.registrationOpen && (
        <Anchor component={Link} to={`/evenements/${action.id}`}>
          {t('actions.detail.registrations')}
        </Anchor>
      )}
      <DetailsSection action={action} />
      <PartnersSection action={action} />
      <MembersSection action={action} />
    </Stack>
  );
}

function ActionHeader({ action, write }: { action: ActionDetail; write: boolean }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [deleting, setDeleting] = useState(false);
  const remove = async () => {
    await deleteAction(action.id);
    await queryClient.invalidateQueries({ queryKey: actionsKeys.all });
    void navigate('/actions');
  };
  return (
    <Group justify="space-between" align="flex-start" wrap="wrap">
      <div>
        <Title order={1}>{action.title}</Title>
        <Group gap="xs" mt={4}>
          <Badge variant="light">{kindLabel(action.kind)}</Badge>
          <Badge variant="light" color={action.visibility === 'public' ? 'green' : 'gray'}>
            {t(`actions.visibility.${action.visibility}`)}
          </Badge>
          <Text size="sm">{formatWhen(action)}</Text>
        </Group>
      </div>
      {write && (
        <Group gap="xs">
          <Button component={Link} to={`/actions/${action.id}/modifier`} variant="default">
            {t('common.edit')}
          </Button>
          <Button color="red" variant="light" onClick={() => setDeleting(true)}>
            {t('common.delete')}
          </Button>
        </Group>
      )}
      <ConfirmDialog
        opened={deleting}
        title={t('actions.delete.title')}
        message={t('actions.delete.message', { title: action.title })}
        confirmLabel={t('common.delete')}
        onClose={() => setDeleting(false)}
        onConfirm={remove}
      />
    </Group>
  );
}

const list = (values: string[]) => (values.length > 0 ? values.join(', ') : t('common.none'));

function DetailsSection({ action }: { action: ActionDetail }) {
  const participants = formatParticipants(action.participantsCount, action.participantsQualifier);
  return (
    <Section title={t('actions.detail.title')}>
      <DetailList
        items={[
          { label: t('actions.field.date'), value: formatWhen(action) },
          { label: t('actions.field.place'), value: formatPlace(action) },
          { label: t('actions.field.missions'), value: list(action.missions.map(missionLabel)) },
          { label: t('actions.field.themes'), value: list(action.themes) },
          { label: t('actions.field.objectives'), value: list(action.objectives), wide: true },
          {
            label: t('actions.field.participants'),
            value:
              action.participantsSource === 'attendance'
                ? t('actions.detail.fromAttendance', { participants })
                : participants,
          },
          { label: t('actions.field.practiceGroup'), value: orDash(action.practiceGroupName) },
          { label: t('actions.field.summary'), value: orDash(action.summary), wide: true },
          { label: t('actions.field.registrationOpen'), value: formatBoolean(action.registrationOpen) },
          {
            label: t('actions.field.capacity'),
            value: action.capacity === null ? t('common.none') : formatNumber(action.capacity),
          },
          { label: t('actions.field.registrationClosesOn'), value: formatDate(action.registrationClosesOn) },
          { label: t('actions.field.source'), value: orDash(action.source) },
        ]}
      />
    </Section>
  );
}

type PartnerRow = ActionDetail['partners'][number];
const partnerColumns: Column<PartnerRow>[] = [
  { key: 'name', header: t('actions.partner.name'), rowHeader: true, render: (p) => p.name },
  { key: 'kind', header: t('actions.partner.kind'), render: (p) => partnerKindLabel(p.kind) },
  { key: 'role', header: t('actions.field.role'), render: (p) => partnerRoleLabel(p.role) },
];

function PartnersSection({ action }: { action: ActionDetail }) {
  return (
    <Section title={t('actions.field.partners')}>
      <DataTable
        caption={t('actions.field.partners')}
        captionHidden
        columns={partnerColumns}
        rows={action.partners}
        rowKey={(p) => p.partnerId}
        emptyMessage={t('actions.form.noPartner')}
      />
    </Section>
  );
}

type MemberRow = ActionDetail['members'][number];
const memberColumns: Column<MemberRow>[] = [
  {
    key: 'name',
    header: t('actions.field.member'),
    rowHeader: true,
    render: (m) => (
      <Anchor component={Link} to={`/adherents/${m.organisationId}`}>
        {m.name}
      </Anchor>
    ),
  },
  { key: 'role', header: t('actions.field.role'), render: (m) => memberRoleLabel(m.role) },
];

function MembersSection({ action }: { action: ActionDetail }) {
  return (
    <Section title={t('actions.field.members')}>
      <DataTable
        caption={t('actions.field.members')}
        captionHidden
        columns={memberColumns}
        rows={action.members}
        rowKey={(m) => m.organisationId}
        emptyMessage={t('actions.form.noMember')}
      />
    </Section>
  );
}
