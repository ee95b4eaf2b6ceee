import { Alert, Anchor, Badge, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useMe } from '../../../app/session';
import { t } from '../../../i18n';
import { formatDate, formatDateTime } from '../../../ui/format';
import { QueryState } from '../../../ui/QueryState';
import { usePageTitle } from '../../../ui/usePageTitle';
import { AttachmentsSection } from './AttachmentsSection';
import { canManageCampaigns, canReadCampaigns } from './access';
import { type FormDetail, getBlankForm, getForm, observatoryKeys } from './api';
import { FormView } from './FormView';
import { HistorySection } from './HistorySection';
import { formStatusColor, formStatusLabel } from './labels';
import { ReviewActions } from './ReviewActions';
import { TemplateSection } from './TemplateSection';

/**
 * A member's form for one convention type: `/observatoire/formulaire/:submissionId` once
 * saved, `/observatoire/campagnes/:campaignId/formulaire/:conventionType` before (staff add
 * `?adherent=`). The first save creates it; the page stays where it is.
 */
export function FormPage() {
  const { submissionId, campaignId = '', conventionType = '' } = useParams();
  const [search] = useSearchParams();
  const organisationId = search.get('adherent') ?? undefined;
  const { data: me } = useMe();
  const queryClient = useQueryClient();
  // Bumped when the figures change elsewhere (prefill, review): the inputs start again from the server's.
  const [version, setVersion] = useState(0);
  const key = submissionId ?? `${campaignId}/${conventionType}/${organisationId ?? 'own'}`;
  const form = useQuery({
    queryKey: observatoryKeys.form(key),
    queryFn: ({ signal }) =>
      submissionId
        ? getForm(submissionId, signal)
        : getBlankForm(campaignId, conventionType, organisationId, signal),
  });
  const detail = form.data;
  usePageTitle(
    detail
      ? t('observatory.form.pageTitle', { type: detail.conventionType, name: detail.organisation.name })
      : undefined,
  );
  const team = me ? canManageCampaigns(me.role) : false;

  /** The server's latest answer for this form becomes what the page shows. */
  const accept = async (next: FormDetail, options: { reset?: boolean } = {}) => {
    if (next.id) queryClient.setQueryData(observatoryKeys.form(next.id), next);
    // Lists, history and board follow; the form itself is already the server's answer.
    await queryClient.invalidateQueries({
      queryKey: observatoryKeys.all,
      predicate: (q) => q.queryKey[1] !== 'form',
    });
    // A form created by its first save stays at this address (it answers with the saved form from now on).
    queryClient.setQueryData(observatoryKeys.form(key), next);
    if (options.reset) setVersion((v) => v + 1);
  };

  return (
    <QueryState query={form}>
      {detail && me && (
        <Stack>
          {canReadCampaigns(me.role) ? (
            <Anchor component={Link} to={`/observatoire/campagnes/${detail.campaign.id}`} size="sm">
              {t('observatory.form.backToCampaign', { title: detail.campaign.title })}
            </Anchor>
          ) : (
            <Anchor component={Link} to="/observatoire/formulaires" size="sm">
              {t('observatory.form.backToForms')}
            </Anchor>
          )}
          <Stack gap={4}>
            <Title order={1}>
              {t('observatory.form.pageTitle', {
                type: detail.conventionType,
                name: detail.organisation.name,
              })}
            </Title>
            <Group gap="xs">
              <Badge color={formStatusColor[detail.status]} variant="light">
                {formStatusLabel(detail.status)}
              </Badge>
              {detail.campaign.synthetic && (
                <Badge color="grape">{t('observatory.campaign.synthetic')}</Badge>
              )}
              <Text size="sm">
                {t('observatory.form.campaignLine', {
                  title: detail.campaign.title,
                  deadline: formatDate(detail.campaign.deadline),
                })}
              </Text>
            </Group>
            {detail.submittedAt && (
              <Text size="sm" c="dimmed">
                {t('observatory.form.submittedBy', {
                  date: formatDateTime(detail.submittedAt),
                  name: detail.submittedByName ?? t('common.none'),
                })}
              </Text>
            )}
            {detail.validatedAt && (
              <Text size="sm" c="dimmed">
                {t('observatory.form.validatedBy', {
                  date: formatDateTime(detail.validatedAt),
                  name: detail.validatedByName ?? t('common.none'),
                })}
              </Text>
            )}
          </Stack>
          {detail.status === 'correction_requested' && detail.correctionComment && (
            <Alert color="orange" title={t('observatory.form.correctionRequested')}>
              {detail.correctionComment}
            </Alert>
          )}
          {!detail.canEdit && <Alert color="gray">{t('observatory.form.readOnly')}</Alert>}
          {team && detail.id && (
            <ReviewActions detail={detail} onChange={(next) => accept(next, { reset: true })} />
          )}
          <FormView key={version} detail={detail} organisationId={organisationId} onSaved={accept} />
          {detail.id ? (
            <>
              <TemplateSection detail={detail} onPrefilled={(next) => accept(next, { reset: true })} />
              <AttachmentsSection submissionId={detail.id} canEdit={detail.canEdit || team} />
              <HistorySection submissionId={detail.id} indicators={detail.indicators} />
            </>
          ) : (
            <Text c="dimmed">{t('observatory.form.saveFirst')}</Text>
          )}
        </Stack>
      )}
    </QueryState>
  );
}
