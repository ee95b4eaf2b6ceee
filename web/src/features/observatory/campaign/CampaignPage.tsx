import { Alert, Anchor, Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useMe } from '../../../app/session';
import { t } from '../../../i18n';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { FormErrorSummary } from '../../../ui/FormErrors';
import { FormModal } from '../../../ui/FormModal';
import { formatDate } from '../../../ui/format';
import { QueryState } from '../../../ui/QueryState';
import { usePageTitle } from '../../../ui/usePageTitle';
import { canManageCampaigns } from './access';
import { type CampaignStatus, deleteCampaign, getCampaign, observatoryKeys, updateCampaign } from './api';
import { CatalogueSection } from './CatalogueSection';
import { CompletenessSection } from './CompletenessSection';
import { campaignStatusColor, campaignStatusLabel } from './labels';

const NEXT: Record<CampaignStatus, { status: CampaignStatus; label: 'open' | 'close' | 'reopen' } | null> = {
  draft: { status: 'open', label: 'open' },
  open: { status: 'closed', label: 'close' },
  closed: { status: 'open', label: 'reopen' },
};

/** One campaign: its dates and status, its catalogue (editable while draft), who has answered. */
export function CampaignPage() {
  const { campaignId = '' } = useParams();
  const { data: me } = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState<'status' | 'delete' | null>(null);
  const [statusError, setStatusError] = useState<unknown>(null);
  const campaign = useQuery({
    queryKey: observatoryKeys.campaign(campaignId),
    queryFn: ({ signal }) => getCampaign(campaignId, signal),
  });
  usePageTitle(campaign.data?.title ?? t('observatory.campaigns.title'));
  const canEdit = me ? canManageCampaigns(me.role) : false;
  const refresh = () => queryClient.invalidateQueries({ queryKey: observatoryKeys.all });
  const c = campaign.data;
  const next = c ? NEXT[c.status] : null;

  return (
    <QueryState query={campaign}>
      {c && (
        <Stack>
          <Anchor component={Link} to="/observatoire/campagnes" size="sm">
            {t('observatory.campaigns.back')}
          </Anchor>
          <Group justify="space-between" align="flex-end" wrap="wrap">
            <Stack gap={4}>
              <Title order={1}>{c.title}</Title>
              <Group gap="xs">
                <Badge color={campaignStatusColor[c.status]} variant="light">
                  {campaignStatusLabel(c.status)}
                </Badge>
                {c.synthetic && <Badge color="grape">{t('observatory.campaign.synthetic')}</Badge>}
                <Text size="sm">
                  {t('observatory.campaign.period', {
                    year: String(c.year),
                    opensOn: formatDate(c.opensOn),
                    deadline: formatDate(c.deadline),
                  })}
                </Text>
              </Group>
              {c.lastReminderOn && (
                <Text size="sm" c="dimmed">
                  {t('observatory.campaign.lastReminder', { date: formatDate(c.lastReminderOn) })}
                </Text>
              )}
            </Stack>
            {canEdit && (
              <Group gap="xs">
                <Button variant="default" onClick={() => setEditing(true)}>
                  {t('common.edit')}
                </Button>
                {next && (
                  <Button onClick={() => setConfirming('status')}>
                    {t(`observatory.campaign.${next.label}`)}
                  </Button>
                )}
                {c.status === 'draft' && (
                  <Button color="red" variant="light" onClick={() => setConfirming('delete')}>
                    {t('common.delete')}
                  </Button>
                )}
              </Group>
            )}
          </Group>
          <FormErrorSummary error={statusError} />
          {c.status === 'draft' && <Alert color="blue">{t('observatory.campaign.draftHint')}</Alert>}
          <CatalogueSection
            campaignId={c.id}
            indicators={c.indicators}
            canEdit={canEdit && c.status === 'draft'}
          />
          {c.status !== 'draft' && <CompletenessSection campaignId={c.id} />}
          <FormModal
            opened={editing}
            title={t('observatory.campaign.edit')}
            onClose={() => setEditing(false)}
            fields={[
              { name: 'title', label: t('observatory.campaign.title'), kind: 'text', required: true },
              { name: 'opensOn', label: t('observatory.campaign.opensOn'), kind: 'date', required: true },
              { name: 'deadline', label: t('observatory.campaign.deadline'), kind: 'date', required: true },
            ]}
            initialValues={{ title: c.title, opensOn: c.opensOn, deadline: c.deadline }}
            onSubmit={async (values) => {
              await updateCampaign(c.id, {
                title: String(values.title),
                opensOn: String(values.opensOn),
                deadline: String(values.deadline),
              });
              await refresh();
            }}
          />
          <ConfirmDialog
            opened={confirming !== null}
            title={
              confirming === 'delete'
                ? t('observatory.campaign.deleteTitle')
                : t(`observatory.campaign.${next?.label ?? 'open'}`)
            }
            message={
              confirming === 'delete'
                ? t('observatory.campaign.deleteText', { year: String(c.year) })
                : t(`observatory.campaign.${next?.label ?? 'open'}Text`)
            }
            confirmLabel={confirming === 'delete' ? t('common.delete') : t('observatory.campaign.confirm')}
            onClose={() => setConfirming(null)}
            onConfirm={async () => {
              setStatusError(null);
              if (confirming === 'delete') {
                await deleteCampaign(c.id);
                await refresh();
                navigate('/observatoire/campagnes');
                return;
              }
              if (next) {
                try {
                  await updateCampaign(c.id, { status: next.status });
                } catch (error) {
                  // The catalogue's problems are listed on the page, next to the catalogue.
                  setStatusError(error);
                }
              }
              await refresh();
            }}
          />
        </Stack>
      )}
    </QueryState>
  );
}
