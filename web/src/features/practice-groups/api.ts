import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api';
import type { DeclaredFigure } from '../figures/api';

export interface PracticeGroupSummary {
  id: string;
  name: string;
  audience: string | null;
  description: string | null;
  active: boolean;
  peopleCount: number;
  meetingsCount: number;
  lastMeetingOn: string | null;
}

export interface GroupPerson {
  id: string;
  organisationId: string | null;
  organisationName: string | null;
  firstName: string;
  lastName: string;
  /** Null for a member user looking at another organisation's person. */
  email: string | null;
  jobTitle: string | null;
}

export interface Guest {
  firstName: string;
  lastName: string;
  organisationId: string | null;
  organisationName?: string | null;
}

export interface Meeting {
  id: string;
  title: string;
  startsOn: string;
  startTime: string | null;
  endTime: string | null;
  online: boolean;
  town: string | null;
  department: string | null;
  summary: string | null;
  visibility: 'public' | 'internal';
  participantsCount: number | null;
  participantsSource: 'declared' | 'attendance' | null;
  attendance: { presentPersonIds: string[]; guests: Guest[]; named: number };
}

export interface PracticeGroup {
  id: string;
  name: string;
  audience: string | null;
  description: string | null;
  active: boolean;
  people: GroupPerson[];
  meetings: Meeting[];
}

export interface GroupStats {
  id: string;
  name: string;
  active: boolean;
  meetings: number;
  attendances: number;
  meetingsWithoutCount: number;
  organisations: number;
}

export interface PracticeStats {
  year: number;
  groups: GroupStats[];
  computed: { meetings: number; attendances: number };
  declared: { gepMeetings?: DeclaredFigure };
}

export const practiceKeys = {
  all: ['practice-groups'] as const,
  list: ['practice-groups', 'list'] as const,
  stats: (year: number) => ['practice-groups', 'stats', year] as const,
  group: (id: string) => ['practice-groups', 'group', id] as const,
};

export function usePracticeGroups() {
  return useQuery({
    queryKey: practiceKeys.list,
    queryFn: ({ signal }) => api<{ items: PracticeGroupSummary[] }>('/api/practice-groups', { signal }),
  });
}

export function usePracticeStats(year: number, enabled: boolean) {
  return useQuery({
    queryKey: practiceKeys.stats(year),
    queryFn: ({ signal }) => api<PracticeStats>(`/api/practice-groups/stats?year=${year}`, { signal }),
    enabled,
  });
}

export function usePracticeGroup(id: string) {
  return useQuery({
    queryKey: practiceKeys.group(id),
    queryFn: ({ signal }) => api<PracticeGroup>(`/api/practice-groups/${encodeURIComponent(id)}`, { signal }),
  });
}

type Body = Record<string, unknown>;
const groupUrl = (id: string) => `/api/practice-groups/${encodeURIComponent(id)}`;

export function saveGroup(id: string | null, body: Body) {
  return id
    ? api<PracticeGroup>(groupUrl(id), { method: 'PATCH', body })
    : api<PracticeGroup>('/api/practice-groups', { method: 'POST', body });
}

export function deleteGroup(id: string) {
  return api<void>(groupUrl(id), { method: 'DELETE' });
}

export function addPerson(groupId: string, body: Body) {
  return api<GroupPerson>(`${groupUrl(groupId)}/people`, { method: 'POST', body });
}

export function removePerson(groupId: string, personId: string) {
  return api<void>(`${groupUrl(groupId)}/people/${encodeURIComponent(personId)}`, { method: 'DELETE' });
}

export function createMeeting(groupId: string, body: Body) {
  return api<Meeting>(`${groupUrl(groupId)}/meetings`, { method: 'POST', body });
}

export function putAttendance(
  groupId: string,
  meetingId: string,
  body: { present: string[]; guests: Omit<Guest, 'organisationName'>[]; count?: number },
) {
  return api<Meeting>(`${groupUrl(groupId)}/meetings/${encodeURIComponent(meetingId)}/attendance`, {
    method: 'PUT',
    body,
  });
}
