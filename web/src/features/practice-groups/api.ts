import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api';
import type { Body, Schema } from '../../app/contract';

export type PracticeGroupSummary = Schema<'PracticeGroupSummary'>;
export type GroupPerson = Schema<'PracticeGroupPerson'>;
export type Guest = Schema<'PracticeGuest'>;
export type Meeting = Schema<'PracticeMeeting'>;
export type PracticeGroup = Schema<'PracticeGroup'>;
export type PracticeStats = Schema<'PracticeStats'>;
export type GroupStats = PracticeStats['groups'][number];

export const practiceKeys = {
  all: ['practice-groups'] as const,
  list: ['practice-groups', 'list'] as const,
  stats: (year: number) => ['practice-groups', 'stats', year] as const,
  group: (id: string) => ['practice-groups', 'group', id] as const,
};

export function usePracticeGroups() {
  return useQuery({
    queryKey: practiceKeys.list,
    queryFn: ({ signal }) => api<Schema<'PracticeGroupList'>>('/api/practice-groups', { signal }),
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

/** A form's values as typed: the server checks them against the operation's body. */
type FormBody = Record<string, unknown>;
const groupUrl = (id: string) => `/api/practice-groups/${encodeURIComponent(id)}`;

export function saveGroup(id: string | null, body: Body<'/api/practice-groups/{id}', 'patch'>) {
  return id
    ? api<PracticeGroup>(groupUrl(id), { method: 'PATCH', body })
    : api<PracticeGroup>('/api/practice-groups', { method: 'POST', body });
}

export function deleteGroup(id: string) {
  return api<void>(groupUrl(id), { method: 'DELETE' });
}

export function addPerson(groupId: string, body: FormBody) {
  return api<GroupPerson>(`${groupUrl(groupId)}/people`, { method: 'POST', body });
}

export function removePerson(groupId: string, personId: string) {
  return api<void>(`${groupUrl(groupId)}/people/${encodeURIComponent(personId)}`, { method: 'DELETE' });
}

export function createMeeting(groupId: string, body: FormBody) {
  return api<Meeting>(`${groupUrl(groupId)}/meetings`, { method: 'POST', body });
}

export function putAttendance(
  groupId: string,
  meetingId: string,
  body: Body<'/api/practice-groups/{id}/meetings/{actionId}/attendance', 'put'>,
) {
  return api<Meeting>(`${groupUrl(groupId)}/meetings/${encodeURIComponent(meetingId)}/attendance`, {
    method: 'PUT',
    body,
  });
}
