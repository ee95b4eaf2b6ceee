import { Badge, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useSearchParams } from 'react-router';
import type { Me } from '../../app/session';
import { t } from '../../i18n';
import { QueryState } from '../../ui/QueryState';
import { Section } from '../../ui/Section';
import { type SupportFileSummary, statuses, useDashboard, useOwners } from './api';
import { FileTable } from './FileTable';
import { formatMinutes, statusColor, statusLabel } from './labels';

function Group3({ title, files, empty }: { title: string; files: SupportFileSummary[]; empty: string }) {
  return (
    <div>
      <Title order={3} size="h4" mb="xs">
        {title} ({files.length})
      </Title>
      {files.length === 0 ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        <FileTable
          caption={title}
          files={files}
          columns={['dueOn', 'title', 'organisation', 'status', 'nextStep']}
        />
      )}
    </div>
  );
}

/**
 * What a team member has to do, by due date: overdue, within seven days, later. The
 * colleague shown is in the URL (`?responsable=`), so a shared link shows the same.
 */
export function DashboardSection({ me }: { me: Me }) {
  const [search, setSearch] = useSearchParams();
  const ownerId = search.get('responsable') || me.user.id;
  const owners = useOwners();
  const dashboard = useDashboard(ownerId);
  const data = dashboard.data;
  const mine = ownerId === me.user.id;
  const choose = (id: string) =>
    setSearch(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (id === me.user.id) next.delete('responsable');
        else next.set('responsable', id);
        return next;
      },
      { replace: true },
    );

  return (
    <Section
      title={mine ? t('support.dashboard.mine') : t('support.dashboard.of', { name: data?.owner.name ?? '' })}
      actions={
        <NativeSelect
          label={t('support.dashboard.switch')}
          value={ownerId}
          onChange={(e) => choose(e.currentTarget.value)}
          data={(owners.data?.items ?? [{ id: me.user.id, name: me.user.name }]).map((o) => ({
            value: o.id,
            label: o.id === me.user.id ? t('support.dashboard.me', { name: o.name }) : o.name,
          }))}
        />
      }
    >
      <QueryState query={dashboard}>
        {data && (
          <Stack>
            <Group gap="xs" wrap="wrap">
              <Text size="sm">
                {t('support.dashboard.timeThisMonth', { time: formatMinutes(data.minutesThisMonth) })}
              </Text>
              {statuses.map((status) => (
                <Badge key={status} color={statusColor[status]} variant="light">
                  {statusLabel(status)} : {data.countsByStatus[status]}
                </Badge>
              ))}
            </Group>
            <Group3
              title={t('support.dashboard.overdue')}
              files={data.overdue}
              empty={t('support.dashboard.noneOverdue')}
            />
            <Group3
              title={t('support.dashboard.dueSoon')}
              files={data.dueSoon}
              empty={t('support.dashboard.noneSoon')}
            />
            <Group3
              title={t('support.dashboard.later')}
              files={data.later}
              empty={t('support.dashboard.noneLater')}
            />
          </Stack>
        )}
      </QueryState>
    </Section>
  );
}
