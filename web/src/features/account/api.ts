import { api } from '../../app/api';
import type { Schema } from '../../app/contract';

export type AccountSession = Schema<'AccountSession'>;

export const sessionsQueryKey = ['account', 'sessions'] as const;

export const getSessions = (signal?: AbortSignal) =>
  api<Schema<'AccountSessions'>>('/api/account/sessions', { signal });

export const renameSelf = (name: string) =>
  api<Schema<'AccountName'>>('/api/account', { method: 'PATCH', body: { name } });

export const changePassword = (currentPassword: string, newPassword: string) =>
  api<void>('/api/account/password', { method: 'POST', body: { currentPassword, newPassword } });

export const revokeOtherSessions = () =>
  api<void>('/api/account/sessions/revoke-others', { method: 'POST', body: {} });

export const requestPasswordReset = (email: string) =>
  api<Schema<'PasswordResetRequested'>>('/api/account/password-reset/request', {
    method: 'POST',
    body: { email },
    redirectOn401: false,
  });

export const resetPassword = (token: string, newPassword: string) =>
  api<void>('/api/account/password-reset', {
    method: 'POST',
    body: { token, newPassword },
    redirectOn401: false,
  });

/** A readable device from a user agent: "Firefox sur Linux", or the raw string when unknown. */
export function deviceLabel(userAgent: string | null): string | null {
  if (!userAgent) return null;
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
    : /Firefox\//.test(userAgent)
      ? 'Firefox'
      : /Chrom(e|ium)\//.test(userAgent)
        ? 'Chrome'
        : /Safari\//.test(userAgent)
          ? 'Safari'
          : null;
  const system = /Android/.test(userAgent)
    ? 'Android'
    : /iPhone|iPad/.test(userAgent)
      ? 'iOS'
      : /Windows/.test(userAgent)
        ? 'Windows'
        : /Mac OS X/.test(userAgent)
          ? 'macOS'
          : /Linux|X11/.test(userAgent)
            ? 'Linux'
            : null;
  if (!browser) return userAgent.slice(0, 120);
  return system ? `${browser} sur ${system}` : browser;
}
