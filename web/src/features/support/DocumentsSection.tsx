import { Stack } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import type { Me } from '../../app/session';
import { t } from '../../i18n';
import { DocumentsTable } from '../../ui/DocumentsTable';
import { orDash } from '../../ui/format';
import { Section } from '../../ui/Section';
import { UploadForm } from '../../ui/UploadForm';
import { canManageSupport } from './access';
import { deleteDocument, documentUrl, type SupportFile, supportKeys, uploadDocument } from './api';
import { documentKind, formatSize } from './labels';

const MAX_BYTES = 10 * 1024 * 1024;

/**
 * A file's documents. The team and the member concerned upload (one file, 10 MB at
 * most, its type checked by the server from its content) and download; the board sees
 * the list only.
 */
export function DocumentsSection({ file, me }: { file: SupportFile; me: Me }) {
  const queryClient = useQueryClient();
  const team = canManageSupport(me.role);
  const canUpload = team || me.role === 'member';
  const refresh = () => queryClient.invalidateQueries({ queryKey: supportKeys.all });

  return (
    <Section title={t('support.documents.title')}>
      <Stack>
        {canUpload && (
          <UploadForm
            label={t('support.documents.file')}
            description={t('support.documents.hint')}
            clearLabel={t('support.documents.clear')}
            submitLabel={t('support.documents.upload')}
            maxBytes={MAX_BYTES}
            tooLarge={(name) => t('support.documents.tooLarge', { name })}
            progressLabel={(percent) => t('support.documents.progress', { percent })}
            onUpload={async (chosen, onProgress) => {
              await uploadDocument(file.id, chosen, onProgress);
              await refresh();
            }}
          />
        )}
        <DocumentsTable
          caption={t('support.documents.title')}
          emptyMessage={t('support.documents.empty')}
          documents={file.documents}
          href={canUpload ? (d) => documentUrl(file.id, d.id) : undefined}
          formatSize={formatSize}
          headers={{
            name: t('support.documents.name'),
            size: t('support.documents.size'),
            at: t('support.documents.at'),
          }}
          afterName={[
            { key: 'type', header: t('support.documents.type'), render: (d) => documentKind(d.mediaType) },
          ]}
          afterSize={[
            { key: 'by', header: t('support.documents.by'), render: (d) => orDash(d.uploadedByName) },
          ]}
          remove={
            team
              ? {
                  labelOf: (name) => t('support.documents.deleteOf', { name }),
                  title: t('support.documents.deleteTitle'),
                  message: (name) => t('support.documents.deleteText', { name }),
                  onConfirm: async (d) => {
                    await deleteDocument(file.id, d.id);
                    await refresh();
                  },
                }
              : undefined
          }
        />
      </Stack>
    </Section>
  );
}
