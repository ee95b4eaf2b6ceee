import { Anchor, Badge, Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { can, useMe } from '../../app/session';
import { t } from '../../i18n';
import { type Column, DataTable } from '../../ui/DataTable';
import { formatDate, orDash } from '../../ui/format';
import { QueryState } from '../../ui/QueryState';
import { RowButton } from '../../ui/RowActions';
import { Section } from '../../ui/Section';
import {
  type BoardMandate,
  boardRoleOrder,
  governanceAccess,
  governanceKeys,
  useAssemblies,
  useBoard,
} from './api';
import { ElectDialog, EndMandateDialog } from './MandateDialogs';
import { fullName, todayInFrance } from './options';

/** The election date most mandates share (the general assembly that elected the board). */
function electionDate(items: BoardMandate[]): string | undefined {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item.electedOn, (counts.get(item.electedOn) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

function columns(
  linkOrganisations: boolean,
  withRole: boolean,
  onEnd: ((m: BoardMandate) => void) | null,
): Column<BoardMandate>[] {
  const list: Column<BoardMandate>[] = [
    { key: 'name', header: t('governance.col.name'), rowHeader: true, render: fullName },
  ];
  if (withRole) {
    list.push({
      key: 'role',
      header: t('governance.col.role'),
      render: (m) => (m.role ? t(`governance.role.${m.role}`) : t('common.none')),
    });
  }
  list.push(
    {
      key: 'organisation',
      header: t('governance.col.organisation'),
      render: (m) =>
        linkOrganisations && m.organisationId ? (
          <Anchor inherit component={Link} to={`/adherents/${m.organisationId}`}>
            {m.organisationName}
          </Anchor>
        ) : (
          m.organisationName
        ),
    },
    { key: 'department', header: t('governance.col.department'), render: (m) => orDash(m.department) },
    {
      key: 'national',
      header: t('governance.col.national'),
      nowrap: true,
      render: (m) =>
        m.nationalRepresentative ? (
          <Badge variant="light" color="grape" tt="none" miw="max-content">
            {t('governance.national')}
          </Badge>
        ) : (
          t('common.none')
        ),
    },
    {
      key: 'electedOn',
      header: t('governance.col.electedOn'),
      nowrap: true,
      render: (m) => formatDate(m.electedOn),
    },
    { key: 'endsOn', header: t('governance.col.endsOn'), nowrap: true, render: (m) => formatDate(m.endsOn) },
  );
  if (onEnd) {
    list.push({
      key: 'actions',
      header: t('common.actions'),
      render: (m) => (
        <RowButton
          danger
          onClick={() => onEnd(m)}
          label={t('governance.mandate.endOf', { name: fullName(m) })}
        >
          {t('governance.mandate.end')}
        </RowButton>
      ),
    });
  }
  return list;
}

export function BoardSection() {
  const [at, setAt] = useState(todayInFrance);
  const board = useBoard(at);
  const { data: me } = useMe();
  const queryClient = useQueryClient();
  const write = me ? governanceAccess.write(me.role) : false;
  const assemblies = useAssemblies(write);
  const [electing, setElecting] = useState(false);
  const [ending, setEnding] = useState<BoardMandate | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: governanceKeys.all });

  const items = board.data?.items ?? [];
  const bureau = items
    .filter((m) => m.role !== null)
    .sort(
      (a, b) =>
        boardRoleOrder.indexOf(a.role ?? 'bureau_member') - boardRoleOrder.indexOf(b.role ?? 'bureau_member'),
    );
  const directors = items.filter((m) => m.role === null);
  const elected = electionDate(items);
  const link = me ? can.browseMembers(me.role) : false;
  const onEnd = write ? (m: BoardMandate) => setEnding(m) : null;

  return (
    <Section
      title={
        elected ? t('governance.board.electedOn', { date: formatDate(elected) }) : t('governance.board.title')
      }
      actions={
        write && (
          <Button size="sm" onClick={() => setElecting(true)}>
            {t('governance.mandate.elect')}
          </Button>
        )
      }
    >
      <TextInput
        type="date"
        label={t('governance.board.at')}
        value={at}
        onChange={(event) => event.currentTarget.value && setAt(event.currentTarget.value)}
        w={220}
        mb="md"
      />
      <QueryState query={board}>
        {items.length === 0 ? (
          <Text c="dimmed">{t('governance.board.emptyAt', { date: formatDate(at) })}</Text>
        ) : (
          <Stack gap="lg">
            <BoardTable
              title={t('governance.board.bureau')}
              columns={columns(link, true, onEnd)}
              rows={bureau}
            />
            <BoardTable
              title={t('governance.board.directors')}
              columns={columns(link, false, onEnd)}
              rows={directors}
            />
          </Stack>
        )}
      </QueryState>
      {write && (
        <>
          <ElectDialog
            opened={electing}
            assemblies={assemblies.data?.items ?? []}
            onClose={() => setElecting(false)}
            onSaved={refresh}
          />
          <EndMandateDialog mandate={ending} onClose={() => setEnding(null)} onSaved={refresh} />
        </>
      )}
    </Section>
  );
}

interface BoardTableProps {
  title: string;
  columns: Column<BoardMandate>[];
  rows: BoardMandate[];
}

/** One part of the board under its own heading; the table's caption repeats it for screen readers. */
function BoardTable({ title, columns, rows }: BoardTableProps) {
  return (
    <div>
      <Title order={3} size="h4" mb="xs">
        {title}
      </Title>
      <DataTable caption={title} captionHidden columns={columns} rows={rows} rowKey={(m) => m.id} />
    </div>
  );
}
