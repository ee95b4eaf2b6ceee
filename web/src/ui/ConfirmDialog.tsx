import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { t } from '../i18n';
import { FormErrorSummary } from './FormErrors';

interface Props {
  opened: boolean;
  title: string;
  message: string;
  confirmLabel: string;
  onClose: () => void;
  onConfirm: () => Promise<unknown>;
}

/** Asks before a destructive action and shows the server's refusal if there is one. */
export function ConfirmDialog({ opened, title, message, confirmLabel, onClose, onConfirm }: Props) {
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const close = () => {
    setError(null);
    onClose();
  };
  const confirm = async () => {
    setPending(true);
    setError(null);
    try {
      await onConfirm();
      close();
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(false);
    }
  };
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={title}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack>
        <FormErrorSummary error={error} />
        <Text>{message}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button color="red" onClick={confirm} loading={pending}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

interface DeleteProps<T> {
  /** The row asked about; null when the dialog is closed. */
  row: T | null;
  title: string;
  message: (row: T) => string;
  onClose: () => void;
  onDelete: (row: T) => Promise<unknown>;
}

/** Asks before deleting a row of a table. */
export function ConfirmDelete<T>({ row, title, message, onClose, onDelete }: DeleteProps<T>) {
  return (
    <ConfirmDialog
      opened={row !== null}
      title={title}
      message={row === null ? '' : message(row)}
      confirmLabel={t('common.delete')}
      onClose={onClose}
      onConfirm={async () => {
        if (row !== null) await onDelete(row);
      }}
    />
  );
}
