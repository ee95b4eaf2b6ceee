import { Anchor, Button, Group, Stack, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useMe } from '../../app/session';
import { t } from '../../i18n';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { DetailList } from '../../ui/DetailList';
import { formatNumber, orDash } from '../../ui/format';
import { QueryState } from '../../ui/QueryState';
import { Section } from '../../ui/Section';
import { usePageTitle } from '../../ui/usePageTitle';
import { canManageTrainings } from './access';
import { deleteSession, type TrainingSessionRecord, trainingsKeys, useSession } from './api';
import { basisLabel, hoursLabel, sessionDates } from './labels';
import { SessionDialog } from './SessionDialog';
import { TraineesSection } from './TraineesSection';

export function TrainingPage() {
  const id = useParams().id ?? '';
  const session = useSession(id);
  usePageTitle(session.data?.title);
  return <QueryState query={session}>{session.data && <SessionView session={session.data} />}</QueryState>;
}

const yearOf = (date: string) => date.slice(0, 4);

function SessionView({ session }: { session: TrainingSessionRecord }) {
  const { data: me } = useMe();
  const write = me ? canManageTrainings(me.role) : false;
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const [removing, setRemoving] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trainingsKeys.all });
  const back = `/formations?annee=${yearOf(session.startsOn)}`;
  const place = [session.town, session.department ? `(${session.department})` : null]
    .filter(Boolean)
    .join(' ');
  return (
    <Stack>
      <Anchor component={Link} to={back} size="sm">
        ← {t('trainings.title')}
      </Anchor>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Title order={1}>{session.title}</Title>
        {write && (
          <Group gap="xs">
            <Button variant="default" onClick={() => setEditing(true)}>
              {t('trainings.session.edit')}
            </Button>
            <Button variant="default" color="red" onClick={() => setRemoving(true)}>
              {t('trainings.session.delete')}
            </Button>
          </Group>
        )}
      </Group>
      <Section title={t('trainings.session.details')}>
        <DetailList
          items={[
            { label: t('trainings.col.dates'), value: sessionDates(session) },
            { label: t('trainings.field.place'), value: orDash(place) },
            { label: t('trainings.field.provider'), value: orDash(session.providerName) },
            { label: t('trainings.field.funder'), value: orDash(session.funderName) },
            { label: t('trainings.field.trainer'), value: orDash(session.trainer) },
            {
              label: t('trainings.col.trainees'),
              value: `${formatNumber(session.computed.trainees)} · ${basisLabel(session.computed)}`,
            },
            { label: t('trainings.col.hours'), value: hoursLabel(session.computed.hours) },
            {
              label: t('trainings.field.organisationsCount'),
              value:
                session.computed.organisations === null
                  ? t('common.none')
                  : formatNumber(session.computed.organisations),
            },
            { label: t('trainings.field.source'), value: orDash(session.source) },
            { label: t('trainings.field.note'), value: orDash(session.note), wide: true },
          ]}
        />
      </Section>
      <TraineesSection session={session} write={write} onChanged={refresh} />
      <SessionDialog
        session={editing ? session : undefined}
        onClose={() => setEditing(false)}
        onSaved={refresh}
      />
      <ConfirmDialog
        opened={removing}
        title={t('trainings.session.deleteTitle')}
        message={t('trainings.session.deleteMessage', { title: session.title })}
        confirmLabel={t('common.delete')}
        onClose={() => setRemoving(false)}
        onConfirm={async () => {
          await deleteSession(session.id);
          queryClient.removeQueries({ queryKey: trainingsKeys.session(session.id) });
          await queryClient.invalidateQueries({ queryKey: trainingsKeys.all });
          void navigate(back);
        }}
      />
    </Stack>
  );
}
