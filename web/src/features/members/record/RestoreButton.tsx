import { Button, Text } from '@mantine/core';
import { useState } from 'react';
import { ApiError } from '../../../app/api';
import { t } from '../../../i18n';
import { useRecordWrites } from '../api';
import type { HistoryEntry, Organisation } from '../types';

// The fields the server can give back from a history line (restore.service.ts); others
// (technical columns, links between records) are shown but not restorable.
const RESTORABLE: Record<string, string[]> = {
  organisations: ['name', 'siren', 'legal_form', 'website', 'description', 'note'],
  establishments: ['name', 'siret', 'address', 'postcode', 'city', 'department', 'phone', 'email', 'website'],
  membership_periods: ['left_on', 'leave_reason'],
  contacts: ['first_name', 'last_name', 'job_title', 'email', 'phone', 'purpose', 'consent'],
};

export function canRestore(organisation: Organisation, entry: HistoryEntry, field: string): boolean {
  return (
    organisation.editable === 'all' &&
    entry.action === 'update' &&
    Boolean(RESTORABLE[entry.tableName]?.includes(field))
  );
}

/** Puts back the value a field had before this change (a new, audited change). */
export function RestoreButton({
  organisationId,
  entryId,
  field,
}: {
  organisationId: string;
  entryId: number | string;
  field: string;
}) {
  const writes = useRecordWrites(organisationId);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const restore = async () => {
    setPending(true);
    setError(null);
    try {
      await writes.restoreValue(entryId, field);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : t('history.restoreFailed'));
    } finally {
      setPending(false);
    }
  };
  return (
    <>
      <Button variant="subtle" size="compact-xs" mr="xs" loading={pending} onClick={() => void restore()}>
        {t('history.restore')}
      </Button>
      {error && (
        <Text role="alert" c="red.8" size="xs">
          {error}
        </Text>
      )}
    </>
  );
}
