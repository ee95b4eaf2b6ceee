import { useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api } from '../../app/api';
import { t } from '../../i18n';
import type { FieldSpec } from '../../ui/FormField';
import { FormModal } from '../../ui/FormModal';
import { formatDate } from '../../ui/format';
import type { FormValues } from '../../ui/formValues';
import { useChronicle } from '../actions/api';
import { todayInFrance, useOrganisationOptions } from '../governance/options';
import { type Cohort, qualityKeys } from './api';

const base = '/api/quality-approaches/cohorts';

/**
 * A cohort's members and its sessions. Sessions are actions already in the chronicle, offered
 * from the cohort's starting year (the current year when it has no start date) plus the ones linked.
 */
export function CohortMembersDialog({ cohort, onClose }: { cohort: Cohort | null; onClose: () => void }) {
  const queryClient = useQueryClient();
  const organisations = useOrganisationOptions(cohort !== null);
  const year = Number((cohort?.startsOn ?? todayInFrance()).slice(0, 4));
  const chronicle = useChronicle(year);
  const actionOptions = useMemo(() => {
    const options = new Map<string, string>();
    for (const s of cohort?.sessions ?? []) options.set(s.id, `${formatDate(s.startsOn)} · ${s.title}`);
    for (const month of chronicle.data?.months ?? [])
      for (const a of month.actions) options.set(a.id, `${formatDate(a.startsOn)} · ${a.title}`);
    return [...options].map(([value, label]) => ({ value, label }));
  }, [cohort, chronicle.data]);
  const fields: FieldSpec[] = [
    {
      name: 'organisationIds',
      kind: 'multiselect',
      label: t('qualityApproaches.cohort.members'),
      options: organisations,
    },
    {
      name: 'actionIds',
      kind: 'multiselect',
      label: t('qualityApproaches.cohort.sessions'),
      description: t('qualityApproaches.cohort.sessionsHint'),
      options: actionOptions,
    },
  ];
  const submit = async (values: FormValues) => {
    if (!cohort) return;
    const id = encodeURIComponent(cohort.id);
    await api(`${base}/${id}/members`, { method: 'PUT', body: { organisationIds: values.organisationIds } });
    await api(`${base}/${id}/sessions`, { method: 'PUT', body: { actionIds: values.actionIds } });
    await queryClient.invalidateQueries({ queryKey: qualityKeys.cohorts });
  };
  return (
    <FormModal
      opened={cohort !== null}
      title={t('qualityApproaches.cohort.membersEditOf', { name: cohort?.name ?? '' })}
      fields={fields}
      initialValues={{
        organisationIds: cohort?.members.map((m) => m.id) ?? [],
        actionIds: cohort?.sessions.map((s) => s.id) ?? [],
      }}
      onClose={onClose}
      onSubmit={submit}
    />
  );
}
