import { t } from '../../../i18n';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';

interface Props<T> {
  /** The row to delete; null keeps the dialog closed. */
  row: T | null;
  onClose: () => void;
  title: (row: T) => string;
  message: (row: T) => string;
  onConfirm: (row: T) => Promise<unknown>;
}

/** Asks before deleting one row of a record. */
export function DeleteRowDialog<T>({ row, onClose, title, message, onConfirm }: Props<T>) {
  return (
    <ConfirmDialog
      opened={row !== null}
      onClose={onClose}
      title={row ? title(row) : ''}
      message={row ? message(row) : ''}
      confirmLabel={t('common.delete')}
      onConfirm={() => (row ? onConfirm(row) : Promise.resolve())}
    />
  );
}
