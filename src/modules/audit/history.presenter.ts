import { COLUMN_AUDIENCES } from '../../db/audiences.ts';
import { mayRead, type Reader } from '../../server/audiences.ts';
import type { HistoryEntry } from './audit.service.ts';

/**
 * A record's history as this reader may read it: the before/after values of a field
 * outside the reader's audience are left out, and an entry left with no change to show
 * is left out too (that the internal note changed at 10:02 is itself the team's).
 * `ownerOrganisationId` is the organisation the history belongs to.
 */
export function presentHistory(
  entries: HistoryEntry[],
  reader: Reader,
  ownerOrganisationId: string | null,
): HistoryEntry[] {
  return entries.flatMap((entry) => {
    const audiences = COLUMN_AUDIENCES[entry.tableName];
    if (!audiences) return [entry];
    const changes = entry.changes.filter((change) => {
      const audience = audiences[change.field];
      return !audience || mayRead(audience, reader, ownerOrganisationId);
    });
    if (changes.length === entry.changes.length) return [entry];
    return changes.length === 0 ? [] : [{ ...entry, changes }];
  });
}
