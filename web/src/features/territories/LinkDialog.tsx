import { Modal, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { t } from '../../i18n';
import { FormButtons } from '../../ui/FormButtons';
import { FormErrorSummary, fieldErrorsOf } from '../../ui/FormErrors';
import { formatDate } from '../../ui/format';
import { useActions } from '../actions/api';
import { useFiles } from '../support/api';
import { addPart } from './api';

interface Props {
  projectId: string;
  opened: boolean;
  onClose: () => void;
  onSaved: () => Promise<unknown>;
}

/** Finds an action of the chronicle or a support file by its title and links it to the project. */
export function LinkDialog({ projectId, opened, onClose, onSaved }: Props) {
  return (
    <Modal opened={opened} onClose={onClose} title={t('territories.links.add')} size="lg">
      <LinkForm projectId={projectId} onClose={onClose} onSaved={onSaved} />
    </Modal>
  );
}

function LinkForm({ projectId, onClose, onSaved }: Omit<Props, 'opened'>) {
  const [target, setTarget] = useState<'action' | 'file'>('action');
  const [q, setQ] = useState('');
  const [choice, setChoice] = useState('');
  const [error, setError] = useState<unknown>(null);
  const actions = useActions({ q }, 1);
  const files = useFiles({ q }, target === 'file');
  const options =
    target === 'action'
      ? (actions.data?.items ?? []).map((a) => ({
          value: a.id,
          label: `${formatDate(a.startsOn)} · ${a.title}`,
        }))
      : (files.data?.items ?? []).map((f) => ({ value: f.id, label: `${f.title} · ${f.organisationName}` }));
  const chosen = options.some((o) => o.value === choice) ? choice : (options[0]?.value ?? '');
  const field = target === 'action' ? 'actionId' : 'supportFileId';
  const errors = fieldErrorsOf(error);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!chosen) return;
    try {
      await addPart(projectId, 'links', { [field]: chosen });
      await onSaved();
      onClose();
    } catch (cause) {
      setError(cause);
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <FormErrorSummary error={error} labels={{ [field]: t('territories.links.choice') }} />
        <NativeSelect
          label={t('territories.links.target')}
          value={target}
          onChange={(event) => setTarget(event.currentTarget.value === 'file' ? 'file' : 'action')}
          data={[
            { value: 'action', label: t('territories.links.targetAction') },
            { value: 'file', label: t('territories.links.targetFile') },
          ]}
        />
        <TextInput
          label={t('territories.links.search')}
          value={q}
          onChange={(event) => setQ(event.currentTarget.value)}
        />
        {options.length > 0 ? (
          <NativeSelect
            label={t('territories.links.choice')}
            value={chosen}
            onChange={(event) => setChoice(event.currentTarget.value)}
            data={options}
            error={errors[field]}
          />
        ) : (
          <Text size="sm">{t('territories.links.noResult')}</Text>
        )}
        <FormButtons onCancel={onClose} submitLabel={t('territories.links.target')} disabled={!chosen} />
      </Stack>
    </form>
  );
}
