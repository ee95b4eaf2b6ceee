import { ApiError, toApiError } from '../../app/api';
import type { Schema } from '../../app/contract';
import { upload } from '../../app/upload';
import { t } from '../../i18n';

export type ImportProblem = Schema<'MembersImportProblem'>;
export type PlanLine = Schema<'MembersImportPlanLine'>;
/** Exact counts; `plan` and `problems` hold the first 200 of each (`truncated` when there are more). */
export type ImportPreview = Schema<'MembersImportPreview'>;
export type ProblemCounts = Pick<ImportPreview['counts'], 'errors' | 'warnings'>;
/** What a commit answers; `rejects` when the valid lines were imported and some refused. */
export type CommitResult = Schema<'MembersImportResult'>;

/** Offers a text the server answered as a file to save. */
export function saveText(text: string, filename: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  URL.revokeObjectURL(url);
}

/** Every problem of the file as a CSV download (the preview lists the first 200). */
export async function downloadProblems(file: File, mapping: Record<string, string>): Promise<void> {
  const search = new URLSearchParams({ filename: file.name });
  if (Object.keys(mapping).length > 0) search.set('mapping', JSON.stringify(mapping));
  const response = await fetch(`/api/members/imports/problems.csv?${search}`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream' },
    body: file,
  });
  if (!response.ok) {
    const payload = (await response.json().catch(() => null)) as {
      error?: { code?: string; message?: string };
    };
    throw new ApiError(
      response.status,
      payload?.error?.code ?? `http.${response.status}`,
      payload?.error?.message ?? t('errors.unexpected', { status: response.status }),
    );
  }
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = 'problemes-import.csv';
  link.click();
  URL.revokeObjectURL(url);
}

/**
 * Sends the raw file (XMLHttpRequest: fetch reports no upload progress).
 * `onProgress` gets the uploaded fraction, then null while the server works.
 */
export function sendImport<T>(
  action: 'preview' | 'commit',
  file: File,
  mapping: Record<string, string>,
  onProgress: (fraction: number | null) => void,
  options: { skipInvalid?: boolean } = {},
): Promise<T> {
  const search = new URLSearchParams({ filename: file.name });
  if (options.skipInvalid) search.set('skipInvalid', 'true');
  // No mapping yet (a new file): the server proposes one from the headers.
  if (Object.keys(mapping).length > 0) search.set('mapping', JSON.stringify(mapping));
  return upload<T>(`/api/members/imports/${action}?${search}`, file, {
    contentType: 'application/octet-stream',
    onProgress,
    onSent: () => onProgress(null),
    // A refused file says why line by line: the problems and their counts ride on the error.
    toError: (status, payload) => {
      const error = (payload as { error?: { problems?: ImportProblem[]; counts?: ProblemCounts } } | null)
        ?.error;
      return Object.assign(toApiError(status, payload), {
        problems: error?.problems ?? [],
        counts: error?.counts ?? null,
      });
    },
  });
}
