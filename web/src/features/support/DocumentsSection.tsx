import { Anchor, Stack } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Me } from '../../app/session';
import { t } from '../../i18n';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { type Column, DataTable } from '../../ui/DataTable';
import { formatDate, orDash } from '../../ui/format';
import { RowButton } from '../../ui/RowActions';
import { Section } from '../../ui/Section';
import { UploadForm } from '../../ui/UploadForm';
import { canManageSupport } from './access';
import {
  deleteDocument,
  documentUrl,
  type SupportDocument,
  type SupportFile,
  supportKeys,
  uploadDocument,
} from './api';
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
  const [removing, setRemoving] = useState<SupportDocument | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: supportKeys.all });

  const columns: Column<SupportDocument>[] = [
    {
      key: 'filename',
      header: t('support.documents.name'),
      rowHeader: true,
      render: (d) =>
        canUpload ? (
          <Anchor href={documentUrl(file.id, d.id)} download={d.filename}>
            {d.filename}
          </Anchor>
        ) : (
          d.filename
        ),
    },
    { key: 'type', header: t('support.documents.type'), render: (d) => documentKind(d.mediaType) },
    {
      key: 'size',
      header: t('support.documents.size'),
      nowrap: true,
      render: (d) => formatSize(d.sizeBytes),
    },
    { key: 'by', header: t('support.documents.by'), render: (d) => orDash(d.uploadedByName) },
    { key: 'at', header: t('support.documents.at'), nowrap: true, render: (d) => formatDate(d.createdAt) },
  ];
  if (team)
    columns.push({
      key: 'actions',
      header: t('common.actions'),
      render: (d) => (
        <RowButton
          danger
          onClick={() => setRemoving(d)}
          label={t('support.documents.deleteOf', { name: d.filename })}
        >
          {t('common.delete')}
        </RowButton>
      ),
    });

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
        <DataTable
          caption={t('support.documents.title')}
          captionHidden
          columns={columns}
          rows={file.documents}
          rowKey={(d) => d.id}
          emptyMessage={t('support.documents.empty')}
        />
      </Stack>
      <ConfirmDialog
        opened={removing !== null}
        title={t('support.documents.deleteTitle')}
        message={t('support.documents.deleteText', { name: removing?.filename ?? '' })}
        confirmLabel={t('common.delete')}
        onClose={() => setRemoving(null)}
        onConfirm={async () => {
          if (removing) await deleteDocument(file.id, removing.id);
          await refresh();
        }}
      />
    </Section>
  );
}
