import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, query } from '../../app/api';

export const actionKinds = [
  'workshop',
  'regional_day',
  'webinar',
  'practice_exchange',
  'training',
  'general_assembly',
  'round_table',
  'committee',
  'partner_meeting',
  'signature',
  'conference',
  'publication',
  'support',
  'other',
] as const;
export type ActionKind = (typeof actionKinds)[number];
export const missions = ['representer', 'participer', 'animer', 'developper', 'accompagner'] as const;
export type Mission = (typeof missions)[number];
export const partnerKinds = [
  'state',
  'region',
  'department',
  'cress',
  'network',
  'company',
  'foundation',
  'training_body',
  'public_body',
  'other',
] as const;
export type PartnerKind = (typeof partnerKinds)[number];
export const partnerRoles = ['organiser', 'partner', 'funder'] as const;
export type PartnerRole = (typeof partnerRoles)[number];
export const memberRoles = ['host', 'organiser', 'speaker', 'participant'] as const;
export type MemberRole = (typeof memberRoles)[number];
export type Qualifier = 'exact' | 'at_least' | 'about';
export type Visibility = 'public' | 'internal';

export interface Partner {
  id: string;
  name: string;
  kind: PartnerKind;
  department: string | null;
  website: string | null;
  thanked: boolean;
  /** The team's internal note: absent for the board (see partnerAudiences). */
  note?: string | null;
  actionsCount: number;
}

/** What the chronicle, the agenda and the detail page show of an action. */
export interface ActionSummary {
  id: string;
  title: string;
  kind: ActionKind;
  startsOn: string;
  endsOn: string;
  datePrecision: 'day' | 'month';
  startTime: string | null;
  endTime: string | null;
  themes: string[];
  missions: Mission[];
  online: boolean;
  town: string | null;
  department: string | null;
  participantsCount: number | null;
  participantsQualifier: Qualifier;
  summary: string | null;
  partners: { partnerId?: string; name: string; role: PartnerRole }[];
  members: { organisationId?: string; name: string; role: MemberRole }[];
}

export interface Action extends ActionSummary {
  objectives: string[];
  participantsSource: 'declared' | 'attendance' | null;
  visibility: Visibility;
  registrationOpen: boolean;
  capacity: number | null;
  registrationClosesOn: string | null;
  practiceGroupId: string | null;
  practiceGroupName?: string | null;
  sequence: number;
  source: string | null;
  createdAt: string;
  updatedAt: string;
  partners: { partnerId: string; name: string; kind: PartnerKind; role: PartnerRole }[];
  members: { organisationId: string; name: string; role: MemberRole }[];
}

export interface ActionFilters {
  year: string;
  month: string;
  kind: string;
  theme: string;
  department: string;
  partnerId: string;
  organisationId: string;
  visibility: string;
  q: string;
}

export interface ActionList {
  items: Action[];
  total: number;
  limit: number;
  offset: number;
}

export interface Chronicle<A extends ActionSummary = ActionSummary> {
  year: number;
  total: number;
  months: { month: number; count: number; actions: A[] }[];
}

export interface OrganisationAction {
  id: string;
  title: string;
  kind: ActionKind;
  startsOn: string;
  endsOn: string;
  datePrecision: 'day' | 'month';
  startTime: string | null;
  endTime: string | null;
  online: boolean;
  town: string | null;
  department: string | null;
  summary: string | null;
  visibility: Visibility;
  role: MemberRole;
}

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
    queryFn: ({ signal }) => api<Action>(`/api/actions/${enc(id)}`, { signal }),
  });
}

export function useChronicle(year: number) {
  return useQuery({
    queryKey: actionsKeys.chronicle(year),
    queryFn: ({ signal }) => api<Chronicle<Action>>(`/api/actions/chronicle?year=${year}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useOrganisationActions(organisationId: string, year: number) {
  return useQuery({
    queryKey: actionsKeys.organisation(organisationId, year),
    queryFn: ({ signal }) =>
      api<{ items: OrganisationAction[] }>(
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
      api<Chronicle>(`/api/public/actions?year=${year}`, { signal, redirectOn401: false }),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

export function createAction(body: Body) {
  return api<Action>('/api/actions', { method: 'POST', body });
}
export function updateAction(id: string, body: Body) {
  return api<Action>(`/api/actions/${enc(id)}`, { method: 'PATCH', body });
}
export function deleteAction(id: string) {
  return api<void>(`/api/actions/${enc(id)}`, { method: 'DELETE' });
}

export function usePartners(filter: { q?: string; kind?: string } = {}) {
  return useQuery({
    queryKey: actionsKeys.partnerList(filter),
    queryFn: ({ signal }) => api<{ items: Partner[] }>(`/api/partners${query(filter)}`, { signal }),
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
