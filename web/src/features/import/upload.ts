import { ApiError } from '../../app/api';
import { t } from '../../i18n';

export interface ImportProblem {
  line: number;
  column: string | null;
  code: string;
  message: string;
  severity: 'error' | 'warning';
}
export interface PlanLine {
  line: number;
  name: string;
  siret: string | null;
  fields?: string[];
}
export interface ImportPreview {
  format: 'csv' | 'xlsx';
  encoding: string | null;
  delimiter: string | null;
  headers: string[];
  mapping: Record<string, string>;
  rows: number;
  plan: { create: PlanLine[]; update: PlanLine[] };
  problems: ImportProblem[];
}

/**
 * Sends the raw file with XMLHttpRequest (fetch reports no upload progress).
 * `onProgress` gets the uploaded fraction, then null while the server works.
 */
export function sendImport<T>(
  action: 'preview' | 'commit',
  file: File,
  mapping: Record<string, string>,
  onProgress: (fraction: number | null) => void,
): Promise<T> {
  const search = new URLSearchParams({ filename: file.name });
  // No mapping yet (a new file): the server proposes one from the headers.
  if (Object.keys(mapping).length > 0) search.set('mapping', JSON.stringify(mapping));
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/members/imports/${action}?${search}`);
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.upload.onload = () => onProgress(null);
    xhr.onerror = () => reject(new ApiError(0, 'network', t('errors.network')));
    xhr.onload = () => {
      let payload: unknown = null;
      try {
        payload = JSON.parse(xhr.responseText);
      } catch {
        payload = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(payload as T);
      const error = (payload as { error?: { code?: string; message?: string; problems?: ImportProblem[] } })
        ?.error;
      reject(
        Object.assign(
          new ApiError(
            xhr.status,
            error?.code ?? `http.${xhr.status}`,
            error?.message ?? t('errors.unexpected', { status: xhr.status }),
          ),
          {
            problems: error?.problems ?? [],
          },
        ),
      );
    };
    xhr.send(file);
  });
}
