import { Button } from '@mantine/core';
import { useState } from 'react';
import { useMe } from '../../app/session';
import { t } from '../../i18n';
import { QueryState } from '../../ui/QueryState';
import { Section } from '../../ui/Section';
import { canManageSupport } from './access';
import { useFiles } from './api';
import { FileDialog } from './FileDialog';
import { FileTable } from './FileTable';

/**
 * "Accompagnements" on a member's record: its support files. The team opens new ones
 * here; a member user reads its own (the server gives it nothing else).
 */
export function OrganisationSupportSection({ organisation }: { organisation: { id: string; name: string } }) {
  const { data: me } = useMe();
  const files = useFiles({ organisationId: organisation.id });
  const [creating, setCreating] = useState(false);
  const team = me ? canManageSupport(me.role) : false;
  return (
    <Section
      title={t('support.record.title')}
      actions={
        team && (
          <Button size="sm" onClick={() => setCreating(true)}>
            {t('support.file.create')}
          </Button>
        )
      }
    >
      <QueryState query={files}>
        <FileTable
          caption={t('support.record.title')}
          files={files.data?.items ?? []}
          columns={['title', 'subject', 'status', 'owner', 'dueOn', 'nextStep']}
          emptyMessage={t('support.record.empty')}
        />
      </QueryState>
      {creating && <FileDialog file={null} organisation={organisation} onClose={() => setCreating(false)} />}
    </Section>
  );
}
