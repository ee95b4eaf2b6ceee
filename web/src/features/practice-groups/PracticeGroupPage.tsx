import { Anchor, Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useMe } from '../../app/session';
import { t } from '../../i18n';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { QueryState } from '../../ui/QueryState';
import { usePageTitle } from '../../ui/usePageTitle';
import { canManagePracticeGroups } from './access';
import { deleteGroup, type PracticeGroup, practiceKeys, usePracticeGroup } from './api';
import { GroupDialog } from './GroupDialog';
import { MeetingsSection } from './MeetingsSection';
import { PeopleSection } from './PeopleSection';

export function PracticeGroupPage() {
  const id = useParams().id ?? '';
  const group = usePracticeGroup(id);
  usePageTitle(group.data?.name);
  return <QueryState query={group}>{group.data && <GroupView group={group.data} />}</QueryState>;
}

function GroupView({ group }: { group: PracticeGroup }) {
  const { data: me } = useMe();
  const write = me ? canManagePracticeGroups(me.role) : false;
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const [removing, setRemoving] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: practiceKeys.all });
  return (
    <Stack>
      <Anchor component={Link} to="/gep" size="sm">
        ← {t('practice.title')}
      </Anchor>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <div>
          <Title order={1}>{group.name}</Title>
          <Group gap="xs" mt={4}>
            <Badge variant="light" color={group.active ? 'green' : 'gray'}>
              {group.active ? t('practice.group.isActive') : t('practice.group.isInactive')}
            </Badge>
            {group.audience && <Text size="sm">{group.audience}</Text>}
          </Group>
        </div>
        {write && (
          <Group gap="xs">
            <Button variant="default" onClick={() => setEditing(true)}>
              {t('practice.group.edit')}
            </Button>
            <Button variant="default" color="red" onClick={() => setRemoving(true)}>
              {t('practice.group.delete')}
            </Button>
          </Group>
        )}
      </Group>
      {group.description && <Text style={{ whiteSpace: 'pre-line' }}>{group.description}</Text>}
      <PeopleSection group={group} write={write} onChanged={refresh} />
      <MeetingsSection group={group} write={write} onChanged={refresh} />
      <GroupDialog group={editing ? group : undefined} onClose={() => setEditing(false)} onSaved={refresh} />
      <ConfirmDialog
        opened={removing}
        title={t('practice.group.deleteTitle')}
        message={t('practice.group.deleteMessage', { name: group.name })}
        confirmLabel={t('common.delete')}
        onClose={() => setRemoving(false)}
        onConfirm={async () => {
          await deleteGroup(group.id);
          queryClient.removeQueries({ queryKey: practiceKeys.group(group.id) });
          await queryClient.invalidateQueries({ queryKey: practiceKeys.list });
          void navigate('/gep');
        }}
      />
    </Stack>
  );
}
