import { Button, Group } from '@mantine/core';
import type { ReactNode } from 'react';
import { t } from '../i18n';
import type { Column } from './DataTable';

interface Props {
  /** Names the row too ("Retirer Jeanne Martin"): every row has the same visible text. */
  label: string;
  onClick: () => void;
  children: ReactNode;
  /** Red, for what removes or ends something. */
  danger?: boolean;
  /** Filled lightly, for the row's main step (a roll call, a payment) rather than an edit. */
  light?: boolean;
  size?: 'xs' | 'compact-sm';
}

/** A small button in a table row. */
export function RowButton({ label, onClick, children, danger, light, size = 'compact-sm' }: Props) {
  return (
    <Button
      size={size}
      variant={light ? 'light' : 'subtle'}
      color={danger ? 'red' : undefined}
      onClick={onClick}
      aria-label={label}
    >
      {children}
    </Button>
  );
}

/** The last column of a table whose rows can be changed. */
export function actionsColumn<T>(render: (row: T) => ReactNode): Column<T> {
  return { key: 'actions', header: t('common.actions'), render };
}

interface EditDeleteProps {
  editLabel: string;
  deleteLabel: string;
  onEdit: () => void;
  onDelete: () => void;
}

/** A row's edit and delete buttons, each naming the row. */
export function EditDeleteButtons({ editLabel, deleteLabel, onEdit, onDelete }: EditDeleteProps) {
  return (
    <Group gap={4} wrap="nowrap">
      <RowButton onClick={onEdit} label={editLabel}>
        {t('common.edit')}
      </RowButton>
      <RowButton danger onClick={onDelete} label={deleteLabel}>
        {t('common.delete')}
      </RowButton>
    </Group>
  );
}
