import { Anchor, Button, Stack } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { t } from '../../i18n';
import { type Column, DataTable } from '../../ui/DataTable';
import { FormModal } from '../../ui/FormModal';
import { formatDate } from '../../ui/format';
import { toCreateBody } from '../../ui/formValues';
import { RowButton } from '../../ui/RowActions';
import { Section } from '../../ui/Section';
import { useOrganisationOptions } from '../governance/options';
import { addPart, type ProjectDetail, removePart } from './api';
import { LinkDialog } from './LinkDialog';

interface Props {
  project: ProjectDetail;
  canEdit: boolean;
  onChange: () => Promise<unknown>;
}

function RemoveButton(props: { name: string; onRemove: () => Promise<unknown> }) {
  return (
    <RowButton
      size="xs"
      danger
      onClick={props.onRemove}
      label={t('territories.removeLabel', { name: props.name })}
    >
      {t('territories.remove')}
    </RowButton>
  );
}

type Member = ProjectDetail['members'][number];

export function MembersSection({ project, canEdit, onChange }: Props) {
  const [adding, setAdding] = useState(false);
  const organisations = useOrganisationOptions(adding);
  const columns: Column<Member>[] = [
    {
      key: 'name',
      header: t('territories.members.organisation'),
      rowHeader: true,
      render: (m) => (
        <Anchor component={Link} to={`/adherents/${m.organisationId}`}>
          {m.name}
        </Anchor>
      ),
    },
    { key: 'role', header: t('territories.members.role'), render: (m) => m.role ?? '' },
  ];
  if (canEdit)
    columns.push({
      key: 'remove',
      header: t('territories.remove'),
      render: (m) => (
        <RemoveButton
          name={m.name}
          onRemove={async () => {
            await removePart(project.id, 'members', m.id);
            await onChange();
          }}
        />
      ),
    });
  return (
    <Section
      title={t('territories.members.title')}
      actions={canEdit && <Button onClick={() => setAdding(true)}>{t('territories.members.add')}</Button>}
    >
      <DataTable
        caption={t('territories.members.caption')}
        captionHidden
        columns={columns}
        rows={project.members}
        rowKey={(m) => m.id}
        emptyMessage={t('territories.members.empty')}
      />
      <FormModal
        opened={adding}
        title={t('territories.members.add')}
        fields={[
          {
            name: 'organisationId',
            kind: 'select',
            label: t('territories.members.organisation'),
            required: true,
            options: organisations,
          },
          { name: 'role', kind: 'text', label: t('territories.members.role') },
        ]}
        initialValues={{}}
        onClose={() => setAdding(false)}
        onSubmit={async (values) => {
          await addPart(project.id, 'members', toCreateBody(values));
          setAdding(false);
          await onChange();
        }}
      />
    </Section>
  );
}

type LinkedAction = ProjectDetail['actions'][number];
type LinkedFile = ProjectDetail['supportFiles'][number];

export function LinksSection({ project, canEdit, onChange }: Props) {
  const [adding, setAdding] = useState(false);
  const remove = (linkId: string) => async () => {
    await removePart(project.id, 'links', linkId);
    await onChange();
  };
  const actionColumns: Column<LinkedAction>[] = [
    { key: 'date', header: t('territories.links.date'), nowrap: true, render: (a) => formatDate(a.startsOn) },
    {
      key: 'title',
      header: t('territories.links.titleColumn'),
      rowHeader: true,
      render: (a) => (
        <Anchor component={Link} to={`/actions/${a.id}`}>
          {a.title}
        </Anchor>
      ),
    },
  ];
  const fileColumns: Column<LinkedFile>[] = [
    {
      key: 'title',
      header: t('territories.links.titleColumn'),
      rowHeader: true,
      render: (f) => (
        <Anchor component={Link} to={`/accompagnements/${f.id}`}>
          {f.title}
        </Anchor>
      ),
    },
  ];
  if (canEdit) {
    actionColumns.push({
      key: 'remove',
      header: t('territories.remove'),
      render: (a) => <RemoveButton name={a.title} onRemove={remove(a.linkId)} />,
    });
    fileColumns.push({
      key: 'remove',
      header: t('territories.remove'),
      render: (f) => <RemoveButton name={f.title} onRemove={remove(f.linkId)} />,
    });
  }
  return (
    <Section
      title={t('territories.links.actions')}
      actions={canEdit && <Button onClick={() => setAdding(true)}>{t('territories.links.add')}</Button>}
    >
      <Stack>
        <DataTable
          caption={t('territories.links.actionsCaption')}
          captionHidden
          columns={actionColumns}
          rows={project.actions}
          rowKey={(a) => a.linkId}
          emptyMessage={t('territories.links.empty')}
        />
        <DataTable
          caption={t('territories.links.filesCaption')}
          columns={fileColumns}
          rows={project.supportFiles}
          rowKey={(f) => f.linkId}
          emptyMessage={t('territories.links.empty')}
        />
      </Stack>
      <LinkDialog
        projectId={project.id}
        opened={adding}
        onClose={() => setAdding(false)}
        onSaved={onChange}
      />
    </Section>
  );
}
