import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query } from '../../app/api';
import type { Schema } from '../../app/contract';
import type { FormValue } from '../../ui/formValues';
import type { ListParams, Organisation, OrganisationList, Reference } from './types';

type Body = Record<string, FormValue | null | undefined | Record<string, FormValue>>;

export const membersKeys = {
  all: ['members'] as const,
  reference: ['members', 'reference'] as const,
  lists: ['members', 'organisations'] as const,
  list: (params: Partial<ListParams>) => ['members', 'organisations', params] as const,
  record: (id: string) => ['members', 'organisation', id] as const,
  history: (id: string) => ['members', 'organisation', id, 'history'] as const,
};

export function useReference() {
  return useQuery({
    queryKey: membersKeys.reference,
    queryFn: ({ signal }) => api<Reference>('/api/members/reference', { signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function fetchOrganisations(params: Partial<ListParams>, signal?: AbortSignal) {
  return api<OrganisationList>(`/api/members/organisations${query({ ...params })}`, { signal });
}

export function useOrganisations(params: Partial<ListParams>, enabled = true) {
  return useQuery({
    queryKey: membersKeys.list(params),
    queryFn: ({ signal }) => fetchOrganisations(params, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Lists a role may not see (contacts for a member user…) come back empty rather than missing. */
function normalise(record: Organisation): Organisation {
  return {
    ...record,
    types: record.types ?? [],
    establishments: record.establishments ?? [],
    conventions: (record.conventions ?? []).map((c) => ({ ...c, departments: c.departments ?? [] })),
    memberships: record.memberships ?? [],
    contacts: record.contacts ?? [],
    editable: record.editable ?? 'none',
  };
}

export function useOrganisation(id: string) {
  return useQuery({
    queryKey: membersKeys.record(id),
    queryFn: ({ signal }) =>
      api<Organisation>(`/api/members/organisations/${encodeURIComponent(id)}`, { signal }),
    select: normalise,
  });
}

export function useOrganisationHistory(id: string) {
  return useQuery({
    queryKey: membersKeys.history(id),
    queryFn: ({ signal }) =>
      api<Schema<'History'>>(`/api/members/organisations/${encodeURIComponent(id)}/history`, {
        signal,
      }),
  });
}

export function createOrganisation(body: Body) {
  return api<Schema<'MembersCreated'>>('/api/members/organisations', { method: 'POST', body });
}

const enc = encodeURIComponent;

/**
 * The writes of a record page. Each resolves once saved and refreshes the record,
 * its history and the lists; each rejects with the ApiError that the form displays.
 */
export function useRecordWrites(organisationId: string) {
  const queryClient = useQueryClient();
  const refresh = async <T>(result: T): Promise<T> => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: membersKeys.record(organisationId) }),
      queryClient.invalidateQueries({ queryKey: membersKeys.lists }),
    ]);
    return result;
  };
  const org = `/api/members/organisations/${enc(organisationId)}`;
  return {
    patchOrganisation: (body: Body) =>
      api<Organisation>(org, { method: 'PATCH', body }).then((record) => {
        queryClient.setQueryData(membersKeys.record(organisationId), record);
        return refresh(record);
      }),
    addEstablishment: (body: Body) => api(`${org}/establishments`, { method: 'POST', body }).then(refresh),
    patchEstablishment: (id: string, body: Body) =>
      api(`/api/members/establishments/${enc(id)}`, { method: 'PATCH', body }).then(refresh),
    addConvention: (body: Body) => api(`${org}/conventions`, { method: 'POST', body }).then(refresh),
    deleteConvention: (id: string) =>
      api(`/api/members/conventions/${enc(id)}`, { method: 'DELETE' }).then(refresh),
    addMembership: (body: Body) => api(`${org}/memberships`, { method: 'POST', body }).then(refresh),
    patchMembership: (id: string, body: Body) =>
      api(`/api/members/memberships/${enc(id)}`, { method: 'PATCH', body }).then(refresh),
    addContact: (body: Body) => api(`${org}/contacts`, { method: 'POST', body }).then(refresh),
    patchContact: (id: string, body: Body) =>
      api(`/api/members/contacts/${enc(id)}`, { method: 'PATCH', body }).then(refresh),
    deleteContact: (id: string) =>
      api(`/api/members/contacts/${enc(id)}`, { method: 'DELETE' }).then(refresh),
    restoreValue: (entryId: number | string, field: string) =>
      api<Organisation>(`${org}/history/${enc(String(entryId))}/restore`, {
        method: 'POST',
        body: { field },
      }).then(refresh),
  };
}

export type RecordWrites = ReturnType<typeof useRecordWrites>;
