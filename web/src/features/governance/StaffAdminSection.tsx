import { Badge, Button, Group, NativeSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../app/api';
import type { Schema } from '../../app/contract';
import { t } from '../../i18n';
import { type Column, DataTable } from '../../ui/DataTable';
import { FormErrorSummary } from '../../ui/FormErrors';
import { formatDate } from '../../ui/format';
import { QueryState } from '../../ui/QueryState';
import { Section } from '../../ui/Section';
import { useFormSubmit } from '../../ui/useFormSubmit';
import { useUsers } from '../admin/api';
import { governanceKeys, type StaffRecord } from './api';

type StaffRow = StaffRecord;

const allKey = ['governance', 'staff', 'all'] as const;
const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' });

/** The team as administrators manage it: add, link to an account, end (history kept). */
export function StaffAdminSection() {
  const queryClient = useQueryClient();
  const staff = useQuery({
    queryKey: allKey,
    queryFn: ({ signal }) => api<Schema<'StaffRecordList'>>('/api/governance/staff/all', { signal }),
  });
  const users = useUsers();
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: allKey }),
      queryClient.invalidateQueries({ queryKey: governanceKeys.staff }),
    ]);
  const patch = useMutation({
    mutationFn: ({ id, body }: { id: string; body: object }) =>
      api(`/api/governance/staff/${id}`, { method: 'PATCH', body }),
    onSettled: refresh,
  });
  const columns: Column<StaffRow>[] = [
    {
      key: 'name',
      header: t('governance.col.name'),
      rowHeader: true,
      render: (s) => `${s.firstName} ${s.lastName}`,
    },
    { key: 'job', header: t('staffAdmin.jobTitle'), render: (s) => s.jobTitle },
    { key: 'missions', header: t('governance.staff.mission'), render: (s) => s.missions ?? t('common.none') },
    {
      key: 'account',
      header: t('staffAdmin.account'),
      render: (s) => (
        <NativeSelect
          size="xs"
          aria-label={t('staffAdmin.accountOf', { name: `${s.firstName} ${s.lastName}` })}
          value={s.userId ?? ''}
          data={[
            { value: '', label: t('staffAdmin.noAccount') },
            ...(users.data?.items ?? []).map((u) => ({ value: u.id, label: u.name })),
          ]}
          onChange={(e) => patch.mutate({ id: s.id, body: { userId: e.currentTarget.value || null } })}
        />
      ),
    },
    {
      key: 'status',
      header: t('staffAdmin.status'),
      render: (s) =>
        s.endedOn ? (
          <Group gap="xs" wrap="nowrap">
            <Badge color="gray" variant="light">
              {t('staffAdmin.endedOn', { date: formatDate(s.endedOn) })}
            </Badge>
            <Button
              size="xs"
              variant="subtle"
              onClick={() => patch.mutate({ id: s.id, body: { endedOn: null } })}
            >
              {t('staffAdmin.resume', { name: `${s.firstName} ${s.lastName}` })}
            </Button>
          </Group>
        ) : (
          <Button
            size="xs"
            variant="subtle"
            color="red"
            onClick={() => patch.mutate({ id: s.id, body: { endedOn: today() } })}
          >
            {t('staffAdmin.end', { name: `${s.firstName} ${s.lastName}` })}
          </Button>
        ),
    },
  ];
  return (
    <Section title={t('governance.staff.title')}>
      <Stack>
        <FormErrorSummary error={patch.error} />
        <QueryState isPending={staff.isPending} error={staff.error}>
          <DataTable
            caption={t('governance.staff.title')}
            captionHidden
            columns={columns}
            rows={staff.data?.items ?? []}
            rowKey={(s) => s.id}
          />
        </QueryState>
        <AddStaffForm onAdded={refresh} />
      </Stack>
    </Section>
  );
}

function AddStaffForm({ onAdded }: { onAdded: () => Promise<unknown> }) {
  const empty = { firstName: '', lastName: '', jobTitle: '', missions: '' };
  const [values, setValues] = useState(empty);
  const { formRef, submit, pending, error, errors } = useFormSubmit(
    () => {
      const missing: Record<string, string> = {};
      for (const key of ['firstName', 'lastName', 'jobTitle'] as const)
        if (!values[key].trim()) missing[key] = t('common.required');
      return missing;
    },
    async () => {
      await api('/api/governance/staff', {
        method: 'POST',
        body: { ...values, missions: values.missions || null },
      });
      setValues(empty);
      await onAdded();
    },
  );
  const input = (key: 'firstName' | 'lastName' | 'jobTitle', label: string) => (
    <TextInput
      label={label}
      required
      value={values[key]}
      error={errors[key]}
      onChange={(e) => {
        const value = e.currentTarget.value;
        setValues((v) => ({ ...v, [key]: value }));
      }}
    />
  );
  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label={t('staffAdmin.add')}>
      <Stack>
        <FormErrorSummary error={error} />
        <Group align="start" grow>
          {input('firstName', t('staffAdmin.firstName'))}
          {input('lastName', t('staffAdmin.lastName'))}
          {input('jobTitle', t('staffAdmin.jobTitle'))}
        </Group>
        <Textarea
          label={t('governance.staff.mission')}
          autosize
          value={values.missions}
          onChange={(e) => {
            const value = e.currentTarget.value;
            setValues((v) => ({ ...v, missions: value }));
          }}
        />
        <Group>
          <Button type="submit" loading={pending}>
            {t('staffAdmin.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
