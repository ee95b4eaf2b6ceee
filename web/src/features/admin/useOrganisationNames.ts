import { useMemo } from 'react';
import { useOrganisations } from '../members/api';

/**
 * Organisation id → name, for the invitations list (which carries ids only).
 * One page of 100 covers a delegation; beyond it the table says "Organisation rattachée".
 */
export function useOrganisationNames(): Map<string, string> {
  const list = useOrganisations({ membership: 'all', sort: 'name', page: 1, pageSize: 100 });
  return useMemo(() => new Map((list.data?.items ?? []).map((o) => [o.id, o.name])), [list.data]);
}
