import { Anchor, Button, CopyButton, Group, Modal, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useMe } from '../../app/session';
import { t } from '../../i18n';
import { FormErrorSummary } from '../../ui/FormErrors';
import { formatDateTime } from '../../ui/format';
import { QueryState } from '../../ui/QueryState';
import { SuccessAlert } from '../../ui/SuccessAlert';
import {
  createCalendarToken,
  eventsKeys,
  publicCalendarUrl,
  revokeCalendarToken,
  useCalendarToken,
} from './api';

interface Props {
  opened: boolean;
  onClose: () => void;
}

/**
 * "Mon agenda": the private address a calendar app subscribes to (shown once, since only
 * its hash is kept), its revocation, and the delegation's public calendar.
 */
export function CalendarDialog({ opened, onClose }: Props) {
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('events.calendar.title')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <CalendarBody />
    </Modal>
  );
}

function CalendarBody() {
  const queryClient = useQueryClient();
  const { data: me } = useMe();
  const status = useCalendarToken();
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState<'create' | 'revoke' | null>(null);

  const run = async (kind: 'create' | 'revoke') => {
    setPending(kind);
    setError(null);
    try {
      if (kind === 'create') setUrl((await createCalendarToken()).url);
      else {
        await revokeCalendarToken();
        setUrl(null);
      }
      await queryClient.invalidateQueries({ queryKey: eventsKeys.calendarToken });
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(null);
    }
  };

  const active = status.data?.active ?? false;
  return (
    <Stack>
      <Text size="sm">
        {me?.role === 'member' ? t('events.calendar.introMember') : t('events.calendar.introTeam')}
      </Text>
      <FormErrorSummary error={error} />
      <QueryState query={status}>
        {url ? (
          <Stack gap="xs">
            <SuccessAlert>{t('events.calendar.created')}</SuccessAlert>
            <Group align="flex-end" wrap="nowrap">
              <TextInput
                label={t('events.calendar.url')}
                value={url}
                readOnly
                style={{ flex: 1 }}
                onFocus={(e) => e.currentTarget.select()}
              />
              <CopyButton value={url}>
                {({ copied, copy }) => (
                  <Button variant="light" onClick={copy}>
                    {copied ? t('events.calendar.copied') : t('events.calendar.copy')}
                  </Button>
                )}
              </CopyButton>
            </Group>
          </Stack>
        ) : (
          <Text size="sm">
            {active
              ? t('events.calendar.active', { date: formatDateTime(status.data?.createdAt) })
              : t('events.calendar.none')}
          </Text>
        )}
        <Group>
          <Button onClick={() => void run('create')} loading={pending === 'create'}>
            {active || url ? t('events.calendar.replace') : t('events.calendar.create')}
          </Button>
          {(active || url) && (
            <Button
              variant="default"
              color="red"
              onClick={() => void run('revoke')}
              loading={pending === 'revoke'}
            >
              {t('events.calendar.revoke')}
            </Button>
          )}
        </Group>
      </QueryState>
      {me && (
        <Stack gap={4}>
          <Title order={3} size="h5">
            {t('events.calendar.publicTitle')}
          </Title>
          <Text size="sm">{t('events.calendar.publicIntro')}</Text>
          <Anchor href={publicCalendarUrl(me.delegation.slug)} size="sm">
            {t('events.calendar.publicLink', { name: me.delegation.name })}
          </Anchor>
        </Stack>
      )}
    </Stack>
  );
}
