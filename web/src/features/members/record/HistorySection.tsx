import { Button, List, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { t } from '../../../i18n';
import { actorLabel } from '../../../ui/actorLabel';
import { formatDateTime } from '../../../ui/format';
import { QueryState } from '../../../ui/QueryState';
import { Section } from '../../../ui/Section';
import { useOrganisationHistory } from '../api';
import type { HistoryEntry, Organisation, Reference } from '../types';
import classes from './HistorySection.module.css';
import { columnLabel, formatValue, recordLabel, visibleChanges } from './historyFormat';
import { canRestore, RestoreButton } from './RestoreButton';

const PAGE = 20;

interface Props {
  organisation: Organisation;
  reference?: Reference;
}

/** Who changed what and when, newest first, field by field. */
export function HistorySection({ organisation, reference }: Props) {
  const history = useOrganisationHistory(organisation.id);
  const [shown, setShown] = useState(PAGE);
  const items = history.data?.items ?? [];
  return (
    <Section title={t('history.title')}>
      <QueryState query={history}>
        {items.length === 0 ? (
          <Text c="dimmed">{t('history.empty')}</Text>
        ) : (
          <Stack gap="sm">
            <ol className={classes.list}>
              {items.slice(0, shown).map((entry) => (
                <HistoryItem key={entry.id} entry={entry} organisation={organisation} reference={reference} />
              ))}
            </ol>
            {items.length > shown && (
              <Button
                variant="subtle"
                size="xs"
                onClick={() => setShown((n) => n + PAGE)}
                style={{ alignSelf: 'flex-start' }}
              >
                {t('history.more', { count: items.length - shown })}
              </Button>
            )}
          </Stack>
        )}
      </QueryState>
    </Section>
  );
}

function HistoryItem({
  entry,
  organisation,
  reference,
}: {
  entry: HistoryEntry;
  organisation: Organisation;
  reference?: Reference;
}) {
  const changes = visibleChanges(entry);
  return (
    <li className={classes.item}>
      <Text fw={600} size="sm">
        {t('history.entry', {
          action: t(`history.action.${entry.action}`),
          record: recordLabel(entry, organisation),
        })}
      </Text>
      <Text size="xs" c="dimmed">
        {t('history.by', {
          date: formatDateTime(entry.at),
          actor: actorLabel(entry),
        })}
      </Text>
      {changes.length > 0 && (
        <List size="sm" mt={4} spacing={2}>
          {changes.map((change) => (
            <List.Item key={change.field}>
              {canRestore(organisation, entry, change.field) && (
                <RestoreButton organisationId={organisation.id} entryId={entry.id} field={change.field} />
              )}
              {entry.action === 'update'
                ? t('history.change', {
                    field: columnLabel(change.field),
                    before: formatValue(change.field, change.before, organisation, reference),
                    after: formatValue(change.field, change.after, organisation, reference),
                  })
                : // A creation or a deletion has one side only: show the value, not "(vide) →".
                  t('history.value', {
                    field: columnLabel(change.field),
                    value: formatValue(
                      change.field,
                      entry.action === 'delete' ? change.before : change.after,
                      organisation,
                      reference,
                    ),
                  })}
            </List.Item>
          ))}
        </List>
      )}
    </li>
  );
}
