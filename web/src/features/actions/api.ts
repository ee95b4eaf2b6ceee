import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, query } from '../../app/api';
import type { Answer, Query, Schema } from '../../app/contract';
import { enumValues } from '../../app/enumValues';

export type ActionKind = Schema<'ActionKind'>;
export type Mission = Schema<'ActionMission'>;
export type PartnerKind = Schema<'PartnerKind'>;
export type PartnerRole = Schema<'ActionPartnerRole'>;
export type MemberRole = Schema<'ActionMemberRole'>;
export type Qualifier = Schema<'ActionParticipantsQualifier'>;
export type Visibility = Schema<'ActionVisibility'>;

export const actionKinds = enumValues<ActionKind>({
  workshop: true,
  regional_day: true,
  webinar: true,
  practice_exchange: true,
  training: true,
  general_assembly: true,
  round_table: true,
  committee: true,
  partner_meeting: true,
  signature: true,
  conference: true,
  publication: true,
  support: true,
  other: true,
});
export const missions = enumValues<Mission>({
  representer: true,
  participer: true,
  animer: true,
  developper: true,
  accompagner: true,
});
export const partnerKinds = enumValues<PartnerKind>({
  state: true,
  region: true,
  department: true,
  cress: true,
  network: true,
  company: true,
  foundation: true,
  training_body: true,
  public_body: true,
  other: true,
});
export const partnerRoles = enumValues<PartnerRole>({ organiser: true, partner: true, funder: true });
export const memberRoles = enumValues<MemberRole>({
  host: true,
  organiser: true,
  speaker: true,
  participant: true,
});

/** A partner; its internal note is absent for the board (see partnerAudiences). */
export type Partner = Schema<'Partner'>;
/** What the chronicle, the agenda and the detail page show of an action (the public agenda's shape). */
export type ActionSummary = Schema<'PublicAction'>;
export type Action = Schema<'Action'>;
export type ActionDetail = Schema<'ActionDetail'>;
/** The list's filters as the URL keeps them: every one a string, empty when not set. */
export type ActionFilters = Record<keyof Query<'/api/actions/export.xlsx'>, string>;
export type ActionList = Schema<'ActionList'>;
type Month = Schema<'PublicChronicle'>['months'][number];
/** A year month by month, with the actions as its reader sees them (the team's or the public's). */
export type Chronicle<A extends ActionSummary = ActionSummary> = Omit<Schema<'PublicChronicle'>, 'months'> & {
  months: (Omit<Month, 'actions'> & { actions: A[] })[];
};
export type OrganisationAction = Answer<'/api/members/organisations/{id}/actions'>['items'][number];

type Body = Record<string, unknown>;
const enc = encodeURIComponent;

export const actionsKeys = {
  all: ['actions'] as const,
  list: (filters: Partial<ActionFilters>, page: number) => ['actions', 'list', filters, page] as const,
  record: (id: string) => ['actions', 'record', id] as const,
  chronicle: (year: number) => ['actions', 'chronicle', year] as const,
  organisation: (id: string, year: number) => ['actions', 'organisation', id, year] as const,
  partners: ['partners'] as const,
  partnerList: (filter: { q?: string; kind?: string }) => ['partners', filter] as const,
};

export const PAGE_SIZE = 25;

export function useActions(filters: Partial<ActionFilters>, page: number) {
  return useQuery({
    queryKey: actionsKeys.list(filters, page),
    queryFn: ({ signal }) =>
      api<ActionList>(
        `/api/actions${query({ ...filters, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE })}`,
        { signal },
      ),
    placeholderData: keepPreviousData,
  });
}

export function exportUrl(filters: Partial<ActionFilters>) {
  return `/api/actions/export.xlsx${query({ ...filters })}`;
}

export function useAction(id: string) {
  return useQuery({
    queryKey: actionsKeys.record(id),
    queryFn: ({ signal }) => api<ActionDetail>(`/api/actions/${enc(id)}`, { signal }),
  });
}

export function useChronicle(year: number) {
  return useQuery({
    queryKey: actionsKeys.chronicle(year),
    queryFn: ({ signal }) =>
      api<Schema<'ActionChronicle'>>(`/api/actions/chronicle?year=${year}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useOrganisationActions(organisationId: string, year: number) {
  return useQuery({
    queryKey: actionsKeys.organisation(organisationId, year),
    queryFn: ({ signal }) =>
      api<Answer<'/api/members/organisations/{id}/actions'>>(
        `/api/members/organisations/${enc(organisationId)}/actions?year=${year}`,
        {
          signal,
        },
      ),
  });
}

/** The public agenda: answers anyone, never sends to the sign-in page. */
export function usePublicAgenda(year: number) {
  return useQuery({
    queryKey: ['public', 'actions', year],
    queryFn: ({ signal }) =>
      api<Schema<'PublicChronicle'>>(`/api/public/actions?year=${year}`, { signal, redirectOn401: false }),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

export function createAction(body: Body) {
  return api<ActionDetail>('/api/actions', { method: 'POST', body });
}
export function updateAction(id: string, body: Body) {
  return api<ActionDetail>(`/api/actions/${enc(id)}`, { method: 'PATCH', body });
}
export function deleteAction(id: string) {
  return api<void>(`/api/actions/${enc(id)}`, { method: 'DELETE' });
}

export function usePartners(filter: { q?: string; kind?: string } = {}) {
  return useQuery({
    queryKey: actionsKeys.partnerList(filter),
    queryFn: ({ signal }) => api<Schema<'PartnerList'>>(`/api/partners${query(filter)}`, { signal }),
    placeholderData: keepPreviousData,
  });
}
export function savePartner(id: string | null, body: Body) {
  return id
    ? api<Partner>(`/api/partners/${enc(id)}`, { method: 'PATCH', body })
    : api<Partner>('/api/partners', { method: 'POST', body });
}
export function deletePartner(id: string) {
  return api<void>(`/api/partners/${enc(id)}`, { method: 'DELETE' });
}
