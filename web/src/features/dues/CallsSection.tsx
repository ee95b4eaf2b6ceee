import { Alert, Anchor, Badge, Button, Group, List, Stack, Switch, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { t, tn } from '../../i18n';
import { ClientDataTable } from '../../ui/ClientDataTable';
import type { Column } from '../../ui/DataTable';
import { Figures } from '../../ui/Figures';
import { QueryState } from '../../ui/QueryState';
import { RowButton } from '../../ui/RowActions';
import { Section } from '../../ui/Section';
import { useClientTable } from '../../ui/useClientTable';
import { type CallAllResult, callAll, type DuesItem, type DuesYear, duesKeys, useDuesYear } from './api';
import { CallDialog } from './CallDialog';
import { formatEuros, rowStatus, statusColor, statusLabel } from './labels';
import { PaymentDialog } from './PaymentDialog';

const accessors = {
  name: (i: DuesItem) => i.organisationName,
  types: (i: DuesItem) => i.types.join(', '),
  called: (i: DuesItem) => i.call?.amountCalled ?? null,
  paid: (i: DuesItem) => i.call?.amountPaid ?? null,
  status: (i: DuesItem) => statusLabel(rowStatus(i)),
};

function Totals({ totals }: { totals: DuesYear['totals'] }) {
  const figures = [
    { label: t('dues.totals.called'), value: formatEuros(totals.called) },
    { label: t('dues.totals.paid'), value: formatEuros(totals.paid) },
    { label: t('dues.totals.outstanding'), value: formatEuros(totals.outstanding) },
  ];
  return <Figures figures={figures} />;
}

function CallAllReport({ result }: { result: CallAllResult }) {
  return (
    <Alert color={result.skipped.length > 0 ? 'orange' : 'green'} role="status">
      <Text>{tn('dues.callAll.done', result.called)}</Text>
      {result.skipped.length > 0 && (
        <>
          <Text mt="xs">{tn('dues.callAll.skipped', result.skipped.length)}</Text>
          <List size="sm" mt={4}>
            {result.skipped.map((s) => (
              <List.Item key={s.organisationId}>
                {/* Dark, underlined links: the primary blue is too pale on the alert's tint. */}
                <Anchor component={Link} to={`/adherents/${s.organisationId}`} c="inherit" underline="always">
                  {s.organisationName}
                </Anchor>
              </List.Item>
            ))}
          </List>
        </>
      )}
    </Alert>
  );
}

/** The year's members with their dues called and paid; the team calls dues and records payments. */
export function CallsSection({ year, canEdit }: { year: number; canEdit: boolean }) {
  const queryClient = useQueryClient();
  const dues = useDuesYear(year);
  const [unpaidOnly, setUnpaidOnly] = useState(false);
  const [calling, setCalling] = useState<DuesItem | null>(null);
  const [paying, setPaying] = useState<DuesItem | null>(null);
  const [callAllResult, setCallAllResult] = useState<CallAllResult | null>(null);
  const [callAllError, setCallAllError] = useState<string | null>(null);
  const [callAllPending, setCallAllPending] = useState(false);

  const rows = useMemo(() => {
    const items = dues.data?.items ?? [];
    return unpaidOnly ? items.filter((i) => rowStatus(i) !== 'paid') : items;
  }, [dues.data, unpaidOnly]);
  const table = useClientTable(rows, accessors, { key: 'name', direction: 'asc' }, 50);
  const refresh = () => queryClient.invalidateQueries({ queryKey: duesKeys.year(year) });

  const runCallAll = async () => {
    setCallAllPending(true);
    setCallAllError(null);
    setCallAllResult(null);
    try {
      setCallAllResult(await callAll(year));
      await refresh();
    } catch (error) {
      setCallAllError(error instanceof Error ? error.message : t('app.crash.text'));
    } finally {
      setCallAllPending(false);
    }
  };

  const columns: Column<DuesItem>[] = [
    {
      key: 'name',
      header: t('dues.col.member'),
      sortable: true,
      rowHeader: true,
      render: (i) => (
        <Anchor component={Link} to={`/adherents/${i.organisationId}`}>
          {i.organisationName}
        </Anchor>
      ),
    },
    {
      key: 'types',
      header: t('dues.col.types'),
      sortable: true,
      render: (i) => i.types.join(', ') || t('common.none'),
    },
    {
      key: 'called',
      header: t('dues.col.called'),
      sortable: true,
      nowrap: true,
      render: (i) => (i.call ? formatEuros(i.call.amountCalled) : t('common.none')),
    },
    {
      key: 'paid',
      header: t('dues.col.paid'),
      sortable: true,
      nowrap: true,
      render: (i) => (i.call ? formatEuros(i.call.amountPaid) : t('common.none')),
    },
    {
      key: 'status',
      header: t('dues.col.status'),
      sortable: true,
      nowrap: true,
      render: (i) => (
        <Badge variant="light" color={statusColor[rowStatus(i)]}>
          {statusLabel(rowStatus(i))}
        </Badge>
      ),
    },
  ];
  if (canEdit) {
    columns.push({
      key: 'actions',
      header: t('common.actions'),
      nowrap: true,
      render: (i) =>
        i.call ? (
          <RowButton
            size="xs"
            light
            onClick={() => setPaying(i)}
            label={t('dues.payment.openLabel', { name: i.organisationName })}
          >
            {t('dues.payment.open')}
          </RowButton>
        ) : (
          <RowButton
            size="xs"
            light
            onClick={() => setCalling(i)}
            label={t('dues.call.openLabel', { name: i.organisationName })}
          >
            {t('dues.call.open')}
          </RowButton>
        ),
    });
  }

  const actions = (
    <>
      <Button component="a" href={`/api/dues/unpaid.csv?year=${year}`} download variant="default">
        {t('dues.exportUnpaid')}
      </Button>
      {canEdit && (
        <Button
          onClick={() => void runCallAll()}
          loading={callAllPending}
          disabled={dues.data?.hasGrid === false}
        >
          {t('dues.callAll.button')}
        </Button>
      )}
    </>
  );

  return (
    <Section title={t('dues.calls.title')} actions={actions}>
      <QueryState query={dues}>
        {dues.data && (
          <Stack>
            <Totals totals={dues.data.totals} />
            {canEdit && !dues.data.hasGrid && <Text c="dimmed">{t('dues.calls.needGrid')}</Text>}
            {callAllError && (
              <Alert color="red" role="alert">
                {callAllError}
              </Alert>
            )}
            {callAllResult && <CallAllReport result={callAllResult} />}
            <Group>
              <Switch
                label={t('dues.filter.unpaidOnly')}
                checked={unpaidOnly}
                onChange={(event) => setUnpaidOnly(event.currentTarget.checked)}
              />
            </Group>
            <ClientDataTable
              caption={t('dues.calls.caption', { year: String(year) })}
              columns={columns}
              table={table}
              rowKey={(i) => i.organisationId}
              emptyMessage={unpaidOnly ? t('dues.calls.emptyUnpaid') : t('dues.calls.empty')}
              pagingOnlyWhenNeeded
            />
          </Stack>
        )}
      </QueryState>
      <CallDialog year={year} item={calling} onClose={() => setCalling(null)} onCalled={refresh} />
      <PaymentDialog item={paying} onClose={() => setPaying(null)} onSaved={refresh} />
    </Section>
  );
}
