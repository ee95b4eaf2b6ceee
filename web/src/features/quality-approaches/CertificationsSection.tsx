import { Badge, Button, Group, List, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { t } from '../../i18n';
import { ClientDataTable } from '../../ui/ClientDataTable';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import type { Column } from '../../ui/DataTable';
import { formatDate } from '../../ui/format';
import { QueryState } from '../../ui/QueryState';
import { RowButton } from '../../ui/RowActions';
import { Section } from '../../ui/Section';
import { useClientTable } from '../../ui/useClientTable';
import {
  type Audit,
  type Certification,
  deleteCertification,
  exportUrls,
  qualityKeys,
  useCertifications,
} from './api';
import { AuditDialog, CertificationDialog } from './dialogs';

const ALERT_DAYS = 90;

const auditText = (a: Audit) =>
  `${t(`qualityApproaches.audit.kind.${a.kind}`)} · ${
    a.datePrecision === 'day' ? formatDate(a.heldOn) : a.heldOn.slice(0, a.datePrecision === 'month' ? 7 : 4)
  } · ${t(`qualityApproaches.audit.result.${a.result}`)}`;

export function expiryText(c: Certification) {
  if (c.daysToExpiry === null) return t('qualityApproaches.none');
  return c.daysToExpiry < 0
    ? t('qualityApproaches.alerts.expired', { days: -c.daysToExpiry })
    : t('qualityApproaches.alerts.in', { days: c.daysToExpiry });
}

const accessors = {
  holder: (c: Certification) => c.organisationName ?? '',
  label: (c: Certification) => c.label,
  expiresOn: (c: Certification) => c.expiresOn ?? '',
};

/** Expiry alerts, the delegation's own certification, and the members' ones with their audits. */
export function CertificationsSection({ write }: { write: boolean }) {
  const queryClient = useQueryClient();
  const all = useCertifications();
  const alerts = useCertifications(ALERT_DAYS);
  const [editing, setEditing] = useState<Certification | null | undefined>(undefined);
  const [auditing, setAuditing] = useState<Certification | null>(null);
  const [deleting, setDeleting] = useState<Certification | null>(null);
  const own = (all.data ?? []).filter((c) => c.organisationId === null);
  const members = (all.data ?? []).filter((c) => c.organisationId !== null);
  const table = useClientTable(members, accessors, { key: 'expiresOn', direction: 'asc' });

  const actionsOf = (c: Certification) =>
    write && (
      <Group gap={4} wrap="nowrap">
        <RowButton
          onClick={() => setEditing(c)}
          label={t('qualityApproaches.cert.editOf', { name: c.label })}
        >
          {t('common.edit')}
        </RowButton>
        <RowButton
          onClick={() => setAuditing(c)}
          label={t('qualityApproaches.audit.addTo', { name: c.label })}
        >
          {t('qualityApproaches.audit.add')}
        </RowButton>
        <RowButton
          danger
          onClick={() => setDeleting(c)}
          label={t('qualityApproaches.cert.deleteOf', { name: c.label })}
        >
          {t('common.delete')}
        </RowButton>
      </Group>
    );
  const audits = (c: Certification) =>
    c.audits.length === 0 ? (
      t('qualityApproaches.audit.none')
    ) : (
      <List size="sm">
        {c.audits.map((a) => (
          <List.Item key={a.id}>{auditText(a)}</List.Item>
        ))}
      </List>
    );
  const columns: Column<Certification>[] = [
    {
      key: 'holder',
      header: t('qualityApproaches.cert.holder'),
      rowHeader: true,
      sortable: true,
      render: (c) => c.organisationName,
    },
    { key: 'label', header: t('qualityApproaches.field.label'), sortable: true, render: (c) => c.label },
    {
      key: 'status',
      header: t('qualityApproaches.field.status'),
      render: (c) => t(`qualityApproaches.status.${c.status}`),
    },
    {
      key: 'expiresOn',
      header: t('qualityApproaches.field.expiresOn'),
      sortable: true,
      nowrap: true,
      render: (c) => formatDate(c.expiresOn),
    },
    { key: 'audits', header: t('qualityApproaches.audits'), render: audits },
  ];
  if (write) columns.push({ key: 'edit', header: t('common.actions'), render: actionsOf });

  return (
    <QueryState query={all}>
      <Stack>
        <Section title={t('qualityApproaches.alerts.title')}>
          {(alerts.data ?? []).length === 0 ? (
            <Text c="dimmed">{t('qualityApproaches.alerts.empty')}</Text>
          ) : (
            <List>
              {(alerts.data ?? []).map((c) => (
                <List.Item key={c.id}>
                  <Badge color={(c.daysToExpiry ?? 0) < 0 ? 'red' : 'orange'} mr="xs">
                    {expiryText(c)}
                  </Badge>
                  {c.organisationName ?? t('qualityApproaches.cert.delegation')} — {c.label} (
                  {formatDate(c.expiresOn)})
                </List.Item>
              ))}
            </List>
          )}
        </Section>
        <Section title={t('qualityApproaches.own.title')}>
          {own.length === 0 ? (
            <Text c="dimmed">{t('qualityApproaches.own.empty')}</Text>
          ) : (
            own.map((c) => (
              <Stack key={c.id} gap={4} mb="sm">
                <Group justify="space-between">
                  <Text fw={600}>
                    {c.label} · {t(`qualityApproaches.status.${c.status}`)}
                  </Text>
                  {actionsOf(c)}
                </Group>
                {c.note && <Text size="sm">{c.note}</Text>}
                {audits(c)}
                {c.source && (
                  <Text size="xs" c="dimmed">
                    {c.source}
                  </Text>
                )}
              </Stack>
            ))
          )}
        </Section>
        <Section
          title={t('qualityApproaches.members.title')}
          actions={
            <>
              <Button component="a" href={exportUrls.certifications} download variant="default">
                {t('qualityApproaches.export')}
              </Button>
              {write && (
                <Button onClick={() => setEditing(null)}>{t('qualityApproaches.cert.create')}</Button>
              )}
            </>
          }
        >
          <ClientDataTable
            caption={t('qualityApproaches.members.title')}
            columns={columns}
            table={table}
            rowKey={(c) => c.id}
            emptyMessage={t('qualityApproaches.members.empty')}
          />
        </Section>
        <CertificationDialog editing={editing} onClose={() => setEditing(undefined)} />
        <AuditDialog certification={auditing} onClose={() => setAuditing(null)} />
        <ConfirmDialog
          opened={deleting !== null}
          title={t('qualityApproaches.cert.deleteTitle')}
          message={t('qualityApproaches.cert.deleteMessage', { name: deleting?.label ?? '' })}
          confirmLabel={t('common.delete')}
          onClose={() => setDeleting(null)}
          onConfirm={async () => {
            if (!deleting) return;
            await deleteCertification(deleting.id);
            await queryClient.invalidateQueries({ queryKey: qualityKeys.all });
          }}
        />
      </Stack>
    </QueryState>
  );
}
