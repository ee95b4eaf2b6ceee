import { Anchor, Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMe } from '../../../app/session';
import { t } from '../../../i18n';
import { type Column, DataTable } from '../../../ui/DataTable';
import { FormModal } from '../../../ui/FormModal';
import { formatDate } from '../../../ui/format';
import { QueryState } from '../../../ui/QueryState';
import { usePageTitle } from '../../../ui/usePageTitle';
import { canManageCampaigns } from './access';
import { type Campaign, createCampaign, listCampaigns, observatoryKeys } from './api';
import { campaignStatusColor, campaignStatusLabel } from './labels';

/** The delegation's yearly campaigns; the team creates the next one from here. */
export function CampaignsPage() {
  usePageTitle(t('observatory.campaigns.title'));
  const { data: me } = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [creating, setCreating] = useState(false);
  const campaigns = useQuery({
    queryKey: observatoryKeys.campaigns(),
    queryFn: ({ signal }) => listCampaigns(signal),
  });
  const canEdit = me ? canManageCampaigns(me.role) : false;
  const nextYear = new Date().getFullYear() - 1;

  const columns: Column<Campaign>[] = [
    {
      key: 'year',
      header: t('observatory.campaign.year'),
      rowHeader: true,
      render: (c) => (
        <Anchor component={Link} to={`/observatoire/campagnes/${c.id}`}>
          {c.year}
        </Anchor>
      ),
    },
    { key: 'title', header: t('observatory.campaign.title'), render: (c) => c.title },
    {
      key: 'status',
      header: t('observatory.campaign.status'),
      render: (c) => (
        <Group gap={4}>
          <Badge color={campaignStatusColor[c.status]} variant="light">
            {campaignStatusLabel(c.status)}
          </Badge>
          {c.synthetic && <Badge color="grape">{t('observatory.campaign.synthetic')}</Badge>}
        </Group>
      ),
    },
    {
      key: 'opensOn',
      header: t('observatory.campaign.opensOn'),
      nowrap: true,
      render: (c) => formatDate(c.opensOn),
    },
    {
      key: 'deadline',
      header: t('observatory.campaign.deadline'),
      nowrap: true,
      render: (c) => formatDate(c.deadline),
    },
    {
      key: 'indicators',
      header: t('observatory.campaign.indicatorCount'),
      render: (c) => c.indicatorCount ?? 0,
    },
  ];

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Title order={1}>{t('observatory.campaigns.title')}</Title>
        {canEdit && <Button onClick={() => setCreating(true)}>{t('observatory.campaigns.create')}</Button>}
      </Group>
      <Text c="dimmed">{t('observatory.campaigns.intro')}</Text>
      <QueryState query={campaigns}>
        <DataTable
          caption={t('observatory.campaigns.title')}
          captionHidden
          columns={columns}
          rows={campaigns.data?.items ?? []}
          rowKey={(c) => c.id}
          emptyMessage={t('observatory.campaigns.empty')}
        />
      </QueryState>
      <FormModal
        opened={creating}
        title={t('observatory.campaigns.create')}
        onClose={() => setCreating(false)}
        fields={[
          {
            name: 'year',
            label: t('observatory.campaign.year'),
            kind: 'text',
            inputMode: 'numeric',
            required: true,
            description: t('observatory.campaign.yearHint'),
          },
          { name: 'title', label: t('observatory.campaign.title'), kind: 'text', required: true },
          { name: 'opensOn', label: t('observatory.campaign.opensOn'), kind: 'date', required: true },
          { name: 'deadline', label: t('observatory.campaign.deadline'), kind: 'date', required: true },
        ]}
        initialValues={{
          year: String(nextYear),
          title: t('observatory.campaign.defaultTitle', { year: String(nextYear) }),
          opensOn: '',
          deadline: '',
        }}
        onSubmit={async (values) => {
          const created = await createCampaign({
            year: Number(values.year),
            title: String(values.title),
            opensOn: String(values.opensOn),
            deadline: String(values.deadline),
          });
          await queryClient.invalidateQueries({ queryKey: observatoryKeys.all });
          navigate(`/observatoire/campagnes/${created.id}`);
        }}
      />
    </Stack>
  );
}
