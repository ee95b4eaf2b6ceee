import { Anchor, Stack } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { t } from '../../../i18n';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { type Column, DataTable } from '../../../ui/DataTable';
import { formatDate } from '../../../ui/format';
import { QueryState } from '../../../ui/QueryState';
import { RowButton } from '../../../ui/RowActions';
import { Section } from '../../../ui/Section';
import { UploadForm } from '../../../ui/UploadForm';
import {
  deleteDocument,
  documentUrl,
  type FormDocument,
  listDocuments,
  observatoryKeys,
  uploadDocument,
} from './api';

const MAX_BYTES = 10 * 1024 * 1024;
const sizeFormat = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
const formatSize = (bytes: number) =>
  bytes < 1024 * 1024
    ? `${sizeFormat.format(bytes / 1024)} Ko`
    : `${sizeFormat.format(bytes / 1024 / 1024)} Mo`;

/** Source documents of a form (balance sheet, activity report): 10 MB each, type checked by the server. */
export function AttachmentsSection({ submissionId, canEdit }: { submissionId: string; canEdit: boolean }) {
  const queryClient = useQueryClient();
  const [removing, setRemoving] = useState<FormDocument | null>(null);
  const documents = useQuery({
    queryKey: observatoryKeys.documents(submissionId),
    queryFn: ({ signal }) => listDocuments(submissionId, signal),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: observatoryKeys.documents(submissionId) });

  const columns: Column<FormDocument>[] = [
    {
      key: 'filename',
      header: t('observatory.attachments.name'),
      rowHeader: true,
      render: (d) => (
        <Anchor href={documentUrl(submissionId, d.id)} download={d.filename}>
          {d.filename}
        </Anchor>
      ),
    },
    {
      key: 'size',
      header: t('observatory.attachments.size'),
      nowrap: true,
      render: (d) => formatSize(d.sizeBytes),
    },
    {
      key: 'at',
      header: t('observatory.attachments.at'),
      nowrap: true,
      render: (d) => formatDate(d.createdAt),
    },
  ];
  if (canEdit)
    columns.push({
      key: 'actions',
      header: t('common.actions'),
      render: (d) => (
        <RowButton
          danger
          onClick={() => setRemoving(d)}
          label={t('observatory.attachments.deleteOf', { name: d.filename })}
        >
          {t('common.delete')}
        </RowButton>
      ),
    });

  return (
    <Section title={t('observatory.attachments.title')}>
      <Stack>
        {canEdit && (
          <UploadForm
            label={t('observatory.attachments.file')}
            description={t('observatory.attachments.hint')}
            clearLabel={t('observatory.attachments.clear')}
            submitLabel={t('observatory.attachments.upload')}
            maxBytes={MAX_BYTES}
            tooLarge={(name) => t('observatory.attachments.tooLarge', { name })}
            onUpload={async (file) => {
              await uploadDocument(submissionId, file);
              await refresh();
            }}
          />
        )}
        <QueryState
          isPending={documents.isPending}
          error={documents.error}
          onRetry={() => documents.refetch()}
        >
          <DataTable
            caption={t('observatory.attachments.title')}
            captionHidden
            columns={columns}
            rows={documents.data?.items ?? []}
            rowKey={(d) => d.id}
            emptyMessage={t('observatory.attachments.empty')}
          />
        </QueryState>
      </Stack>
      <ConfirmDialog
        opened={removing !== null}
        title={t('observatory.attachments.deleteTitle')}
        message={t('observatory.attachments.deleteText', { name: removing?.filename ?? '' })}
        confirmLabel={t('common.delete')}
        onClose={() => setRemoving(null)}
        onConfirm={async () => {
          if (removing) await deleteDocument(submissionId, removing.id);
          await refresh();
        }}
      />
    </Section>
  );
}
