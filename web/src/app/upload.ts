import { t } from '../i18n';
import { ApiError, toApiError } from './api';

interface Options {
  /** The fraction of the body sent so far. */
  onProgress?: (fraction: number) => void;
  /** The body is all sent: the server is at work. */
  onSent?: () => void;
  /** Sent as is with this type (a raw file); without it, the browser's own (multipart for FormData). */
  contentType?: string;
  /** Builds the refusal from the status and the JSON body, when an endpoint says more than ApiError holds. */
  toError?: (status: number, payload: unknown) => Error;
}

/**
 * POSTs a body with XMLHttpRequest rather than fetch: only it reports the upload's progress.
 * Resolves with the JSON answer; a refusal rejects with ApiError, like every other call.
 */
export function upload<T>(url: string, body: XMLHttpRequestBodyInit, options: Options = {}): Promise<T> {
  const { onProgress, onSent, contentType, toError = toApiError } = options;
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    if (contentType) xhr.setRequestHeader('content-type', contentType);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress?.(event.loaded / event.total);
    };
    if (onSent) xhr.upload.onload = onSent;
    xhr.onerror = () => reject(new ApiError(0, 'network', t('errors.network')));
    xhr.onload = () => {
      let payload: unknown = null;
      try {
        payload = JSON.parse(xhr.responseText);
      } catch {
        payload = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(payload as T);
      else reject(toError(xhr.status, payload));
    };
    xhr.send(body);
  });
}

/** Sends one file as multipart/form-data (its part named `file`). */
export function uploadFile<T>(url: string, file: File, onProgress?: (fraction: number) => void): Promise<T> {
  const form = new FormData();
  form.append('file', file);
  return upload<T>(url, form, { onProgress });
}
