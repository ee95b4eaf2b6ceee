import { Stack } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { t } from '../../../i18n';
import { DocumentsTable } from '../../../ui/DocumentsTable';
import { QueryState } from '../../../ui/QueryState';
import { Section } from '../../../ui/Section';
import { UploadForm } from '../../../ui/UploadForm';
import { deleteDocument, documentUrl, listDocuments, observatoryKeys, uploadDocument } from './api';

const MAX_BYTES = 10 * 1024 * 1024;
const sizeFormat = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
const formatSize = (bytes: number) =>
  bytes < 1024 * 1024
    ? `${sizeFormat.format(bytes / 1024)} Ko`
    : `${sizeFormat.format(bytes / 1024 / 1024)} Mo`;

/** Source documents of a form (balance sheet, activity report): 10 MB each, type checked by the server. */
export function AttachmentsSection({ submissionId, canEdit }: { submissionId: string; canEdit: boolean }) {
  const queryClient = useQueryClient();
  const documents = useQuery({
    queryKey: observatoryKeys.documents(submissionId),
    queryFn: ({ signal }) => listDocuments(submissionId, signal),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: observatoryKeys.documents(submissionId) });

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
        <QueryState query={documents}>
          <DocumentsTable
            caption={t('observatory.attachments.title')}
            emptyMessage={t('observatory.attachments.empty')}
            documents={documents.data?.items ?? []}
            href={(d) => documentUrl(submissionId, d.id)}
            formatSize={formatSize}
            headers={{
              name: t('observatory.attachments.name'),
              size: t('observatory.attachments.size'),
              at: t('observatory.attachments.at'),
            }}
            remove={
              canEdit
                ? {
                    labelOf: (name) => t('observatory.attachments.deleteOf', { name }),
                    title: t('observatory.attachments.deleteTitle'),
                    message: (name) => t('observatory.attachments.deleteText', { name }),
                    onConfirm: async (d) => {
                      await deleteDocument(submissionId, d.id);
                      await refresh();
                    },
                  }
                : undefined
            }
          />
        </QueryState>
      </Stack>
    </Section>
  );
}
