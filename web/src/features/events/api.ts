import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api';

export type RegistrationStatus = 'registered' | 'waiting' | 'cancelled';
export type RegistrationState = 'open' | 'closed' | 'started';

export interface Registration {
  id: string;
  actionId: string;
  organisationId: string | null;
  organisationName: string | null;
  firstName: string;
  lastName: string;
  email: string | null;
  jobTitle: string | null;
  status: RegistrationStatus;
  attended: boolean | null;
  /** 1 = next to get a place; null when not waiting. */
  waitingPosition: number | null;
  registeredAt: string;
  cancelledAt: string | null;
}

export interface EventItem {
  id: string;
  title: string;
  startsOn: string;
  endsOn: string;
  datePrecision: 'day' | 'month';
  startTime: string | null;
  endTime: string | null;
  online: boolean;
  town: string | null;
  department: string | null;
  summary: string | null;
  visibility: 'public' | 'internal';
  capacity: number | null;
  registrationClosesOn: string | null;
  registrationState: RegistrationState;
  registeredCount: number;
  waitingCount: number;
  attendedCount: number;
  placesLeft: number | null;
  participantsCount: number | null;
}

export interface EventListItem extends EventItem {
  /** The caller's organisation's live registrations (member users). */
  ownRegistrations: Registration[];
}

export interface PersonInput {
  firstName: string;
  lastName: string;
  email: string;
  jobTitle: string | null;
  organisationId?: string | null;
}

export const eventsKeys = {
  all: ['events'] as const,
  list: (upcoming: boolean) => ['events', 'list', upcoming] as const,
  one: (id: string) => ['events', 'one', id] as const,
  registrations: (id: string) => ['events', 'registrations', id] as const,
  calendarToken: ['events', 'calendar-token'] as const,
};

export function useEvents(upcoming: boolean) {
  return useQuery({
    queryKey: eventsKeys.list(upcoming),
    queryFn: ({ signal }) =>
      api<{ items: EventListItem[] }>(`/api/events${upcoming ? '?upcoming=true' : ''}`, { signal }),
  });
}

export function useEvent(id: string) {
  return useQuery({
    queryKey: eventsKeys.one(id),
    queryFn: ({ signal }) => api<EventItem>(`/api/events/${id}`, { signal }),
  });
}

export function useRegistrations(id: string) {
  return useQuery({
    queryKey: eventsKeys.registrations(id),
    queryFn: ({ signal }) => api<{ items: Registration[] }>(`/api/events/${id}/registrations`, { signal }),
  });
}

export function register(actionId: string, body: PersonInput) {
  return api<Registration>(`/api/events/${actionId}/registrations`, { method: 'POST', body });
}

export function cancelRegistration(actionId: string, id: string) {
  return api<{ id: string; status: RegistrationStatus; promoted: string[] }>(
    `/api/events/${actionId}/registrations/${id}/cancel`,
    { method: 'POST' },
  );
}

export function saveAttendance(actionId: string, body: { present: string[]; absent: string[] }) {
  return api<{ participantsCount: number; items: Registration[] }>(`/api/events/${actionId}/attendance`, {
    method: 'PUT',
    body,
  });
}

export function addWalkIn(actionId: string, body: Omit<PersonInput, 'email'> & { email: string | null }) {
  return api<{ participantsCount: number; registration: Registration }>(`/api/events/${actionId}/walk-ins`, {
    method: 'POST',
    body,
  });
}

export const registrationsCsvUrl = (actionId: string) => `/api/events/${actionId}/registrations.csv`;
export const publicCalendarUrl = (slug: string) =>
  `/api/public/events.ics?delegation=${encodeURIComponent(slug)}`;

export function useCalendarToken() {
  return useQuery({
    queryKey: eventsKeys.calendarToken,
    queryFn: ({ signal }) =>
      api<{ active: boolean; createdAt: string | null }>('/api/calendar/token', { signal }),
  });
}

export function createCalendarToken() {
  return api<{ url: string }>('/api/calendar/token', { method: 'POST' });
}

export function revokeCalendarToken() {
  return api<null>('/api/calendar/token', { method: 'DELETE' });
}
