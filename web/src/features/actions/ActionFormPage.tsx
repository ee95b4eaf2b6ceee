import { Anchor, Stack, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { t } from '../../i18n';
import { QueryState } from '../../ui/QueryState';
import { usePageTitle } from '../../ui/usePageTitle';
import { ActionForm } from './ActionForm';
import { createBody, type Draft, draftOf, emptyDraft, patchBody } from './actionDraft';
import { type Action, actionsKeys, createAction, updateAction, useAction } from './api';

/** `/actions/nouvelle`: records an action, then shows its page. */
export function NewActionPage() {
  usePageTitle(t('actions.form.createTitle'));
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const send = async (draft: Draft) => {
    const created = await createAction(createBody(draft));
    await queryClient.invalidateQueries({ queryKey: actionsKeys.all });
    void navigate(`/actions/${created.id}`);
  };
  return (
    <Stack>
      <Anchor component={Link} to="/actions" size="sm">
        ← {t('actions.list.title')}
      </Anchor>
      <Title order={1}>{t('actions.form.createTitle')}</Title>
      <ActionForm
        initial={emptyDraft}
        submitLabel={t('actions.form.create')}
        cancelTo="/actions"
        onSubmit={send}
      />
    </Stack>
  );
}

/** `/actions/:id/modifier`: corrects an action; only what changed is sent. */
export function EditActionPage() {
  const id = useParams().id ?? '';
  const action = useAction(id);
  usePageTitle(action.data ? t('actions.form.editTitle', { title: action.data.title }) : undefined);
  return <QueryState query={action}>{action.data && <EditForm action={action.data} />}</QueryState>;
}

function EditForm({ action }: { action: Action }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  // Taken once: a refetch in the background must not reset what the user is typing.
  const [initial] = useState(() => draftOf(action));
  const send = async (draft: Draft) => {
    const body = patchBody(draft, initial);
    if (Object.keys(body).length > 0) await updateAction(action.id, body);
    await queryClient.invalidateQueries({ queryKey: actionsKeys.all });
    void navigate(`/actions/${action.id}`);
  };
  return (
    <Stack>
      <Anchor component={Link} to={`/actions/${action.id}`} size="sm">
        ← {action.title}
      </Anchor>
      <Title order={1}>{t('actions.form.editTitle', { title: action.title })}</Title>
      <ActionForm
        initial={initial}
        submitLabel={t('common.save')}
        cancelTo={`/actions/${action.id}`}
        onSubmit={send}
      />
    </Stack>
  );
}
