import { Alert, Button, Checkbox, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { t } from '../../i18n';
import { type Column, DataTable } from '../../ui/DataTable';
import { FormErrorSummary } from '../../ui/FormErrors';
import { QueryState } from '../../ui/QueryState';
import { Section } from '../../ui/Section';
import { type Candidate, purchasingKeys, putForward, useCandidates } from './api';

/** The ranked members with their reasons; the team ticks some and puts them forward. */
export function CandidatesSection({ opportunityId }: { opportunityId: string }) {
  const candidates = useCandidates(opportunityId, true);
  const queryClient = useQueryClient();
  const [chosen, setChosen] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<number | null>(null);
  const [pending, setPending] = useState(false);
  const toggle = (id: string, on: boolean) =>
    setChosen((current) => (on ? [...current, id] : current.filter((c) => c !== id)));
  const submit = async () => {
    setPending(true);
    setError(null);
    try {
      const created = await putForward(opportunityId, chosen);
      setDone(created.items.length);
      setChosen([]);
      await queryClient.invalidateQueries({ queryKey: purchasingKeys.all });
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(false);
    }
  };
  const columns: Column<Candidate>[] = [
    {
      key: 'select',
      header: t('common.actions'),
      render: (c) =>
        c.alreadyMatched ? (
          <Text size="sm">{t('purchasing.candidates.already')}</Text>
        ) : (
          <Checkbox
            aria-label={t('purchasing.candidates.select', { name: c.name })}
            checked={chosen.includes(c.organisationId)}
            onChange={(event) => toggle(c.organisationId, event.currentTarget.checked)}
          />
        ),
    },
    { key: 'name', header: t('purchasing.candidates.member'), rowHeader: true, render: (c) => c.name },
    { key: 'reasons', header: t('purchasing.candidates.reasons'), render: (c) => c.reasons.join(' ; ') },
  ];
  return (
    <Section
      title={t('purchasing.candidates.title')}
      actions={
        <Button size="xs" onClick={() => void submit()} disabled={chosen.length === 0} loading={pending}>
          {t('purchasing.candidates.putForward')}
        </Button>
      }
    >
      <Text size="sm" c="dimmed" mb="xs">
        {t('purchasing.candidates.intro')}
      </Text>
      <FormErrorSummary error={error} labels={{}} />
      {done !== null && (
        <Alert color="green" mb="xs" role="status">
          {t('purchasing.candidates.done', { count: done })}
        </Alert>
      )}
      <QueryState query={candidates}>
        <DataTable
          caption={t('purchasing.candidates.title')}
          captionHidden
          columns={columns}
          rows={candidates.data?.items ?? []}
          rowKey={(c) => c.organisationId}
          emptyMessage={t('purchasing.candidates.empty')}
        />
      </QueryState>
    </Section>
  );
}
