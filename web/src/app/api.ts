import { t } from '../i18n';

/** One field's problem, as the API reports it (`field` is a dotted path such as `establishment.siret`). */
export interface FieldError {
  field: string;
  code: string;
  message: string;
}

/** Any failed API call: the HTTP status, the stable code and the French message to show. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldError[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The message of the first error on this field path, if any. */
  fieldMessage(path: string): string | undefined {
    return this.fields.find((f) => f.field === path)?.message;
  }
}

type UnauthorizedHandler = () => void;
let onUnauthorized: UnauthorizedHandler = () => {};

/** The router registers how to reach the sign-in page; the client calls it on any 401. */
export function setUnauthorizedHandler(handler: UnauthorizedHandler) {
  onUnauthorized = handler;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
  /** False for calls where 401 is an expected answer (sign-in with a wrong password). */
  redirectOn401?: boolean;
}

type ErrorBody = { error?: { code?: unknown; message?: unknown; fields?: unknown } };

/** The ApiError of a refused call, from its status and JSON body (`{ error: { code, message, fields } }`). */
export function toApiError(status: number, payload: unknown): ApiError {
  const error = (payload as ErrorBody | null)?.error;
  const code = typeof error?.code === 'string' ? error.code : `http.${status}`;
  const message = typeof error?.message === 'string' ? error.message : t('errors.unexpected', { status });
  const fields = Array.isArray(error?.fields)
    ? (error.fields as unknown[]).filter(
        (f): f is FieldError =>
          typeof f === 'object' &&
          f !== null &&
          typeof (f as FieldError).field === 'string' &&
          typeof (f as FieldError).message === 'string',
      )
    : [];
  return new ApiError(status, code, message, fields);
}

/**
 * Calls the API on the same origin with the session cookie. Every write sends a JSON
 * body (the server requires `content-type: application/json`), `{}` when there is nothing to say.
 */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: string | undefined;
  if (method !== 'GET') {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body ?? {});
  }
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'network', t('errors.network'));
  }
  const text = await response.text();
  let payload: unknown = null;
  if (text) {
    try {
      payload = JSON.parse(text);
    } catch {
      payload = null;
    }
  }
  if (!response.ok) {
    const error = toApiError(response.status, payload);
    if (response.status === 401 && options.redirectOn401 !== false) onUnauthorized();
    throw error;
  }
  return payload as T;
}

/** Builds a query string from defined, non-empty values. */
export function query(params: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
