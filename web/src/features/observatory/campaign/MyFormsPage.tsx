import { Anchor, Badge, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { t } from '../../../i18n';
import { type Column, DataTable } from '../../../ui/DataTable';
import { formatDate, formatDateTime } from '../../../ui/format';
import { QueryState } from '../../../ui/QueryState';
import { Section } from '../../../ui/Section';
import { usePageTitle } from '../../../ui/usePageTitle';
import { type Campaign, type FormSummary, listCampaigns, listForms, observatoryKeys } from './api';
import { formStatusColor, formStatusLabel } from './labels';

/** A member user's forms: one per convention type of its organisation, for each campaign it may see. */
export function MyFormsPage() {
  usePageTitle(t('observatory.myForms.title'));
  const campaigns = useQuery({
    queryKey: observatoryKeys.campaigns(),
    queryFn: ({ signal }) => listCampaigns(signal),
  });
  const items = campaigns.data?.items ?? [];
  const open = items.filter((c) => c.status === 'open');
  const closed = items.filter((c) => c.status === 'closed');
  return (
    <Stack>
      <Title order={1}>{t('observatory.myForms.title')}</Title>
      <Text c="dimmed">{t('observatory.myForms.intro')}</Text>
      <QueryState query={campaigns}>
        {open.length === 0 && <Text>{t('observatory.myForms.noneOpen')}</Text>}
        {open.map((c) => (
          <CampaignForms key={c.id} campaign={c} />
        ))}
        {closed.map((c) => (
          <CampaignForms key={c.id} campaign={c} />
        ))}
      </QueryState>
    </Stack>
  );
}

function CampaignForms({ campaign }: { campaign: Campaign }) {
  const forms = useQuery({
    queryKey: observatoryKeys.forms(campaign.id),
    queryFn: ({ signal }) => listForms(campaign.id, undefined, signal),
  });
  const path = (f: FormSummary) =>
    f.submissionId
      ? `/observatoire/formulaire/${f.submissionId}`
      : `/observatoire/campagnes/${campaign.id}/formulaire/${f.conventionType}`;
  const columns: Column<FormSummary>[] = [
    {
      key: 'type',
      header: t('observatory.completeness.type'),
      rowHeader: true,
      render: (f) => (
        <Anchor component={Link} to={path(f)}>
          {t('observatory.myForms.formOf', { type: f.conventionType })}
        </Anchor>
      ),
    },
    {
      key: 'status',
      header: t('observatory.completeness.status'),
      render: (f) => (
        <Badge color={formStatusColor[f.status]} variant="light">
          {formStatusLabel(f.status)}
        </Badge>
      ),
    },
    {
      key: 'values',
      header: t('observatory.completeness.values'),
      render: (f) => t('observatory.completeness.valuesOf', { count: f.valueCount, total: f.indicatorCount }),
    },
    {
      key: 'updatedAt',
      header: t('observatory.completeness.updatedAt'),
      render: (f) => formatDateTime(f.updatedAt),
    },
  ];
  const subtitle =
    campaign.status === 'open'
      ? t('observatory.myForms.deadline', { date: formatDate(campaign.deadline) })
      : t('observatory.myForms.closed');
  return (
    <Section title={campaign.title}>
      <Stack gap="xs">
        <Text size="sm">{subtitle}</Text>
        <QueryState query={forms}>
          <DataTable
            caption={campaign.title}
            captionHidden
            columns={columns}
            rows={forms.data?.forms ?? []}
            rowKey={(f) => f.conventionType}
            emptyMessage={t('observatory.myForms.noForms')}
          />
        </QueryState>
      </Stack>
    </Section>
  );
}
