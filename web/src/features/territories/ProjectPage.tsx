import { Anchor, Badge, Button, Group, Stack, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useMe } from '../../app/session';
import { t } from '../../i18n';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { type Detail, DetailList } from '../../ui/DetailList';
import { formatDate, orDash } from '../../ui/format';
import { QueryState } from '../../ui/QueryState';
import { Section } from '../../ui/Section';
import { usePageTitle } from '../../ui/usePageTitle';
import { canManageTerritories } from './access';
import { deleteProject, type ProjectDetail, territoriesKeys, useProject } from './api';
import { LinksSection, MembersSection } from './PartsSections';
import { ProjectForm } from './ProjectForm';
import { SessionsSection } from './SessionsSection';

/** The fields of the project's own kind: a PTCE's phase, a TZCLD's authorisation, a ZEST' sector. */
function details(p: ProjectDetail): Detail[] {
  const items: Detail[] = [
    { label: t('territories.field.kind'), value: t(`territories.kindLong.${p.kind}`) },
    { label: t('territories.field.status'), value: t(`territories.status.${p.status}`) },
    { label: t('territories.field.territory'), value: orDash(p.territory) },
    { label: t('territories.field.departments'), value: orDash(p.departments.join(', ')) },
  ];
  if (p.kind === 'ptce')
    items.push({ label: t('territories.field.phase'), value: p.phase ?? t('territories.phase.unknown') });
  if (p.kind === 'tzcld') {
    items.push(
      {
        label: t('territories.field.authorisedOn'),
        value: orDash(p.authorisedOn && formatDate(p.authorisedOn)),
      },
      { label: t('territories.field.localCommittee'), value: orDash(p.localCommittee) },
      {
        label: t('territories.field.ebeName'),
        value: p.ebeOrganisation ? (
          <Anchor component={Link} to={`/adherents/${p.ebeOrganisation.id}`}>
            {p.ebeName ?? p.ebeOrganisation.name}
          </Anchor>
        ) : (
          orDash(p.ebeName)
        ),
      },
    );
  }
  if (p.kind === 'zest')
    items.push({ label: t('territories.field.sector'), value: orDash(p.sector), wide: true });
  items.push(
    { label: t('territories.field.description'), value: orDash(p.description), wide: true },
    { label: t('territories.field.source'), value: orDash(p.source), wide: true },
  );
  return items;
}

export function ProjectPage() {
  const { id = '' } = useParams();
  const project = useProject(id);
  usePageTitle(project.data?.name);
  const { data: me } = useMe();
  const canEdit = me ? canManageTerritories(me.role) : false;
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const refresh = () => queryClient.invalidateQueries({ queryKey: territoriesKeys.all });

  return (
    <Stack>
      <Anchor component={Link} to="/territoires">
        {t('territories.page.back')}
      </Anchor>
      <QueryState isPending={project.isPending} error={project.error}>
        {project.data && (
          <>
            <Group justify="space-between" wrap="wrap">
              <Group>
                <Title order={1}>{project.data.name}</Title>
                <Badge variant="light">{t(`territories.kind.${project.data.kind}`)}</Badge>
              </Group>
              {canEdit && (
                <Group>
                  <Button variant="default" onClick={() => setEditing(true)}>
                    {t('territories.edit')}
                  </Button>
                  <Button color="red" variant="light" onClick={() => setDeleting(true)}>
                    {t('territories.delete')}
                  </Button>
                </Group>
              )}
            </Group>
            <Section title={t('territories.page.details')}>
              <DetailList items={details(project.data)} />
            </Section>
            <MembersSection project={project.data} canEdit={canEdit} onChange={refresh} />
            <LinksSection project={project.data} canEdit={canEdit} onChange={refresh} />
            {project.data.kind === 'zest' && (
              <SessionsSection
                projectId={project.data.id}
                sessions={project.data.sessions}
                canEdit={canEdit}
                onChange={refresh}
              />
            )}
            <ProjectForm
              opened={editing}
              project={project.data}
              onClose={() => setEditing(false)}
              onSaved={async () => {
                setEditing(false);
                await refresh();
              }}
            />
            <ConfirmDialog
              opened={deleting}
              title={t('territories.delete')}
              message={t('territories.deleteConfirm')}
              confirmLabel={t('territories.delete')}
              onClose={() => setDeleting(false)}
              onConfirm={async () => {
                await deleteProject(id);
                await refresh();
                navigate('/territoires');
              }}
            />
          </>
        )}
      </QueryState>
    </Stack>
  );
}
