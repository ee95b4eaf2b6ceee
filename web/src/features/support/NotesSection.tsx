import { Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Me } from '../../app/session';
import { t } from '../../i18n';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { type FieldErrors, FormErrorSummary } from '../../ui/FormErrors';
import { formatDateTime } from '../../ui/format';
import { RowButton } from '../../ui/RowActions';
import { Section } from '../../ui/Section';
import { useFormSubmit } from '../../ui/useFormSubmit';
import { addNote, deleteNote, type Note, type SupportFile, supportKeys } from './api';

/** The team's internal notes on a file, newest first; members and the board never see them. */
export function NotesSection({ file, me }: { file: SupportFile; me: Me }) {
  const queryClient = useQueryClient();
  const [body, setBody] = useState('');
  const [removing, setRemoving] = useState<Note | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: supportKeys.all });

  const check = (): FieldErrors => (body.trim() ? {} : { body: t('common.required') });
  const send = async () => {
    await addNote(file.id, body);
    setBody('');
    await refresh();
  };
  const { formRef, submit, pending, error, errors } = useFormSubmit(check, send);
  const notes = file.notes ?? [];

  return (
    <Section title={t('support.notes.title')}>
      <Stack>
        <form ref={formRef} onSubmit={submit} noValidate>
          <Stack gap="xs">
            <FormErrorSummary error={error} labels={{ body: t('support.notes.body') }} />
            <Textarea
              label={t('support.notes.body')}
              description={t('support.notes.hint')}
              autosize
              minRows={2}
              value={body}
              error={errors.body}
              onChange={(e) => setBody(e.currentTarget.value)}
            />
            <Group>
              <Button type="submit" loading={pending}>
                {t('support.notes.add')}
              </Button>
            </Group>
          </Stack>
        </form>
        {notes.length === 0 && <Text c="dimmed">{t('support.notes.empty')}</Text>}
        {notes.map((note) => (
          <Paper key={note.id} withBorder p="sm" component="article">
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <div>
                <Text size="sm" c="dimmed">
                  {t('support.notes.byOn', {
                    name: note.authorName ?? t('support.time.formerUser'),
                    date: formatDateTime(note.createdAt),
                  })}
                </Text>
                <Text style={{ whiteSpace: 'pre-wrap' }}>{note.body}</Text>
              </div>
              {(note.authorUserId === me.user.id || me.role === 'admin') && (
                <RowButton
                  danger
                  onClick={() => setRemoving(note)}
                  label={t('support.notes.deleteOf', { date: formatDateTime(note.createdAt) })}
                >
                  {t('common.delete')}
                </RowButton>
              )}
            </Group>
          </Paper>
        ))}
      </Stack>
      <ConfirmDialog
        opened={removing !== null}
        title={t('support.notes.deleteTitle')}
        message={t('support.notes.deleteText')}
        confirmLabel={t('common.delete')}
        onClose={() => setRemoving(null)}
        onConfirm={async () => {
          if (removing) await deleteNote(file.id, removing.id);
          await refresh();
        }}
      />
    </Section>
  );
}
