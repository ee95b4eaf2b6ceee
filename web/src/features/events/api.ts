import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api';
import type { Answer, Body, Schema } from '../../app/contract';

export type RegistrationStatus = Schema<'EventRegistrationStatus'>;
export type RegistrationState = Schema<'EventRegistrationState'>;
export type Registration = Schema<'EventRegistration'>;
export type EventItem = Schema<'Event'>;
export type EventListItem = Schema<'EventListItem'>;
export type PersonInput = Body<'/api/events/{actionId}/registrations', 'post'>;

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
      api<Answer<'/api/events'>>(`/api/events${upcoming ? '?upcoming=true' : ''}`, { signal }),
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
    queryFn: ({ signal }) =>
      api<Answer<'/api/events/{actionId}/registrations'>>(`/api/events/${id}/registrations`, { signal }),
  });
}

export function register(actionId: string, body: PersonInput) {
  return api<Registration>(`/api/events/${actionId}/registrations`, { method: 'POST', body });
}

export function cancelRegistration(actionId: string, id: string) {
  return api<Answer<'/api/events/{actionId}/registrations/{id}/cancel', 'post'>>(
    `/api/events/${actionId}/registrations/${id}/cancel`,
    { method: 'POST' },
  );
}

export function saveAttendance(actionId: string, body: Body<'/api/events/{actionId}/attendance', 'put'>) {
  return api<Answer<'/api/events/{actionId}/attendance', 'put'>>(`/api/events/${actionId}/attendance`, {
    method: 'PUT',
    body,
  });
}

export function addWalkIn(actionId: string, body: Body<'/api/events/{actionId}/walk-ins', 'post'>) {
  return api<Answer<'/api/events/{actionId}/walk-ins', 'post'>>(`/api/events/${actionId}/walk-ins`, {
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
    queryFn: ({ signal }) => api<Answer<'/api/calendar/token'>>('/api/calendar/token', { signal }),
  });
}

export function createCalendarToken() {
  return api<Answer<'/api/calendar/token', 'post'>>('/api/calendar/token', { method: 'POST' });
}

export function revokeCalendarToken() {
  return api<null>('/api/calendar/token', { method: 'DELETE' });
}
