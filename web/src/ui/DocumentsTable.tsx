import { Anchor } from '@mantine/core';
import { useState } from 'react';
import { t } from '../i18n';
import { ConfirmDialog } from './ConfirmDialog';
import { type Column, DataTable } from './DataTable';
import { formatDate } from './format';
import { actionsColumn, RowButton } from './RowActions';

export interface StoredDocument {
  id: string;
  filename: string;
  sizeBytes: number;
  createdAt: string;
}

interface Props<T extends StoredDocument> {
  caption: string;
  emptyMessage: string;
  documents: T[];
  /** Where a document downloads from; without it, its name is plain text. */
  href?: (document: T) => string;
  formatSize: (bytes: number) => string;
  headers: { name: string; size: string; at: string };
  /** Columns after the name, and after the size. */
  afterName?: Column<T>[];
  afterSize?: Column<T>[];
  /** Without it, the documents cannot be deleted from here. */
  remove?: {
    labelOf: (name: string) => string;
    title: string;
    message: (name: string) => string;
    onConfirm: (document: T) => Promise<unknown>;
  };
}

/** Uploaded documents: name (a download link), size, date, and their deletion after a confirmation. */
export function DocumentsTable<T extends StoredDocument>(props: Props<T>) {
  const { headers, href, remove } = props;
  const [removing, setRemoving] = useState<T | null>(null);
  const columns: Column<T>[] = [
    {
      key: 'filename',
      header: headers.name,
      rowHeader: true,
      render: (d) =>
        href ? (
          <Anchor href={href(d)} download={d.filename}>
            {d.filename}
          </Anchor>
        ) : (
          d.filename
        ),
    },
    ...(props.afterName ?? []),
    { key: 'size', header: headers.size, nowrap: true, render: (d) => props.formatSize(d.sizeBytes) },
    ...(props.afterSize ?? []),
    { key: 'at', header: headers.at, nowrap: true, render: (d) => formatDate(d.createdAt) },
  ];
  if (remove)
    columns.push(
      actionsColumn((d) => (
        <RowButton danger onClick={() => setRemoving(d)} label={remove.labelOf(d.filename)}>
          {t('common.delete')}
        </RowButton>
      )),
    );
  return (
    <>
      <DataTable
        caption={props.caption}
        captionHidden
        columns={columns}
        rows={props.documents}
        rowKey={(d) => d.id}
        emptyMessage={props.emptyMessage}
      />
      {remove && (
        <ConfirmDialog
          opened={removing !== null}
          title={remove.title}
          message={remove.message(removing?.filename ?? '')}
          confirmLabel={t('common.delete')}
          onClose={() => setRemoving(null)}
          onConfirm={async () => {
            if (removing) await remove.onConfirm(removing);
          }}
        />
      )}
    </>
  );
}
